import { isPlaceholder } from '../content/placeholder.ts';
import { layout } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { CheckContext } from './context.ts';


/**
 * The names in `content/site.yaml` a country replaces: a language's `title` or `organisation`
 * still the model's placeholder when the source's is filled in (French pages, covers and PDF
 * metadata kept "[Autorité nationale…]" under a country's own name in English), and, once the
 * pack is no longer the model (`model: false`), a name that is still a placeholder.
 */
export function checkSite({ project }: CheckContext): Diagnostic[] {
  const site = project.site;
  if (!site) return [];
  const yaml = project.yaml.site;
  const at = (path: (string | number)[]) => yaml?.positionOf(path);
  const out: Diagnostic[] = [];
  if (!site.model) {
    for (const field of ['title', 'organisation', 'country'] as const) {
      if (isPlaceholder(site[field])) out.push(diagnostic('warning', 'site/placeholder', layout.site, `${field}: "${site[field]}" is still a placeholder, and the pack is no longer the model (model: false): write the country's own`, at([field])));
    }
    // The names each SOP prints on its cover and approval block: its owner and who approved it
    // ("[Directorate of Civil Registration]" and "[Name]" under the country's own title).
    for (const sop of [...project.sops, ...Object.values(project.translations).flatMap((t) => t.sops)]) {
      const data = sop.data;
      if (!data) continue;
      const names: [string[], string][] = [[['owner'], data.owner]];
      if (data.approval) names.push([['approval', 'by'], data.approval.by], [['approval', 'title'], data.approval.title]);
      for (const [path, value] of names) {
        if (isPlaceholder(value)) out.push(diagnostic('warning', 'sop/placeholder', sop.file, `${path.join('.')}: "${value}" is still a placeholder, and the pack is no longer the model (model: false, ${layout.site}): write the country's own`, sop.yaml.positionOf(path)));
      }
    }
  }
  (site.locales ?? []).forEach((locale, i) => {
    for (const field of ['title', 'organisation'] as const) {
      const own = locale[field];
      if (own === undefined || !isPlaceholder(own) || isPlaceholder(site[field])) continue;
      out.push(diagnostic('warning', 'site/locale-placeholder', layout.site, `locales (${locale.code}): ${field} "${own}" is still the model's placeholder, where ${field} is "${site[field]}": give it in ${locale.label ?? locale.code}, or remove the line to use "${site[field]}"`, at(['locales', i, field])));
    }
  });
  return out;
}
