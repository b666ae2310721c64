import { t, tn } from '../../../i18n/index.ts';
import { fmt } from '../../assessment/format.ts';
import type { Block, Cell } from '../../handbook/blocks.ts';
import { run, type Inline } from '../../handbook/inline.ts';
import { breakLines, measureWords } from '../../handbook/lines.ts';
import { drawLine } from '../../handbook/text-items.ts';
import { colors } from '../../handbook/theme.ts';
import type { EvaluationStats, LikertStats } from '../evaluation/stats.ts';
import { divergingSegments, likertColors } from './likert-colors.ts';
import { evaluationLead, num, pct } from './words.ts';

const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });
const SIZE = 8.5;
const LEAD = SIZE * 1.3;
const BAR = 13;

/** The legend of the scale's colours, flowing over as many rows as it needs. */
function legend(e: EvaluationStats, width: number): Block {
  const colorsOf = likertColors(e.scale.points);
  const places: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const label of e.scale.labels) {
    const w0 = 13 + measureWords(label, 7.5, 'regular') + 14;
    if (x > 0 && x + w0 > width) [x, row] = [0, row + 1];
    places.push({ x, row });
    x += w0;
  }
  return {
    kind: 'custom',
    height: 14 * (row + 1),
    keepWithNext: true,
    spaceBefore: 4,
    draw(w, x0, top) {
      e.scale.labels.forEach((label, k) => {
        const p = places[k]!;
        const cy = top + p.row * 14;
        w.rect(x0 + p.x, cy + 2, 9, 9, { fill: colorsOf[k]!.rgb, stroke: colors.muted, lineWidth: 0.4 });
        w.text([{ text: label, style: 'regular', size: 7.5, color: colors.text }], x0 + p.x + 13, cy + 9.5);
      });
    },
  };
}

/** One statement: its number and text, then its bar from the centre line, counts in the segments. */
function likertBar(e: EvaluationStats, s: LikertStats, n: number, width: number, lang: string): Block {
  const colorsOf = likertColors(e.scale.points);
  const lines = breakLines([run(`${num(n, lang)}. `, 'bold'), run(s.text)], width, SIZE);
  return {
    kind: 'custom',
    height: lines.length * LEAD + BAR + 6,
    spaceBefore: 3,
    draw(w, x, top) {
      lines.forEach((line, i) => drawLine(w, line, x, top + i * LEAD, SIZE, LEAD));
      const y = top + lines.length * LEAD + 2;
      // The centre line under the segments: it shows above and below the bar, never across a count.
      w.line(x + width / 2, y - 3, x + width / 2, y + BAR + 3, colors.text, 0.8);
      for (const seg of divergingSegments(s, e.scale)) {
        const c = colorsOf[seg.point - 1]!;
        const from = x + seg.left * width;
        const w0 = seg.width * width;
        w.rect(from, y, w0, BAR, { fill: c.rgb });
        if (w0 >= 12) {
          const label = num(seg.count, lang);
          w.text([{ text: label, style: 'bold', size: 7, color: c.text === '#ffffff' ? colors.white : colors.text }], from + w0 / 2 - w.fonts.width(label, 7, 'bold') / 2, y + BAR / 2 + 2.5);
        }
      }
    },
  };
}

/**
 * The session evaluation in print: forms returned and the response rate, the legend and one
 * diverging bar per statement, the table of every statement (counts, n, mean, sd, percent agree),
 * group means, the choice questions and every comment as written.
 */
export function evaluationBlocks(e: EvaluationStats, number: (id: string) => number, lang: string, width: number, level: number): Block[] {
  const out: Block[] = [{ kind: 'paragraph', inlines: [run(evaluationLead(e, lang))] }];
  if (e.sessions.length) out.push({ kind: 'paragraph', inlines: [run(t('trainingReport.sessions', lang, { list: e.sessions.map((x) => `${x.session} ${num(x.n, lang)}`).join(t('trainingReport.listSeparator', lang)) }))] });
  if (e.likert.length) {
    out.push({ kind: 'heading', level, inlines: [run(t('trainingReport.statements', lang))], anchor: `report:statements:${e.form}`, toc: false });
    out.push({ kind: 'paragraph', inlines: [run(t('trainingReport.chartCaption', lang), 'italic')], size: 8.5, keepWithNext: true });
    out.push(legend(e, width));
    for (const s of e.likert) out.push(likertBar(e, s, number(s.id), width, lang));
    const head = ['#', t('trainingReport.statement', lang), ...e.scale.labels.map((_, k) => num(k + 1, lang)), t('trainingReport.n', lang), t('trainingReport.mean', lang), t('trainingReport.sd', lang), t('trainingReport.agree', lang)];
    out.push({
      kind: 'table',
      caption: [run(t('trainingReport.statementsCaption', lang, { points: tn('trainingReport.scalePoints', e.scale.points, lang, { count: num(e.scale.points, lang) }) }), 'bold')],
      header: [head.map((h) => cell(h))],
      rows: e.likert.map((s) => [cell(num(number(s.id), lang)), cell(s.text), ...s.counts.map((c) => cell(num(c, lang))), cell(num(s.n, lang)), cell(fmt(s.mean, 2, lang)), cell(fmt(s.sd, 2, lang)), cell(pct(s.percentAgree, lang))]),
      widths: [0.35, 4.2, ...e.scale.labels.map(() => 0.42), 0.45, 0.6, 0.55, 0.7],
      align: ['left', 'left', ...e.scale.labels.map(() => 'right' as const), 'right', 'right', 'right', 'right'],
      size: 7.5,
    });
    if (e.groups.length > 1) {
      out.push({ kind: 'table', caption: [run(t('trainingReport.groupMeans', lang), 'bold')], header: [[cell(t('trainingReport.group', lang)), cell(t('trainingReport.answers', lang)), cell(t('trainingReport.mean', lang))]], rows: e.groups.map((g) => [cell(g.title), cell(num(g.answers, lang)), cell(fmt(g.mean, 2, lang))]), widths: [3, 1, 1], align: ['left', 'right', 'right'], size: 8.5 });
    }
  }
  if (e.choice.length) {
    out.push({ kind: 'heading', level, inlines: [run(t('trainingReport.choices', lang))], anchor: `report:choices:${e.form}`, toc: false });
    for (const c of e.choice) {
      out.push({ kind: 'table', caption: [run(t('trainingReport.choiceCaption', lang, { number: num(number(c.id), lang), text: c.text, n: num(c.n, lang) }), 'bold')], header: [[cell(t('trainingReport.option', lang)), cell(t('trainingReport.answers', lang)), cell('%')]], rows: c.options.map((o) => [cell(o.text), cell(num(o.count, lang)), cell(pct(c.n ? o.count / c.n : null, lang))]), widths: [3, 1, 1], align: ['left', 'right', 'right'], size: 8.5, keepTogether: true });
    }
  }
  if (e.comments.length) {
    out.push({ kind: 'heading', level, inlines: [run(t('trainingReport.comments', lang))], anchor: `report:comments:${e.form}`, toc: false });
    for (const c of e.comments) {
      out.push({ kind: 'paragraph', inlines: [run(`${num(number(c.id), lang)}. ${c.text}`, 'bold')], keepWithNext: true, spaceBefore: 6 });
      // Comments are the respondents' own words: printed as text (the engine draws glyphs, never markup).
      out.push(c.comments.length ? { kind: 'list', ordered: false, items: c.comments.map((x) => [{ kind: 'paragraph', inlines: [run(x)] }]) } : { kind: 'paragraph', inlines: [run(t('trainingReport.noComment', lang), 'italic')] });
    }
  }
  return out;
}
