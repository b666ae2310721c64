import { colon, t, type UiKey } from '../../../i18n/index.ts';
import { esc } from '../../assessment/charts.ts';
import type { SopDiff } from './compare.ts';
import type { SectionChange } from './sections.ts';
import { labelledRuns, readable, type BlockChange, type MarkedRun, type TextPart } from './text-diff.ts';
import { columnName, fieldWord, frontmatterFieldLabel, redlineGroups, type RedlineUnit } from './redline-layout.ts';

/**
 * Styles of the redline (the changes page and `<sop>-changes.html`), scoped under
 * `.sopkit-redline`. Deletions are struck through and insertions underlined, so no change is shown
 * by colour alone; both colours meet WCAG 2.1 AA on white.
 */
export const redlineCss = `
.sopkit-redline { max-width: 46rem; }
.sopkit-redline del { color: #a11d1d; text-decoration: line-through; text-decoration-thickness: 1.5px; }
.sopkit-redline ins { color: #0b4f9c; text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 0.15em; }
.sopkit-redline .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.sopkit-redline .legend { border-inline-start: 4px solid #0b57a4; background: #e8f0fa; padding: 0.5rem 0.9rem; margin: 1em 0; }
.sopkit-redline .legend p { margin: 0.3em 0; }
.sopkit-redline .status { font-size: 0.85rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; margin: -0.3em 0 0.6em; color: #0b4f9c; }
.sopkit-redline .status.removed { color: #a11d1d; }
.sopkit-redline .table-wrap { overflow-x: auto; margin: 0 0 1em; position: relative; }
.sopkit-redline table { border-collapse: collapse; font-size: 0.92rem; }
.sopkit-redline th, .sopkit-redline td { border: 1px solid #d5dae0; padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
.sopkit-redline th { background: #f4f6f8; }
.sopkit-redline code { overflow-wrap: anywhere; }
.sopkit-redline .meta { color: #4a5360; margin-top: 1em; }
@media (max-width: 40rem) {
  .sopkit-redline .redline-cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .sopkit-redline .redline-cards table, .sopkit-redline .redline-cards tbody, .sopkit-redline .redline-cards tr, .sopkit-redline .redline-cards td { display: block; }
  .sopkit-redline .redline-cards tr { border: 1px solid #d5dae0; border-radius: 4px; padding: 0.4rem 0.6rem; margin: 0 0 0.6rem; }
  .sopkit-redline .redline-cards td { border: 0; padding: 0.15rem 0 0; }
  .sopkit-redline .redline-cards td:first-child { font-weight: 600; }
  .sopkit-redline .redline-cards td[data-label]:empty { display: none; }
  .sopkit-redline .redline-cards td[data-label]::before { content: attr(data-label); font-weight: 600; color: #4a5360; }
}
.sopkit-redline p.title { font-weight: 700; margin-bottom: 0.3em; }
.sopkit-redline p.item { margin: 0.25em 0; padding-inline-start: 1.1em; text-indent: -1.1em; }
.sopkit-redline .d1 { margin-inline-start: 0.6em; }
.sopkit-redline .d2 { margin-inline-start: 2em; }
.sopkit-redline .d3 { margin-inline-start: 3.4em; }
.sopkit-redline .d4 { margin-inline-start: 4.8em; }
.sopkit-redline .box { border-inline-start: 4px solid #0b57a4; background: #f1f5fa; padding: 0.4rem 0.9rem; margin: 1em 0; }
.sopkit-redline .box > :first-child { margin-top: 0.2em; }
.sopkit-redline .box-warning { border-color: #8a5300; background: #fdf7ea; }
.sopkit-redline .box-data-protection { border-color: #5a3792; background: #f6f2fc; }
.sopkit-redline .box-fraud-risk { border-color: #a11d1d; background: #fcf1f1; }
.sopkit-redline .box-case { border-color: #595e66; background: #f5f5f5; }
.sopkit-redline .box-trainer { border-color: #1a6b3c; background: #eff8f1; }
.sopkit-redline .box-label { font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; color: #3f4650; margin: 0.2em 0; }
.sopkit-redline h3 a, .sopkit-redline h2 a { text-decoration-thickness: 1px; }
`;

/** Options of the redline HTML. */
export interface RedlineHtmlOptions {
  /** Level of the top headings: 2 inside a page with its own h1 (default), 1 in a file of its own. */
  level?: 1 | 2;
  /** Link section titles to this page (the SOP page), with the section anchor. */
  sopHref?: string;
}

/** Marked words as HTML: `<del>` and `<ins>`, each with a word for screen readers; labels in `<strong>`. */
function runsHtml(runs: readonly MarkedRun[], lang: string): string {
  return runs
    .map((p) => {
      const text = p.label ? `<strong>${esc(p.text)}</strong>` : esc(p.text);
      if (p.kind === 'same') return text;
      const tag = p.kind;
      const word = t(p.kind === 'del' ? 'diff.legend.sample.del' : 'diff.legend.sample.ins', lang);
      return `<${tag}><span class="sr-only">[${esc(word)}: </span>${text}<span class="sr-only">]</span></${tag}>`;
    })
    .join('');
}

/** Marked words as HTML: `<del>` and `<ins>`, each with a word for screen readers. */
export function partsHtml(parts: readonly TextPart[], lang: string): string {
  return runsHtml(readable(parts), lang);
}

/** One compared block as a paragraph: a list item indented with its marker, labelled values with bold labels, a title in bold. */
function blockHtml(b: BlockChange, lang: string): string {
  const depth = Math.min(b.depth ?? 0, 4);
  const classes = [b.form === 'paragraph' ? '' : b.form, depth ? `d${depth}` : ''].filter(Boolean).join(' ');
  return `<p${classes ? ` class="${classes}"` : ''}>${runsHtml(labelledRuns(b), lang)}</p>`;
}


/** The compared blocks of a section: the rows of a table as a table, those of a callout or a case study in its box. */
function blocksHtml(blocks: readonly BlockChange[], lang: string, caption: string): string {
  // Each table's scrolling region is named by its section, numbered when the section has more than one.
  let tables = 0;
  const name = () => (++tables === 1 ? caption : `${caption} (${tables})`);
  const unit = (u: RedlineUnit) =>
    u.kind === 'block' ? blockHtml(u.block, lang) : table(name(), u.columns.map((c) => columnName(c, lang)), u.cells.map((row) => row.map((c) => runsHtml(c, lang))), lang);
  return redlineGroups(blocks, lang)
    .map((g) => {
      const body = g.units.map(unit).join('\n');
      return g.box ? `<div class="box box-${g.box.tone}">${g.box.label ? `<p class="box-label">${esc(g.box.label)}</p>` : ''}\n${body}</div>` : body;
    })
    .join('\n');
}

function sectionHtml(s: SectionChange, lang: string, h: number, o: RedlineHtmlOptions): string {
  const ref = s.to ?? s.from!;
  const status = s.status === 'moved' ? t('diff.status.moved', lang, { from: s.from?.number ?? '' }) : t(`diff.status.${s.status}` as UiKey, lang);
  const title = s.status === 'removed' ? `<del>${esc(ref.title)}</del>` : s.status === 'added' ? `<ins>${esc(ref.title)}</ins>` : esc(ref.title);
  const heading = o.sopHref && s.to && s.status !== 'added' ? `<a href="${esc(`${o.sopHref}#${s.to.anchor}`)}">${ref.number} ${title}</a>` : `${ref.number} ${title}`;
  const retitled = s.title ? ` · ${esc(t('diff.retitled', lang, { title: s.from?.title ?? '' }))}` : '';
  const blocks = blocksHtml(s.blocks, lang, `${ref.number} ${ref.title}`);
  return `<section><h${h + 1}>${heading}</h${h + 1}>\n<p class="status ${s.status}">${esc(status)}${retitled}</p>\n${blocks}</section>`;
}

/**
 * A table of the redline. On a phone each row is a card (the step table's five columns were a
 * 5,000 px column of cut cells at 360 px): its first cell as the card's head, every other cell
 * under its column's name.
 */
const table = (caption: string, head: string[], rows: string[][], lang: string) =>
  `<div class="table-wrap redline-cards" tabindex="0" role="region" aria-label="${esc(caption)}"><table><caption class="sr-only">${esc(caption)}</caption><thead><tr>${head.map((x) => `<th scope="col">${esc(x)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<td>${c}</td>` : `<td data-label="${esc(`${head[i] ?? ''}${colon(lang)} `)}">${c}</td>`)).join('')}</tr>`).join('')}</tbody></table></div>`;

const delIns = (from: string | undefined, to: string | undefined, lang: string): [string, string] => [
  from === undefined ? '' : partsHtml([{ text: from, kind: 'del' }], lang),
  to === undefined ? '' : partsHtml([{ text: to, kind: 'ins' }], lang),
];

/**
 * The comparison as an HTML fragment inside `<div class="sopkit-redline">`: legend, summary,
 * frontmatter changes, changed sections with their words marked, workflow changes.
 */
export function renderRedlineFragment(diff: SopDiff, o: RedlineHtmlOptions = {}): string {
  const lang = diff.language;
  const h = o.level ?? 2;
  const unchanged = diff.sections.filter((s) => s.status === 'unchanged').map((s) => s.to!.number);
  const out: string[] = [
    `<p class="meta">${esc(t('diff.lead', lang, { code: diff.code ?? diff.sop, from: diff.from.label, to: diff.to.label }))}</p>`,
    `<div class="legend" role="note"><p><strong>${esc(t('diff.legend', lang))}</strong></p><p><del>${esc(t('diff.legend.sample.del', lang))}</del>${esc(t('diff.legend.del', lang))}</p><p><ins>${esc(t('diff.legend.sample.ins', lang))}</ins>${esc(t('diff.legend.ins', lang))}</p><p>${esc(t('diff.legend.sections', lang))}</p></div>`,
    `<p><strong>${esc(t('diff.summary', lang, { ...diff.counts }))}</strong>${unchanged.length ? ` ${esc(t('diff.unchangedList', lang, { list: unchanged.join(', ') }))}` : ''}</p>`,
    `<h${h}>${esc(t('diff.frontmatter', lang))}</h${h}>`,
  ];
  if (diff.frontmatterNote) out.push(`<p>${esc(diff.frontmatterNote)}</p>`);
  else if (!diff.frontmatter.length) out.push(`<p>${esc(t('diff.noChange', lang))}</p>`);
  else out.push(table(t('diff.frontmatter', lang), [t('diff.field', lang), t('diff.before', lang), t('diff.after', lang)], diff.frontmatter.map((f) => [esc(frontmatterFieldLabel(f.field, lang)), ...delIns(f.from, f.to, lang)]), lang));
  out.push(`<h${h}>${esc(t('diff.sections', lang))}</h${h}>`);
  const changed = diff.sections.filter((s) => s.status !== 'unchanged');
  if (!changed.length) out.push(`<p>${esc(t('diff.noChange', lang))}</p>`);
  for (const s of changed) out.push(sectionHtml(s, lang, h, o));
  const w = diff.workflow;
  if (w.compared || w.note) {
    out.push(`<h${h}>${esc(t('diff.workflow', lang))}</h${h}>`);
    if (!w.compared) out.push(`<p>${esc(t('diff.workflow.notCompared', lang, { note: w.note ?? '' }))}</p>`);
    else if (!w.changes.length) out.push(`<p>${esc(t('diff.workflow.none', lang))}</p>`);
    else {
      const rows = w.changes.map((c) => {
        const subject = c.kind === 'removed' ? partsHtml([{ text: c.subject, kind: 'del' }], lang) : c.kind === 'added' ? partsHtml([{ text: c.subject, kind: 'ins' }], lang) : esc(c.subject);
        const field = c.field ? ` · <em>${esc(fieldWord(c.field, lang))}</em>` : '';
        return [`${esc(t(`diff.what.${c.what}` as UiKey, lang))} ${esc(t(`diff.kind.${c.kind}` as UiKey, lang))}`, `${subject}${field}`, ...delIns(c.from, c.to, lang)];
      });
      out.push(table(t('diff.workflow', lang), [t('diff.workflow.change', lang), t('diff.workflow.what', lang), t('diff.before', lang), t('diff.after', lang)], rows, lang));
    }
  }
  return `<div class="sopkit-redline">\n${out.join('\n')}\n</div>`;
}

/** The comparison as a complete HTML file (`<sop>-changes.html`). */
export function renderRedlineHtml(diff: SopDiff): string {
  const lang = diff.language;
  const title = t('diff.title', lang, { title: diff.title ?? diff.sop });
  return `<!doctype html>
<html lang="${esc(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>body{margin:1rem;font-family:system-ui,sans-serif;line-height:1.55;color:#1b1f24}${redlineCss}</style></head>
<body><main><h1>${esc(title)}</h1>${renderRedlineFragment(diff, { level: 2 })}</main></body>
</html>
`;
}
