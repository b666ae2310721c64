/** A `<Param>` link of a built page: the parameter, its hreflang and its tooltip (entities decoded). */
export interface ParamLink {
  id: string;
  /** The page the link opens, without the anchor: `/fr/country-profile/`. */
  page: string;
  hreflang: string | undefined;
  title: string;
}

const decode = (s: string) => s.replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** The `<a class="param">` links of a page's HTML, in order. */
export function paramLinks(html: string): ParamLink[] {
  return [...html.matchAll(/<a class="param" ([^>]*)>/g)].map((m) => ({
    id: /href="[^"]*#param-([^"]+)"/.exec(m[1]!)?.[1] ?? '',
    page: /href="([^"#]*)#/.exec(m[1]!)?.[1] ?? '',
    hreflang: /hreflang="([^"]*)"/.exec(m[1]!)?.[1],
    title: decode(/title="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
  }));
}
