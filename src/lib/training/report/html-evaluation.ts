import { colon, t, tn } from '../../../i18n/index.ts';
import { esc } from '../../assessment/charts.ts';
import { fmt } from '../../assessment/format.ts';
import { headRow } from '../../assessment/report-style.ts';
import type { EvaluationStats } from '../evaluation/stats.ts';
import { divergingSegments, likertColors } from './likert-colors.ts';
import { evaluationLead, num, pct } from './words.ts';

/**
 * A table in a region that scrolls sideways on a phone and takes keyboard focus; the first cell of
 * each row heads it, and on a phone each row of a wider table reads as a card, every other cell under its column's name
 * (a name and its count fit a 320 px phone as a table: cards only repeated "Participants:").
 * Cells are HTML (escape text first).
 * @param numeric Indexes of the columns that hold numbers (aligned to the end).
 */
export function table(caption: string, head: string[], rows: string[][], numeric: readonly number[] = [], cls = '', lang = 'en'): string {
  const cards = head.length > 2;
  const label = (i: number) => (cards ? ` data-label="${esc(`${head[i] ?? ''}${colon(lang)} `)}"` : '');
  const body = rows.map((cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric.includes(i) ? ' class="n"' : ''}${label(i)}>${c}</td>`)).join('')}</tr>`).join('');
  return `<div class="table-wrap${cards ? ' phone-cards' : ''}" tabindex="0" role="region" aria-label="${esc(caption)}"><table${cls ? ` class="${cls}"` : ''}><caption>${esc(caption)}</caption><thead>${headRow(head.map(esc), rows.length ? new Set(numeric) : new Set())}</thead><tbody>${body}</tbody></table></div>`;
}

/**
 * The diverging stacked bars of the Likert items: for each statement, its answers from the centre
 * line, disagreement to the left, agreement to the right and the neutral point across the line,
 * with the count in each segment wide enough to hold it; a legend of the scale's colours. Each bar
 * is named for screen readers with every count.
 */
export function likertChart(e: EvaluationStats, number: (id: string) => number, lang: string): string {
  const colors = likertColors(e.scale.points);
  const legend = `<ul class="likert-legend">${e.scale.labels.map((l, k) => `<li><span class="swatch" style="background:${colors[k]!.fill}"></span>${esc(l)}</li>`).join('')}</ul>`;
  const r1 = (x: number) => Math.round(x * 1000) / 10;
  const rows = e.likert.map((s) => {
    const segments = divergingSegments(s, e.scale).map((seg) => {
      const c = colors[seg.point - 1]!;
      const label = esc(e.scale.labels[seg.point - 1] ?? '');
      return `<span class="seg" style="inset-inline-start:${r1(seg.left)}%;width:${r1(seg.width)}%;background:${c.fill};color:${c.text}" title="${label}: ${num(seg.count, lang)}">${seg.width >= 0.035 ? num(seg.count, lang) : ''}</span>`;
    });
    const name = `${e.scale.labels.map((l, k) => `${l} ${num(s.counts[k] ?? 0, lang)}`).join(t('trainingReport.listSeparator', lang))} (${t('trainingReport.nIs', lang, { n: num(s.n, lang) })})`;
    return `<div class="likert-row"><p class="likert-text"><span class="likert-num">${num(number(s.id), lang)}.</span> ${esc(s.text)}</p><div class="likert-bar" role="img" aria-label="${esc(name)}"><span class="centre"></span>${segments.join('')}</div></div>`;
  });
  return `<figure class="likert-chart"><figcaption>${esc(t('trainingReport.chartCaption', lang))}</figcaption>${legend}${rows.join('')}</figure>`;
}

/**
 * The session evaluation section's body: forms returned and response rate, the diverging bars,
 * the table of every statement (n, mean, sd, percent agree), group means, the choice questions and
 * every comment verbatim (escaped), grouped by question.
 */
export function evaluationHtml(e: EvaluationStats, number: (id: string) => number, lang: string, h: (level: number, text: string, id?: string) => string): string {
  const parts = [`<p>${esc(evaluationLead(e, lang))}${e.sessions.length ? ` ${esc(t('trainingReport.sessions', lang, { list: e.sessions.map((x) => `${x.session} ${num(x.n, lang)}`).join(t('trainingReport.listSeparator', lang)) }))}` : ''}</p>`];
  if (e.likert.length) {
    parts.push(h(3, t('trainingReport.statements', lang), `statements-${e.form}`));
    parts.push(likertChart(e, number, lang));
    parts.push(
      table(
        t('trainingReport.statementsCaption', lang, { points: tn('trainingReport.scalePoints', e.scale.points, lang, { count: num(e.scale.points, lang) }) }),
        ['#', t('trainingReport.statement', lang), ...e.scale.labels.map((_, k) => num(k + 1, lang)), t('trainingReport.n', lang), t('trainingReport.mean', lang), t('trainingReport.sd', lang), t('trainingReport.agree', lang)],
        e.likert.map((s) => [num(number(s.id), lang), esc(s.text), ...s.counts.map((c) => num(c, lang)), num(s.n, lang), fmt(s.mean, 2, lang), fmt(s.sd, 2, lang), pct(s.percentAgree, lang)]),
        Array.from({ length: e.scale.points + 4 }, (_, k) => k + 2),
        'likert-table',
        lang,
      ),
    );
    if (e.groups.length > 1) parts.push(table(t('trainingReport.groupMeans', lang), [t('trainingReport.group', lang), t('trainingReport.answers', lang), t('trainingReport.mean', lang)], e.groups.map((g) => [esc(g.title), num(g.answers, lang), fmt(g.mean, 2, lang)]), [1, 2], 'compact', lang));
  }
  if (e.choice.length) {
    parts.push(h(3, t('trainingReport.choices', lang), `choices-${e.form}`));
    for (const c of e.choice) parts.push(table(t('trainingReport.choiceCaption', lang, { number: num(number(c.id), lang), text: c.text, n: num(c.n, lang) }), [t('trainingReport.option', lang), t('trainingReport.answers', lang), '%'], c.options.map((o) => [esc(o.text), num(o.count, lang), pct(c.n ? o.count / c.n : null, lang)]), [1, 2], 'compact', lang));
  }
  if (e.comments.length) {
    parts.push(h(3, t('trainingReport.comments', lang), `comments-${e.form}`));
    for (const c of e.comments) {
      parts.push(h(4, `${num(number(c.id), lang)}. ${c.text}`));
      parts.push(c.comments.length ? `<ul class="comments">${c.comments.map((x) => `<li dir="auto">${esc(x)}</li>`).join('')}</ul>` : `<p class="note-line">${esc(t('trainingReport.noComment', lang))}</p>`);
    }
  }
  return parts.join('\n');
}
