/**
 * Styles of the training report (report.html and the scoring page), scoped under `.sopkit-report`
 * so the page around it keeps its own. Colours meet WCAG 2.1 AA on white; prints on A4.
 */
/**
 * A table row's cells, each \`<td>\` labelled with its column's name for the cards (\`data-label\`).
 * @param row one \`<tr>…</tr>\`, its cells \`<th>\` or \`<td>\` (no table inside a cell)
 * @param head the columns' names, escaped HTML without tags
 */
export function labelCells(row: string, head: readonly string[], colon: string): string {
  let i = -1;
  return row.replace(/<(td|th)(?=[\s>])/g, (tag, name: string) => {
    i++;
    const label = (head[i] ?? '').replace(/<[^>]*>/g, '');
    return name === 'td' && label ? `<td data-label="${label.replace(/"/g, '&quot;')}${colon} "` : tag;
  });
}

/**
 * The columns of a table whose every body cell is a number (`class="n"`, set at the end of the
 * cell): their headers are set at the end too, over the figures, not at the start of a wide column.
 * @param rows Each row's cells in order (`<th>` or `<td>` HTML, or their classes).
 */
export function numericColumns(rows: readonly (readonly (string | undefined)[])[]): Set<number> {
  const out = new Set<number>();
  if (!rows.length) return out;
  const width = Math.max(...rows.map((r) => r.length));
  for (let i = 0; i < width; i++) if (rows.every((r) => /(^|\s)n(\s|$)/.test(r[i] ?? ''))) out.add(i);
  return out;
}

/** The class of each cell of a row given as HTML (`<tr><th>…</th><td class="n">…</td></tr>`), in order. */
export function cellClasses(row: string): string[] {
  return [...row.matchAll(/<(?:td|th)(?=[\s>])([^>]*)>/g)].map((m) => /\bclass="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '');
}

/** A header row: each column's name, set at the end over a column of numbers (`numericColumns`). */
export function headRow(head: readonly string[], numeric: ReadonlySet<number>): string {
  return `<tr>${head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="n"' : ''}>${h}</th>`).join('')}</tr>`;
}

/** The rules that make each row of a table of class `cls` a card under `width` (`extra`: more rules inside the same query). */
function cardRules(cls: string, width: string, extra = ''): string {
  const c = `.sopkit-report .${cls}`;
  return `@media (max-width: ${width}) {
  ${c} thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .sopkit-report .table-wrap.${cls} > table { min-width: 0; width: 100%; }
  ${c} tbody, ${c} tr, ${c} td, ${c} th[scope="row"] { display: block; }
  ${c} tr { border: 1px solid #d5dae0; border-radius: 4px; padding: 0.45rem 0.7rem; margin: 0 0 0.6rem; }
  ${c} th[scope="row"] { border: 0; padding: 0; background: none; white-space: normal; width: auto; }
  ${c} td { border: 0; padding: 0.2rem 0 0; text-align: start; white-space: normal; }
  ${c} td[data-label]::before { content: attr(data-label); font-weight: 600; color: #4a5360; }
  ${c} td:empty { display: none; }${extra}
}`;
}

export const reportCss = `
.sopkit-report { font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', Roboto, Arial, sans-serif; color: #1b1f24; line-height: 1.5; max-width: 60rem; }
.sopkit-report h1, .sopkit-report > h2:first-child { font-size: 1.6rem; margin: 0.2em 0 0.3em; border: 0; }
.sopkit-report h2, .sopkit-report h3 { font-size: 1.3rem; margin: 1.6em 0 0.5em; border-bottom: 1px solid #d5dae0; padding-bottom: 0.2em; }
.sopkit-report .meta { color: #4a5360; margin: 0 0 1em; }
.sopkit-report .summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.5rem; margin: 1em 0; padding: 0; list-style: none; }
.sopkit-report .summary li { background: #f4f6f8; border-radius: 6px; padding: 0.5rem 0.7rem; }
.sopkit-report .summary b { display: block; font-size: 1.35rem; }
.sopkit-report .summary span { color: #4a5360; font-size: 0.88rem; }
.sopkit-report .note { border-inline-start: 4px solid #8a4b00; background: #fff3e0; padding: 0.5rem 0.8rem; margin: 1em 0; }
.sopkit-report .table-wrap { overflow-x: auto; margin: 0 0 1em; }
.sopkit-report table { border-collapse: collapse; font-size: 0.9rem; min-width: 100%; }
.sopkit-report table.compact { min-width: 0; }
.sopkit-report caption { text-align: start; font-weight: 600; padding: 0.3em 0; }
.sopkit-report th, .sopkit-report td { border: 1px solid #d5dae0; padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
.sopkit-report th { background: #f4f6f8; }
.sopkit-report th[scope="row"] { white-space: nowrap; }
.sopkit-report td.n { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sopkit-report th.n { text-align: end; }
.sopkit-report .flag { display: inline-block; font-size: 0.8rem; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5em; margin: 0.1em 0.2em 0.1em 0; white-space: nowrap; }
.sopkit-report .flag-bad { color: #a11d1d; }
.sopkit-report .flag-warn { color: #8a4b00; }
.sopkit-report .chart { max-width: 100%; height: auto; display: block; margin: 0.5em 0 1em; direction: ltr; }
.sopkit-report .chart-wrap > .chart { max-width: none; width: 100%; min-width: var(--chart-min, 0); }
@media (min-width: 48rem) { .sopkit-report .chart-wrap > .chart { max-width: 100%; width: auto; } }
.sopkit-report .bar { display: inline-block; height: 0.7em; background: #0f5f66; vertical-align: middle; margin-inline-end: 0.4em; }
.sopkit-report .bar.pre { background: #6b7580; }
.sopkit-report .method { font-size: 0.88rem; color: #4a5360; }
/* On a phone each row of a table reads as a card (\`phone-cards\`; two columns, \`narrow-cards\`, only under 22.4rem), as
   on the site (global.css, repeated here for report.html, which has no site styles): the row header, then each cell
   under its column's name (\`data-label\`). At 320 px the item analysis scrolled 650 px sideways, the participants'
   scores 180 px, the training report's timetables 190 px; the header row stays a table's for screen readers. */
${cardRules('phone-cards', '40rem', '\n  /* A two-column table stays a table; its row header may wrap so it fits 320 px. */\n  .sopkit-report th[scope="row"] { white-space: normal; }')}
${cardRules('narrow-cards', '22.4rem')}
@media print { .sopkit-report h2 { break-after: avoid; } .sopkit-report .chart, .sopkit-report tr { break-inside: avoid; } }
`;
