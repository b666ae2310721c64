import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { uiLanguages } from '../../i18n/index.ts';
import { visit } from 'unist-util-visit';
import { isPlaceholder } from '../content/placeholder.ts';
import { layout, type Project, type SopDoc } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ModuleDoc } from '../training/modules.ts';
import type { CheckContext } from './context.ts';
import { formatParameter } from '../params/format.ts';
import { UNSET } from '../../schemas/parameters.ts';

const PLACEHOLDER = /\[[^\]]+\]/;
const NOT_MODEL = `and the pack is no longer the model (model: false, ${layout.site})`;

/** "2 of 9 entries", "all 6 entries", "its one entry". */
const share = (n: number, of: number, one: string, many: string) => (n === of ? (of === 1 ? `its one ${one}` : `all ${of} ${many}`) : `${n} of ${of} ${of === 1 ? one : many}`);

/** Every SOP and module, sources and translations. */
function documents(project: Project): (SopDoc | ModuleDoc)[] {
  const translated = Object.values(project.translations);
  return [...project.sops, ...translated.flatMap((t) => t.sops), ...project.modules, ...translated.flatMap((t) => t.modules)];
}

/**
 * What a country fills in beyond the names, once the pack is its own: the law in each SOP's
 * `legalBasis`, the bracketed placeholders in the text ("The [Civil Registration Act, year]
 * should say..."), where the law sets each parameter, and the currency of an amount. One warning
 * per file or list, with the count and where the first is: the model pack has hundreds.
 */
function modelLeftovers(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of documents(project)) {
    const basis = 'legalBasis' in (doc.data ?? {}) ? ((doc.data as { legalBasis?: { instrument: string; provision: string }[] }).legalBasis ?? []) : [];
    const open = basis.flatMap((b, i) => (isPlaceholder(b.instrument) || isPlaceholder(b.provision) ? [i] : []));
    if (open.length) {
      const first = basis[open[0]!]!;
      const text = isPlaceholder(first.instrument) ? first.instrument : first.provision;
      out.push(diagnostic('warning', 'sop/placeholder', doc.file, `legalBasis: ${share(open.length, basis.length, 'entry', 'entries')} still give${open.length === 1 ? 's' : ''} the model's placeholders (the first: "${text}"), ${NOT_MODEL}: write the country's law, instrument and provision, or remove what does not apply`, doc.yaml.positionOf(['legalBasis', open[0]!])));
    }
    const forms = 'forms' in (doc.data ?? {}) ? ((doc.data as { forms?: { title: string; purpose?: string; fields?: string[] }[] }).forms ?? []) : [];
    const unfilled = forms.flatMap((f, i) => ([f.title, f.purpose ?? '', ...(f.fields ?? [])].some(isPlaceholder) ? [i] : []));
    if (unfilled.length) {
      out.push(diagnostic('warning', 'sop/placeholder', doc.file, `forms: ${share(unfilled.length, forms.length, 'form', 'forms')} still ha${unfilled.length === 1 ? 's' : 've'} placeholders in their title, purpose or fields (the first: ${forms[unfilled[0]!]!.title}), ${NOT_MODEL}: describe the country's own forms`, doc.yaml.positionOf(['forms', unfilled[0]!])));
    }
    if (!doc.tree) continue;
    const found: { line: number; column: number; text: string }[] = [];
    visit(doc.tree as Root, 'text', (node) => {
      const match = PLACEHOLDER.exec(node.value);
      if (!match || !node.position) return;
      // At the bracket: the text before it in the node, over its lines.
      const before = node.value.slice(0, match.index).split('\n');
      const line = node.position.start.line + before.length - 1;
      const column = before.length === 1 ? node.position.start.column + match.index : before.at(-1)!.length + 1;
      found.push({ line, column, text: match[0] });
    });
    if (found.length) {
      const lines = [...new Set(found.map((f) => f.line))];
      const list = `${lines.slice(0, 12).join(', ')}${lines.length > 12 ? ', ...' : ''}`;
      const what = found.length === 1 ? `a placeholder in brackets is still in the text: "${found[0]!.text}"` : `${found.length} placeholders in brackets are still in the text (the first: "${found[0]!.text}"; lines ${list})`;
      out.push(diagnostic('warning', 'text/placeholder', doc.file, `${what}, ${NOT_MODEL}: write the country's own law, names and figures`, found[0]));
    }
  }
  const yaml = project.yaml.parameters;
  const list = project.parameters.list;
  const unsourced = list.flatMap((p, i) => (isPlaceholder(p.source) ? [i] : []));
  if (unsourced.length) {
    out.push(diagnostic('warning', 'params/placeholder', layout.parameters, `source: ${share(unsourced.length, list.length, 'parameter', 'parameters')} still cite${unsourced.length === 1 ? 's' : ''} the model's placeholder (the first: ${list[unsourced[0]!]!.id}, "${list[unsourced[0]!]!.source}"), ${NOT_MODEL}: write where the country's law sets each value`, yaml?.positionOf([unsourced[0]!, 'source'])));
  }
  list.forEach((p, i) => {
    if (p.unit !== 'currency') return;
    if (p.value === UNSET) {
      out.push(diagnostic('warning', 'params/placeholder', layout.parameters, `${p.id}: value is still ${UNSET}, so every page and print shows "${formatParameter(p)}" for it, ${NOT_MODEL}: write the country's amount (0 for no fee) and its currency`, yaml?.positionOf([i, 'value'])));
      return;
    }
    // An amount of 0 prints as "none": it needs no currency.
    if (p.value !== 0 && (p.currency === undefined || isPlaceholder(p.currency))) {
      out.push(diagnostic('warning', 'params/placeholder', layout.parameters, `${p.id}: no currency, so amounts print as "${formatParameter(p)}"; add currency: with the country's currency as it is printed (a code such as XOF, or its sign)`, yaml?.positionOf([i, p.currency === undefined ? 'unit' : 'currency'])));
    }
  });
  return out;
}


/**
 * The names in `content/site.yaml` a country replaces: a language's `title` or `organisation`
 * still the model's placeholder when the source's is filled in (French pages, covers and PDF
 * metadata kept "[Autorité nationale…]" under a country's own name in English), and, once the
 * pack is no longer the model (`model: false`), a name that is still a placeholder.
 */
export function checkSite({ project }: CheckContext): Diagnostic[] {
  const site = project.site;
  // A project the site is built from (its astro.config.mjs beside content/) cannot be built
  // without its settings: check passed, and the build stopped at once. The CLI alone (check,
  // score, print) needs none.
  if (!existsSync(join(project.root, layout.site)) && existsSync(join(project.root, 'astro.config.mjs'))) {
    return [diagnostic('error', 'site/missing', layout.site, `${layout.site} is missing, and the site cannot be built without it: the site's title, address, organisation and languages come from it; restore it (from the model pack, or git)`)];
  }
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
    out.push(...modelLeftovers(project));
  }
  (site.locales ?? []).forEach((locale, i) => {
    // A language SOPKit has no words of its own for: the pages under /<code>/ show the menus,
    // headings and buttons in English, marked as that language.
    if (!uiLanguages.includes(locale.code) && !uiLanguages.includes(locale.code.split('-')[0] ?? '')) {
      out.push(diagnostic('warning', 'site/locale-no-ui', layout.site, `locales (${locale.code}): SOPKit's own words (menus, headings, buttons, the words of the PDFs) are not translated into ${locale.label ?? locale.code}, only into ${uiLanguages.join(', ')}, so the pages under /${locale.code}/ give them in English; translate src/i18n/en.json into src/i18n/${locale.code}.json (and add it in src/i18n/index.ts), or leave the locale out until then`, at(['locales', i, 'code'])));
    }
    for (const field of ['title', 'organisation'] as const) {
      const own = locale[field];
      if (own === undefined || !isPlaceholder(own) || isPlaceholder(site[field])) continue;
      out.push(diagnostic('warning', 'site/locale-placeholder', layout.site, `locales (${locale.code}): ${field} "${own}" is still the model's placeholder, where ${field} is "${site[field]}": give it in ${locale.label ?? locale.code}, or remove the line to use "${site[field]}"`, at(['locales', i, field])));
    }
  });
  return out;
}
