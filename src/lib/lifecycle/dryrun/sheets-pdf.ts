import { colon, t, type UiKey } from '../../../i18n/index.ts';
import type { Block } from '../../handbook/blocks.ts';
import { layoutContext } from '../../handbook/document.ts';
import { layoutBlocks, type LayoutContext } from '../../handbook/layout.ts';
import { paginate } from '../../handbook/paginate.ts';
import { run, type Inline } from '../../handbook/inline.ts';
import { breakLines, type Line } from '../../handbook/lines.ts';
import { drawLine } from '../../handbook/text-items.ts';
import { colors } from '../../handbook/theme.ts';
import type { PageWriter, Rgb } from '../../pdf/writer.ts';
import { doneValues } from '../../../schemas/dryrun.ts';
import type { CaseStep, DryRunCase } from './cases.ts';
import type { DryRunModel } from './model.ts';
import { codeLabel, exampleBanner, own, renderDryRunDoc, sheetLine } from './print.ts';

/** Column widths as shares of the text width: step (room for "Étape", "الخطوة"), what should happen, result boxes, minutes, deviation, issue. */
const COLUMNS = [0.075, 0.28, 0.2, 0.088, 0.18, 0.177];
const SIZE = 8;
const LEADING = SIZE * 1.3;
const PAD = 4;
/** Room for the four result boxes, two by two. */
const BOX_ROWS = 2 * 13 + 2 * PAD;

function columnsX(x: number, width: number): number[] {
  const xs = [x];
  for (const share of COLUMNS) xs.push(xs.at(-1)! + share * width);
  return xs;
}

function lines(inlines: Inline[], width: number): Line[] {
  return breakLines(inlines, width - 2 * PAD, SIZE);
}

function drawLines(w: PageWriter, ls: readonly Line[], x: number, top: number, color: Rgb = colors.text): number {
  ls.forEach((l, i) => drawLine(w, l, x + PAD, top + PAD + i * LEADING, SIZE, LEADING, color));
  return ls.length * LEADING;
}

function frame(w: PageWriter, xs: number[], top: number, height: number, fill?: Rgb): void {
  const [left, right] = [xs[0]!, xs.at(-1)!];
  if (fill) w.rect(left, top, right - left, height, { fill });
  w.rect(left, top, right - left, height, { stroke: colors.text, lineWidth: 0.6 });
  for (const cx of xs.slice(1, -1)) w.line(cx, top, cx, top + height, colors.text, 0.4);
}

function headerRow(lang: string, pageBreakBefore = false): Block {
  const labels = ['dryrun.step', 'dryrun.sheet.action', 'dryrun.sheet.result', 'dryrun.sheet.minutes', 'dryrun.sheet.deviation', 'dryrun.sheet.issue'] as UiKey[];
  return {
    kind: 'custom',
    height: LEADING * 2 + 2 * PAD,
    spaceBefore: 8,
    keepWithNext: true,
    pageBreakBefore,
    draw(w, x, top, width) {
      const xs = columnsX(x, width);
      frame(w, xs, top, LEADING * 2 + 2 * PAD, colors.headerFill);
      labels.forEach((key, i) => drawLines(w, lines([run(t(key, lang), 'bold')], xs[i + 1]! - xs[i]!), xs[i]!, top));
    },
  };
}

/** One row to fill in: the step, who acts, what should happen and its time limit; four boxes; blank cells to write in. */
function stepRow(model: DryRunModel, step: CaseStep, lang: string, width: number): Block {
  const meta = [model.roleTitle(step.role), step.sla].filter(Boolean).join(' · ');
  const xs = columnsX(0, width);
  const whatLines = lines([run(step.title, 'bold')], xs[2]! - xs[1]!);
  const metaLines = lines([run(meta, 'regular', { color: colors.muted })], xs[2]! - xs[1]!);
  const height = Math.max(BOX_ROWS, (whatLines.length + metaLines.length) * LEADING + 2 * PAD + 2);
  return {
    kind: 'custom',
    height,
    draw(w, x, top) {
      const cols = columnsX(x, width);
      frame(w, cols, top, height);
      drawLines(w, lines([run(step.step, 'bold')], cols[1]! - cols[0]!), cols[0]!, top);
      const used = drawLines(w, whatLines, cols[1]!, top);
      drawLines(w, metaLines, cols[1]!, top + used + 1, colors.muted);
      // Two boxes a row, the second after the widest label of the first: in French "non fait" and
      // "en partie" ran into the column's border at half its width. Labels too long for the column
      // are set smaller rather than over the line.
      const labels = doneValues.map((value) => t(`dryrun.done.${value}` as UiKey, lang));
      const widest = (side: number) => Math.max(...labels.filter((_, i) => i % 2 === side).map((l) => w.fonts.width(l, SIZE, 'regular')));
      const room = cols[3]! - cols[2]! - 2 * PAD - 2 * 11 - 6;
      const size = Math.min(SIZE, (SIZE * room) / (widest(0) + widest(1)));
      const second = Math.max((cols[3]! - cols[2]!) / 2, 11 + (widest(0) * size) / SIZE + 6 + PAD);
      doneValues.forEach((_, i) => {
        const bx = cols[2]! + PAD + (i % 2 ? second - PAD : 0);
        const by = top + PAD + Math.floor(i / 2) * 13;
        w.rect(bx, by + 1.5, 8, 8, { stroke: colors.text, lineWidth: 0.7, fill: [1, 1, 1] });
        w.text([{ text: labels[i]!, style: 'regular', size }], bx + 11, by + 8.6);
      });
    },
  };
}

/** A labelled line to write on: `Observer ________`. */
function writeIns(labels: string[]): Block {
  return {
    kind: 'custom',
    height: 24,
    spaceBefore: 6,
    draw(w, x, top, width) {
      const part = width / labels.length;
      labels.forEach((label, i) => {
        const lx = x + i * part;
        const lw = w.fonts.width(label, 9, 'bold');
        w.text([{ text: label, style: 'bold', size: 9 }], lx, top + 16);
        w.line(lx + lw + 4, top + 18, lx + part - 10, top + 18, colors.text, 0.5);
      });
    },
  };
}

/** The sites as boxes to tick, so the observer writes no name; each with its code for the results file. */
function siteBoxes(model: DryRunModel, lang: string): Block {
  return {
    kind: 'custom',
    height: 16 * model.data.sites.length + 6,
    spaceBefore: 6,
    draw(w, x, top) {
      const label = `${t('dryrun.site', lang)}${colon(lang)}`;
      w.text([{ text: label, style: 'bold', size: 9 }], x, top + 11);
      const lx = x + w.fonts.width(label, 9, 'bold') + 8;
      model.data.sites.forEach((s, i) => {
        w.rect(lx, top + 3 + i * 16, 9, 9, { stroke: colors.text, lineWidth: 0.7 });
        w.text([{ text: own(s.name, lang), style: 'regular', size: 9 }, { text: ` · ${codeLabel(s.id, lang)}`, style: 'regular', size: 9, color: colors.muted }], lx + 14, top + 11 + i * 16);
      });
    },
  };
}

/** Lines to write other observations on (the first beside its label), and the fewest a sheet may keep to stay on one page. */
const OTHER_LINES = 4;
const OTHER_LINES_MIN = 1;
const RULE_GAP = 19;

/** `Other observations ________` and more lines below it, to write on. */
function ruled(lang: string, count: number): Block[] {
  const label = t('dryrun.sheet.other', lang);
  const first = 18;
  return [
    {
      kind: 'custom',
      height: first + (count - 1) * RULE_GAP + 4,
      spaceBefore: 10,
      draw(w, x, top, width) {
        const lw = w.fonts.width(label, 9, 'bold');
        w.text([{ text: label, style: 'bold', size: 9 }], x, top + first - 2);
        w.line(x + lw + 4, top + first, x + width, top + first, colors.rule, 0.5);
        for (let i = 1; i < count; i++) w.line(x, top + first + i * RULE_GAP, x + width, top + first + i * RULE_GAP, colors.rule, 0.5);
      },
    },
  ];
}

/**
 * A case's sheet with as many lines for other observations as keep it on one page (four, the
 * first beside the label, or fewer down to that one): with a label above three fixed lines, a
 * case of many steps put "Other observations" alone on a second page, one more sheet per case for
 * every observer. A case too long for a page even then keeps all its lines, and its table goes on
 * to a second page under its header row again, with as few of its last steps as leave the rest
 * on the first: "Autres observations" and its lines went there alone (French case 4 of
 * birth-registration-2025), a page an observer took for another sheet.
 */
function caseSheet(model: DryRunModel, c: DryRunCase, n: number, lang: string, ctx: LayoutContext): Block[] {
  const sheet = (lines: number, breakAt?: number) => caseBlocks(model, c, n, lang, ctx.width, lines, breakAt);
  const pages = (blocks: Block[]) => paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height }).length;
  for (let lines = OTHER_LINES; lines >= OTHER_LINES_MIN; lines--) {
    const blocks = sheet(lines);
    if (pages(blocks) === 1) return blocks;
  }
  for (let at = c.steps.length - 1; at >= 1; at--) {
    const blocks = sheet(OTHER_LINES, at);
    if (pages(blocks) === 2) return blocks;
  }
  return sheet(OTHER_LINES);
}

/**
 * The top of a case's second page: which case it is ("Case 4 of 5: … (continued)"), its SOP,
 * version and case code, and the table's header row again. The second page had only the header
 * row, its last steps and the lines for other observations: handed out loose, it could not be
 * matched to its case.
 */
function continuation(model: DryRunModel, c: DryRunCase, n: number, lang: string): Block[] {
  const title = `${t('dryrun.sheet.case', lang, { n, m: model.cases.length, title: own(c.title, lang) })} (${t('handbook.continued', lang)})`;
  return [
    { kind: 'heading', level: 2, inlines: [run(title)], toc: false, pageBreakBefore: true },
    { kind: 'paragraph', inlines: [run(sheetLine(model, codeLabel(c.id, lang), lang), 'bold', { color: colors.muted })], size: 8.5, spaceBefore: 0, keepWithNext: true },
    headerRow(lang),
  ];
}

/** @param breakAt The step before which the table goes on to a new page, under its case's title and its header row again (`continuation`). */
function caseBlocks(model: DryRunModel, c: DryRunCase, n: number, lang: string, width: number, otherLines: number, breakAt?: number): Block[] {
  return [
    { kind: 'heading', level: 1, inlines: [run(t('dryrun.sheet.case', lang, { n, m: model.cases.length, title: own(c.title, lang) }))], anchor: `sheet:${c.id}`, toc: true, pageBreakBefore: n > 1 },
    { kind: 'paragraph', inlines: [run(sheetLine(model, codeLabel(c.id, lang), lang), 'bold', { color: colors.muted })], size: 8.5, spaceBefore: 0 },
    ...(n === 1 ? exampleBanner(model, lang) : []),
    siteBoxes(model, lang),
    writeIns([t('dryrun.observer', lang), t('dryrun.sheet.date', lang), t('dryrun.sheet.start', lang)]),
    { kind: 'paragraph', inlines: [run(c.description, 'italic')], size: 8.5 },
    { kind: 'paragraph', inlines: [run(t('dryrun.sheet.lead', lang), 'regular', { color: colors.muted })], size: 8.5 },
    headerRow(lang),
    ...c.steps.flatMap((s, i) => [...(i === breakAt ? continuation(model, c, n, lang) : []), stepRow(model, s, lang, width)]),
    { kind: 'paragraph', inlines: [run(t('dryrun.outcome', lang, { outcome: c.outcome }), 'italic')], size: 9 },
    ...ruled(lang, otherLines),
  ];
}

/**
 * The observation sheets of a dry run (`<id>-observation-sheets.pdf`), one case per page, made for
 * a clipboard: the sites to tick, observer, date and start time to write, the story, then one row
 * per step with who acts, what should happen, its time limit, four boxes (done, partly, not done,
 * skipped) and cells for the minutes, a deviation and an issue.
 * @param model The dry run.
 */
export async function renderObservationSheets(model: DryRunModel): Promise<Uint8Array> {
  const lang = model.sop.data.language;
  const ctx = layoutContext('a4', lang);
  const blocks = model.cases.flatMap((c, i) => caseSheet(model, c, i + 1, lang, ctx));
  return renderDryRunDoc(model, blocks, t('dryrun.sheets.title', lang, { title: model.data.title }), t('dryrun.sheets.short', lang), lang);
}
