import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { dryRunIn } from '../../../src/lib/lifecycle/dryrun/localize.ts';
import { legendLayout, minutesChart, titleLines } from '../../../src/lib/lifecycle/dryrun/chart-pdf.ts';
import { minutesChartSvg, svgTextWidth, svgTitleLines } from '../../../src/lib/lifecycle/dryrun/chart-svg.ts';
import { loadDryRunModel, type DryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { axisMax, axisTicks, chartLabel, chartRows, pct } from '../../../src/lib/lifecycle/dryrun/report-data.ts';
import { renderDryRunReport } from '../../../src/lib/lifecycle/dryrun/report-pdf.ts';
import { dryRunStats } from '../../../src/lib/lifecycle/dryrun/stats.ts';
import { t } from '../../../src/i18n/index.ts';
import { measureWords } from '../../../src/lib/fonts/index.ts';
import { contentBox, geometry } from '../../../src/lib/handbook/theme.ts';
import type { PageWriter } from '../../../src/lib/pdf/writer.ts';
import { pdfText, pdfWords, saveTo, tempDir, withoutBidiMarks } from '../handbook/pdf-tools.ts';

// The chart of minutes against the time limit once drew a grid line and a label for every half of
// the limit up to the longest observation, so one mistyped cell made the report as large as the
// value (2025012012 minutes: a 185 MB page, a 117 MB PDF, minutes of work). The axis now stops at
// AXIS_CAP; what lies beyond is drawn to its end with an arrow.
const root = join(import.meta.dirname, '../../..');
const labels = { title: 'Minutes', desc: 'Minutes against the limit', noLimit: 'no limit', limit: 'Time limit' };
let project: Project;
let model: DryRunModel;
let huge: DryRunModel;
/** 1000 times its limit of one working day: far beyond any axis, yet quick to draw the old way (2001 grid lines), so the test fails rather than hangs on the old code. */
const HUGE = 480_000;

beforeAll(async () => {
  project = loadProject(root);
  model = await loadDryRunModel(project, 'birth-registration-2025');
  // Straight into the figures, past the results file's own checks: the chart must hold on its own.
  const rows = model.results!.rows.map((r) => (r.row === 5 ? { ...r, minutes: HUGE } : r));
  expect(model.results!.rows.find((r) => r.row === 5)).toMatchObject({ step: '6.3', site: 'district-office', minutes: 35 });
  huge = { ...model, stats: dryRunStats(rows, model.cases, model.data.sites.map((s) => s.id), model.data.workingDay) };
});

const tickLabels = (svg: string) => svg.match(/<text [^>]*text-anchor="middle"[^>]*>[^<]*%<\/text>/g) ?? [];

describe('the chart of minutes against the time limit', () => {
  it('the model results: an axis to 300 %, a grid line every 50 %, nothing clipped', () => {
    expect(axisMax(chartRows(model))).toBe(3);
    const svg = minutesChartSvg(model, labels);
    expect(tickLabels(svg).map((t) => t.replace(/<[^>]*>/g, ''))).toEqual(['0%', '50%', '100%', '150%', '200%', '250%', '300%']);
    expect(svg).not.toContain('<polygon');
  });

  it('a value 1000 times its limit: the axis stops at 400 %, nine grid lines, the line ends in an arrow, the minutes are written out', () => {
    const svg = minutesChartSvg(huge, labels);
    expect(tickLabels(svg)).toHaveLength(9);
    const normal = minutesChartSvg(model, labels);
    expect(svg.length).toBeLessThan(normal.length * 1.2);
    expect(axisMax(chartRows(huge))).toBe(4);
    expect(svg).toContain('>47.5 min (38–480,000); 1/6 over</text>');
    // The arrow at the axis's end, in the first site's colour.
    expect(svg).toMatch(/<polygon points="[\d.,\s]+" fill="#0d4d8c"\/>/);
  });

  it('the PDF report with that value is about as large as the normal one, and prints the minutes', async () => {
    const normal = await renderDryRunReport(model);
    const bytes = await renderDryRunReport(huge);
    expect(bytes.length).toBeLessThan(normal.length * 1.2);
    const text = pdfText(saveTo(tempDir(), 'huge.pdf', bytes), undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(text).toContain('47.5 min (38–480,000); 1/6 over');
    expect(text).toContain('400%');
    expect(text).not.toContain('450%');
  });

  it('never more than nine grid lines, whatever the axis is asked to reach', () => {
    expect(axisTicks(1.5)).toEqual([0, 0.5, 1, 1.5]);
    expect(axisTicks(1e12)).toHaveLength(9);
    expect(axisTicks(Number.POSITIVE_INFINITY)).toHaveLength(9);
  });
});

/** Titles of 6.3 too long for the two lines its two sites give it beside the chart. */
const LONG_TITLES: Record<string, string> = {
  en: 'Check the evidence against the register and the identity documents of the declarant before accepting it',
  fr: "Vérifier les preuves au regard du registre et des pièces d'identité du déclarant avant de les accepter",
  ar: 'التحقق من الأدلة ومقارنتها بالسجل وبوثائق هوية المبلّغ قبل قبول البلاغ وتسجيله في النظام',
};

/** The model dry run in `lang`, its step 6.3 given a long title. */
function withLongTitle(base: DryRunModel, p: Project, lang: string): DryRunModel {
  const m = lang === 'en' ? base : dryRunIn(base, p, lang);
  return { ...m, sop: { ...m.sop, sections: m.sop.sections.map((s) => (s.number === '6.3' ? { ...s, title: LONG_TITLES[lang]! } : s)) } };
}

// The title beside a step's lines has one line per site; a longer one lost its last words with no
// mark, so "6.2 Check the evidence against the" read as the whole title.
describe("a step's title too long for its lines in the PDF chart", () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`ends with "…" where it is cut (${lang})`, async () => {
      const pdf = saveTo(tempDir(), `long-${lang}.pdf`, await renderDryRunReport(withLongTitle(model, project, lang)));
      const words = new Set(`6.3 ${LONG_TITLES[lang]}`.split(' '));
      const lines = withoutBidiMarks(pdfText(pdf, undefined, undefined, '-raw')).split('\n').map((l) => l.trim());
      // The chart's line that ends the cut title: only the title's words (in whatever order the
      // right-to-left text is extracted), and the ellipsis.
      const cut = lines.filter((l) => l.includes('…') && l.replace('…', '').split(/\s+/).filter(Boolean).every((w) => words.has(w)));
      expect(cut).toHaveLength(1);
      // Nothing of the title after the cut is printed as if it were its end: the cut line is not the title's last words.
      expect(cut[0]!.replace('…', '').trim().split(/\s+/)).not.toContain(LONG_TITLES[lang]!.split(' ').at(-1));
    });

    it(`on one line for a step seen at one site, cut at a word; a title that fits is left whole (${lang})`, () => {
      const title = `6.3 ${LONG_TITLES[lang]}`;
      const text = (n: number) => titleLines(title, n).map((l) => l.pieces.map((p) => p.text).join(''));
      for (const n of [1, 2]) {
        const lines = text(n);
        expect(lines.length).toBeLessThanOrEqual(n);
        expect(lines.at(-1)!.endsWith('…')).toBe(true);
        expect(title.startsWith(lines.join(' ').replace(/…$/, ''))).toBe(true);
      }
      expect(text(40).join(' ')).toBe(title);
    });
  }
});

/** Each step title of a chart SVG: the whole title its `<title>` gives, its lines as drawn, their baselines and direction. */
function svgTitles(svg: string): { full: string; lines: string[]; ys: number[]; rtl: boolean }[] {
  const unesc = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...svg.matchAll(/<g class="step-title"><title>([^<]*)<\/title>((?:<text [^>]*>[^<]*<\/text>)+)<\/g>/g)].map(([, full, texts]) => {
    const lines = [...texts!.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)];
    return { full: unesc(full!), lines: lines.map((l) => unesc(l[2]!)), ys: lines.map((l) => Number(/ y="([\d.]+)"/.exec(l[1]!)![1])), rtl: lines.every((l) => l[1]!.includes('direction="rtl"')) };
  });
}

// The HTML chart cut a title after 26 characters, mid-word where a line ran to the count, with no
// way to read the rest; a step seen at one site had a single line.
describe("a step's title too long for its lines in the HTML chart", () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`is broken between words on two lines, cut at a word with "…", and given whole as the SVG <title> (${lang})`, () => {
      const m = withLongTitle(model, project, lang);
      const titles = svgTitles(minutesChartSvg(m, labels));
      expect(titles.map((t) => t.full.split(' ')[0])).toEqual([...new Set(chartRows(m).map((r) => r.step))]);
      const full = `6.3 ${LONG_TITLES[lang]}`;
      const long = titles.find((t) => t.full === full)!;
      expect(long.lines).toHaveLength(2);
      expect(long.lines[1]!.endsWith('…')).toBe(true);
      // Whole words only, in order: what is drawn is the title's beginning, cut between two words.
      const drawn = long.lines.join(' ').replace(/…$/, '');
      expect(full.startsWith(drawn) && full[drawn.length] === ' ').toBe(true);
      // Right to left for Arabic (the number that begins it on the right), left to right otherwise.
      expect(long.rtl).toBe(lang === 'ar');
      // A title that fits is drawn whole, between words, and still has its <title>.
      for (const t of titles.filter((x) => x !== long)) expect(t.lines.join(' ')).toBe(t.full);
    });
  }

  it('a step seen at one site has two lines too, and the next step starts below them', () => {
    const m = withLongTitle(model, project, 'en');
    const rows = m.results!.rows.filter((r) => r.site === 'district-office');
    const one = { ...m, stats: dryRunStats(rows, m.cases, m.data.sites.map((s) => s.id), m.data.workingDay) };
    const titles = svgTitles(minutesChartSvg(one, labels));
    const i = titles.findIndex((t) => t.full.startsWith('6.3 '));
    expect(titles[i]!.lines).toHaveLength(2);
    expect(titles[i]!.lines[1]!.endsWith('…')).toBe(true);
    expect(titles[i + 1]!.ys[0]!).toBeGreaterThan(titles[i]!.ys[1]! + 16);
  });

  it('in the PDF too, a step seen at one site has room for two lines of its title', () => {
    const m = withLongTitle(model, project, 'en');
    const rows = m.results!.rows.filter((r) => r.site === 'district-office');
    const one = { ...m, stats: dryRunStats(rows, m.cases, m.data.sites.map((s) => s.id), m.data.workingDay) };
    const steps = [...new Set(chartRows(one).map((r) => r.step))];
    // The legend and the axis, then a block per step, then the axis again.
    const heights = new Map(minutesChart(one, labels).slice(2, -1).map((b, i) => [steps[i], b.kind === 'custom' ? b.height : 0]));
    expect(titleLines(`6.3 ${LONG_TITLES.en}`, 2)).toHaveLength(2);
    expect(heights.get('6.3')).toBeGreaterThan(heights.get('6.1')!);
  });

  it('a word wider than a line is cut with "…" at a character; a title that fits is left whole', () => {
    const chars = (s: string) => s.length * 7;
    const word = 'Birthregistrationcertificateissuance';
    const lines = svgTitleLines(`6.3 ${word}`, 2, 100, chars);
    expect(lines[0]).toBe('6.3');
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(chars(lines[1]!)).toBeLessThanOrEqual(100);
    expect(chars(lines[1]!)).toBeGreaterThan(100 - 7);
    expect(word.startsWith(lines[1]!.slice(0, -1))).toBe(true);
    expect(svgTitleLines('6.3 Short title', 2, 190)).toEqual(['6.3 Short title']);
  });
});

/** The chart's labels in `lang`, as the report gives them. */
const labelsIn = (lang: string) => ({ title: t('dryrun.report.chart', lang), desc: t('dryrun.report.chart.lead', lang), noLimit: t('dryrun.report.noLimit', lang), limit: t('dryrun.limit', lang), lang });

/**
 * Left and right edge of each `<text>` of a chart SVG, measured as the chart measures (the PDF's
 * faces with room for a wider system font), from its x, `text-anchor` and `direction`.
 */
function svgTextExtents(svg: string): { text: string; left: number; right: number }[] {
  const unesc = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attrs, raw]) => {
    const attr = (name: string) => new RegExp(`(?:^| )${name}="([^"]*)"`).exec(attrs!)?.[1];
    const text = unesc(raw!);
    const width = svgTextWidth(text, Number(attr('font-size')), attr('font-weight') === '700' ? 'bold' : 'regular');
    const x = Number(attr('x'));
    const anchor = attr('text-anchor') ?? 'start';
    const rtl = attr('direction') === 'rtl';
    // Where the text starts: its left edge left to right, its right edge right to left.
    const left = anchor === 'middle' ? x - width / 2 : (anchor === 'start') !== rtl ? x : x - width;
    return { text, left, right: left + width };
  });
}

const viewBoxWidth = (svg: string) => Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);

// "1,200 دقيقة (980–1,400)؛ 6 من 6 تجاوزت المهلة" beside a step's line ran 50 px past the right
// edge of the 820 px Arabic chart (its minutes' column was 290 px, whatever its labels), cut off.
describe("the minutes beside each line stay within the chart's width", () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`in the HTML chart: every text within the viewBox, the plot as wide as before (${lang})`, () => {
      const m = lang === 'en' ? model : dryRunIn(model, project, lang);
      for (const which of [m, { ...huge, data: m.data, sop: m.sop }]) {
        const svg = minutesChartSvg(which, labelsIn(lang));
        const width = viewBoxWidth(svg);
        expect(width).toBeGreaterThanOrEqual(820);
        const out = svgTextExtents(svg).filter((e) => e.left < 0 || e.right > width);
        expect(out).toEqual([]);
      }
    });
  }

  // In the chart's left-to-right box an Arabic label was laid out left to right: "1,450" on the
  // left, then "دقيقة (960–1,900)؛ 0 من 3 تجاوزت المهلة" read from the right, its number last.
  for (const lang of ['en', 'fr', 'ar']) {
    it(`in the HTML chart, the minutes read in the language's direction from the site's marker (${lang})`, () => {
      const m = lang === 'en' ? model : dryRunIn(model, project, lang);
      const svg = minutesChartSvg(m, labelsIn(lang));
      const texts = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)];
      const starts = new Set<number>();
      for (const row of chartRows(m)) {
        const label = chartLabel(row, t('dryrun.report.noLimit', lang), lang);
        const found = texts.filter(([, , text]) => text === label.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        expect(found.length, label).toBeGreaterThan(0);
        for (const [element] of found) {
          expect(element.includes('direction="rtl"'), label).toBe(lang === 'ar');
          const extent = svgTextExtents(element)[0]!;
          starts.add(Math.round(extent.left));
        }
      }
      // Every label's left edge where the English one begins, beside the marker.
      expect([...starts]).toHaveLength(1);
    });
  }

  it('in the HTML chart, a long site name in the legend widens the chart instead of running off it', () => {
    const name = 'Point d’enregistrement des naissances et des décès du service de maternité de l’hôpital régional de référence de la province du Nord';
    const m = { ...model, data: { ...model.data, sites: model.data.sites.map((s, i) => (i === 1 ? { ...s, name } : s)) } };
    const svg = minutesChartSvg(m, labels);
    expect(svg).toContain(`>${name}</text>`);
    expect(svgTextExtents(svg).filter((e) => e.left < 0 || e.right > viewBoxWidth(svg))).toEqual([]);
  });

  for (const lang of ['en', 'fr', 'ar']) {
    it(`in the PDF chart: every text within the text area (${lang})`, () => {
      const m = lang === 'en' ? model : dryRunIn(model, project, lang);
      const width = contentBox(geometry('a4')).width;
      const texts: { text: string; left: number; right: number }[] = [];
      // A page that records where each text is drawn (start edge on the left, as the layout is
      // computed; a right-to-left page mirrors it whole), and draws nothing else.
      const writer = new Proxy({} as PageWriter, {
        get(_, key) {
          if (key === 'fonts') return { width: measureWords };
          if (key === 'needsBidi') return () => false;
          if (key === 'text') {
            return (runs: { text: string; size: number; style: 'regular' | 'bold' }[], x: number) => {
              const w = runs.reduce((sum, r) => sum + measureWords(r.text, r.size, r.style), 0);
              texts.push({ text: runs.map((r) => r.text).join(''), left: x, right: x + w });
              return x + w;
            };
          }
          return () => undefined;
        },
      });
      let y = 0;
      for (const block of minutesChart(m, { noLimit: t('dryrun.report.noLimit', lang), limit: t('dryrun.limit', lang), lang })) {
        if (block.kind !== 'custom') continue;
        block.draw(writer, 0, y, width);
        y += block.height;
      }
      expect(texts.some((e) => /1\D?200/.test(e.text))).toBe(true);
      expect(texts.filter((e) => e.left < -0.01 || e.right > width + 0.01)).toEqual([]);
    });
  }
});

/** Long office names, as countries write them, in each language (the report prints them as written). */
const LONG_SITES: Record<string, string[]> = {
  en: ['[Northern Highlands Administrative District] civil registration and vital statistics office', '[Regional Referral Hospital of the Northern Province] maternity ward birth registration point', '[Eastern Lakes District] mobile registration unit serving the island communities', '[Capital City] central civil registry, late and delayed registration desk'],
  fr: ["Bureau de l'état civil et des statistiques de l'état civil du [district administratif des Hautes-Terres du Nord]", "Point d'enregistrement des naissances de la maternité de l'[hôpital régional de référence de la province du Nord]", "Unité mobile d'enregistrement du [district des Lacs de l'Est] desservant les communautés insulaires", "Bureau central de l'état civil de la [capitale], guichet des déclarations tardives"],
  ar: ['مكتب التسجيل المدني والإحصاءات الحيوية في [المنطقة الإدارية لمرتفعات الشمال]', 'نقطة تسجيل المواليد في جناح الولادة في [مستشفى الإحالة الإقليمي في المحافظة الشمالية]', 'وحدة التسجيل المتنقلة في [منطقة البحيرات الشرقية] التي تخدم المجتمعات في الجزر', 'السجل المدني المركزي في [العاصمة]، مكتب التسجيل المتأخر'],
};

/** The model dry run in `lang` at four sites with long names: the two sites' rows, and the same rows again at two more. */
function fourLongSites(base: DryRunModel, p: Project, lang: string): DryRunModel {
  const m = lang === 'en' ? base : dryRunIn(base, p, lang);
  const [a, b] = m.data.sites;
  const sites = [{ ...a!, name: LONG_SITES[lang]![0]! }, { ...b!, name: LONG_SITES[lang]![1]! }, { ...a!, id: 'mobile-unit', name: LONG_SITES[lang]![2]! }, { ...b!, id: 'central-registry', name: LONG_SITES[lang]![3]! }];
  const rows = m.results!.rows;
  // Rows are told apart by their number: the copies take new ones.
  const copy = (from: string, to: string, k: number) => rows.filter((r) => r.site === from).map((r) => ({ ...r, site: to, row: r.row + k * 1000 }));
  const more = [...rows, ...copy(a!.id, 'mobile-unit', 1), ...copy(b!.id, 'central-registry', 2)];
  return { ...m, data: { ...m.data, sites }, results: { ...m.results!, rows: more }, stats: dryRunStats(more, m.cases, sites.map((s) => s.id), m.data.workingDay) };
}

// A translated dry run's cases print their limits in its words ("15 jours ouvrables", "يوم عمل
// واحد"), which are no limit in minutes: the figures computed again from them (four sites, as
// below) compared no step with its limit, and the French and Arabic charts said "no limit" on
// every line where the English one had each step's limit.
describe('the same results have the same time limits in every language', () => {
  /** Per step: its limits in minutes, and per site how many observations were timed against one and over it. */
  const limitsOf = (m: DryRunModel) => m.stats!.steps.map((s) => ({ step: s.step, limits: s.limits, sites: s.bySite.map((b) => [b.site, b.minutes?.timed, b.minutes?.over]) }));

  it('the model results, their figures computed again from the translated cases', () => {
    const en = limitsOf(model);
    expect(en.filter((s) => !s.limits.length)).toEqual([]);
    for (const lang of ['fr', 'ar']) {
      const m = dryRunIn(model, project, lang);
      // The limits are printed in the language's words...
      expect(m.cases.flatMap((c) => c.steps.map((s) => s.sla))).not.toEqual(model.cases.flatMap((c) => c.steps.map((s) => s.sla)));
      // ...and measured as the source's.
      const again = { ...m, stats: dryRunStats(m.results!.rows, m.cases, m.data.sites.map((s) => s.id), m.data.workingDay) };
      expect(limitsOf(again), lang).toEqual(en);
    }
  });

  it('four sites copied from the model results: every line of the chart has its limit, as in English', () => {
    const en = fourLongSites(model, project, 'en');
    expect(limitsOf(en).filter((s) => !s.limits.length)).toEqual([]);
    for (const lang of ['fr', 'ar']) {
      const m = fourLongSites(model, project, lang);
      expect(limitsOf(m), lang).toEqual(limitsOf(en));
      const noLimit = t('dryrun.report.noLimit', lang);
      expect(chartRows(m).map((r) => chartLabel(r, noLimit, lang)).filter((l) => l.includes(noLimit)), lang).toEqual([]);
    }
  });
});

// The PDF chart's legend was one line of every site's name and the limit, however long: two long
// office names, or three sites, ran past the page's right edge (left, in Arabic).
describe("the PDF chart's legend with long site names", () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`wraps within the page's margins, every name printed whole, nothing overlapping (${lang})`, async () => {
      const m = fourLongSites(model, project, lang);
      const pdf = saveTo(tempDir(), `legend-${lang}.pdf`, await renderDryRunReport(m));
      const g = geometry('a4');
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      // A word by its letters, in whatever order and with whatever brackets right-to-left text is extracted
      // (pdftotext -bbox writes XML: an apostrophe comes as &apos;).
      const key = (word: string) => [...withoutBidiMarks(word).replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/[[\]()]/g, '')].sort().join('');
      // The legend: the words between the chart's heading and its first tick label (0 %). The names
      // are printed elsewhere too (the facts, the table of sites), and pdftotext leaves out words off the page.
      const heading = t('dryrun.report.chart', lang).split(' ').map(key);
      const zero = key(pct(0, lang).split(/\s/)[0]!);
      let legendWords: ReturnType<typeof pdfWords> = [];
      for (let n = 1; n <= pages && !legendWords.length; n++) {
        const all = pdfWords(pdf, n);
        const rows = new Map<number, string[]>();
        for (const w of all) rows.set(Math.round(w.yMin), [...(rows.get(Math.round(w.yMin)) ?? []), key(w.text)]);
        const headY = [...rows].find(([, ws]) => heading.every((h) => ws.includes(h)))?.[0];
        if (headY === undefined) continue;
        const tickY = Math.min(...all.filter((w) => w.yMin > headY && key(w.text) === zero).map((w) => w.yMin));
        legendWords = all.filter((w) => w.yMin > headY + 1 && w.yMin < tickY - 1);
      }
      expect(legendWords.length).toBeGreaterThan(0);
      const words = legendWords;
      // Every word of every name is in the legend.
      const texts = new Set(words.map((w) => key(w.text)));
      for (const name of LONG_SITES[lang]!) expect(name.split(' ').filter((x) => !texts.has(key(x))), name).toEqual([]);
      // Within the margins.
      expect(words.filter((w) => w.xMin < g.marginLeft - 0.5 || w.xMax > g.width - g.marginRight + 0.5)).toEqual([]);
      // No two words of a line overlap.
      const lines = new Map<number, typeof words>();
      for (const w of words) lines.set(Math.round(w.yMin), [...(lines.get(Math.round(w.yMin)) ?? []), w]);
      for (const line of lines.values()) {
        const sorted = [...line].sort((p, q) => p.xMin - q.xMin);
        sorted.slice(1).forEach((w, i) => expect(w.xMin, `${sorted[i]!.text} / ${w.text}`).toBeGreaterThanOrEqual(sorted[i]!.xMax - 0.5));
      }
    });
  }

  it('is taller at a narrower width, and one line where everything fits', () => {
    const entries = [{ site: 0, text: LONG_SITES.en![0]! }, { site: 1, text: LONG_SITES.en![1]! }, { text: 'Time limit' }];
    const wide = legendLayout(entries, 5000);
    expect(wide.lines).toBe(1);
    const narrow = legendLayout(entries, 200);
    expect(narrow.lines).toBeGreaterThan(2);
    for (const e of narrow.entries) for (const l of e.lines) expect(e.x + e.lead + l.width).toBeLessThanOrEqual(200);
  });
});

/** A site's name in the other script with words of the report's: an English one in an Arabic report, an Arabic one in an English report. */
const MIXED_NAMES: Record<'ar' | 'en', string> = { ar: '[Eastern District] office (مكتب الشرق)', en: 'نقطة تسجيل المواليد في [Regional Referral Hospital]' };

/** Centre x of each of the first `n` markers of a chart SVG (the legend's, drawn first). */
function legendMarkers(svg: string, n: number): number[] {
  const body = svg.slice(svg.indexOf('</desc>'));
  return [...body.matchAll(/<(circle|rect|polygon) ([^>]*)\/>/g)].slice(0, n).map(([, kind, attrs]) => {
    const num = (name: string) => Number(new RegExp(` ?${name}="([\\d.-]+)"`).exec(attrs!)![1]);
    if (kind === 'circle') return num('cx');
    if (kind === 'rect') return num('x') + num('width') / 2;
    const xs = /points="([^"]*)"/.exec(attrs!)![1]!.split(' ').map((p) => Number(p.split(',')[0]));
    return (Math.min(...xs) + Math.max(...xs)) / 2;
  });
}

// In the Arabic chart the legend's Arabic names were set left to right from the left edge, their
// markers on their left: "مكتب التسجيل المدني في [المنطقة الشمالية]" read with its brackets turned
// round, where the rest of the chart (and the PDF's legend, mirrored) reads from the right.
describe("the HTML chart's legend in the chart's direction", () => {
  const cases: [string, string, (m: DryRunModel) => DryRunModel][] = [
    ['en', 'English names', (m) => m],
    ['fr', 'French names', (m) => m],
    ['ar', 'Arabic names', (m) => m],
    // A site left in the source's words in an Arabic report, and an Arabic name in an English one.
    ['ar', 'an English name among Arabic ones', (m) => ({ ...m, data: { ...m.data, sites: m.data.sites.map((s, i) => (i === 1 ? { ...s, name: '[Regional Referral Hospital] birth registration point' } : s)) } })],
    ['en', 'an Arabic name among English ones', (m) => ({ ...m, data: { ...m.data, sites: m.data.sites.map((s, i) => (i === 1 ? { ...s, name: 'نقطة تسجيل المواليد في [مستشفى الإحالة الإقليمي]' } : s)) } })],
    // Names in both scripts take their first letter's direction.
    ['ar', 'an English name with Arabic words', (m) => ({ ...m, data: { ...m.data, sites: m.data.sites.map((s, i) => (i === 1 ? { ...s, name: MIXED_NAMES.ar } : s)) } })],
    ['en', 'an Arabic name with English words', (m) => ({ ...m, data: { ...m.data, sites: m.data.sites.map((s, i) => (i === 1 ? { ...s, name: MIXED_NAMES.en } : s)) } })],
  ];
  for (const [lang, what, change] of cases) {
    it(`each name in its own direction, the legend from the ${lang === 'ar' ? 'right' : 'left'}, each marker on its start side (${lang}, ${what})`, () => {
      const m = change(lang === 'en' ? model : dryRunIn(model, project, lang));
      const svg = minutesChartSvg(m, labelsIn(lang));
      const width = viewBoxWidth(svg);
      const names = [...m.data.sites.map((s) => s.name), t('dryrun.limit', lang)];
      const extents = svgTextExtents(svg);
      const elements = [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)];
      const rtlChart = lang === 'ar';
      const markers = legendMarkers(svg, m.data.sites.length);
      names.forEach((name, k) => {
        const i = extents.findIndex((e) => e.text === name);
        expect(i, name).toBeGreaterThanOrEqual(0);
        // Right to left where the name is Arabic (its first letter), whatever the chart's language.
        expect(elements[i]![1]!.includes('direction="rtl"'), name).toBe(/^\P{L}*[\u0600-\u06ff]/u.test(name));
        const e = extents[i]!;
        expect(e.left).toBeGreaterThanOrEqual(-0.01);
        expect(e.right).toBeLessThanOrEqual(width + 0.01);
        // Every name begins at the same place on the start side, its marker before it there.
        if (rtlChart) {
          expect(e.right, name).toBeCloseTo(extents.find((x) => x.text === names[0])!.right, 1);
          expect(e.right, name).toBeGreaterThan(width / 2);
          if (k < markers.length) expect(markers[k]!, name).toBeGreaterThan(e.right);
        } else {
          expect(e.left, name).toBeCloseTo(extents.find((x) => x.text === names[0])!.left, 1);
          expect(e.left, name).toBeLessThan(width / 2);
          if (k < markers.length) expect(markers[k]!, name).toBeLessThan(e.left);
        }
      });
    });
  }
});

/** The words between the PDF chart's heading and its axis (its lead, then its legend) as pdftotext gives them, line by line from the top, each line from left to right. */
function pdfLegendLines(pdf: string, lang: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const key = (word: string) => [...withoutBidiMarks(word)].sort().join('');
  const heading = t('dryrun.report.chart', lang).split(' ').map(key);
  const zero = key(pct(0, lang).split(/\s/)[0]!);
  for (let n = 1; n <= pages; n++) {
    const all = pdfWords(pdf, n).map((w) => ({ ...w, text: withoutBidiMarks(w.text).replace(/&apos;/g, "'").replace(/&amp;/g, '&') }));
    // Between the chart's heading and its first tick label (0 %): the names are printed elsewhere too.
    const headY = all.find((w) => heading.includes(key(w.text)) && heading.every((h) => all.some((x) => Math.round(x.yMin) === Math.round(w.yMin) && key(x.text) === h)))?.yMin;
    if (headY === undefined) continue;
    const tickY = Math.min(...all.filter((w) => w.yMin > headY && key(w.text) === zero).map((w) => w.yMin));
    const words = all.filter((w) => w.yMin > headY + 1 && w.yMin < tickY - 1);
    const lines = new Map<number, typeof words>();
    for (const w of words) lines.set(Math.round(w.yMin), [...(lines.get(Math.round(w.yMin)) ?? []), w]);
    return [...lines].sort(([a], [b]) => a - b).map(([, ws]) => ws.sort((p, q) => p.xMin - q.xMin).map((w) => w.text).join(' '));
  }
  return [];
}

// The PDF legend set every name in the document's direction: in an English report the Arabic
// "نقطة تسجيل المواليد في [Regional Referral Hospital]" printed its bracketed English words to the
// right of the Arabic ones (read first from the right, they came after "في" only to an English
// reader), and in an Arabic report "[Eastern District] office (مكتب الشرق)" printed from the right,
// "(مكتب الشرق)" on the left and "[Eastern District]" after "office". The HTML legend sets each
// name in its own direction.
describe("the PDF chart's legend: each name in its own direction", () => {
  // pdftotext gives each word as painted, from the left: an Arabic word's letters in reverse, and a
  // bracket as the character it is, which a right-to-left run draws mirrored (its "]" drawn "[" on the left).
  const cases: { lang: 'ar' | 'en'; names: [string, string]; painted: [string, string] }[] = [
    {
      lang: 'ar',
      names: ['[Northern District] civil registration office', MIXED_NAMES.ar],
      // Left to right, its opening bracket on the left; the Arabic words in the parentheses read from the right.
      painted: ['[Northern District] civil registration office', '[Eastern District] office (قرشلا بتكم)'],
    },
    {
      lang: 'en',
      names: ['نقطة تسجيل المواليد في [مستشفى الإحالة الإقليمي]', MIXED_NAMES.en],
      // Right to left from "نقطة" on the right; the opening bracket on the right of what it encloses,
      // "Regional Referral Hospital" read left to right as one phrase, on the left of "في".
      painted: [']يميلقإلا ةلاحإلا ىفشتسم[ يف ديلاوملا ليجست ةطقن', ']Regional Referral Hospital[ يف ديلاوملا ليجست ةطقن'],
    },
  ];
  for (const { lang, names, painted } of cases) {
    it(`words in their reading order and brackets where they belong (${lang === 'ar' ? 'English names in an Arabic report' : 'Arabic names in an English report'})`, async () => {
      const base = lang === 'en' ? model : dryRunIn(model, project, lang);
      const m = { ...base, data: { ...base.data, sites: base.data.sites.map((s, i) => ({ ...s, name: names[i]! })) } };
      const lines = pdfLegendLines(saveTo(tempDir(), `legend-dir-${lang}.pdf`, await renderDryRunReport(m)), lang);
      expect(lines.length).toBeGreaterThan(0);
      const all = ` ${lines.join(' | ')} `;
      for (const p of painted) expect(all, p).toContain(` ${p} `);
    });
  }
});

// The Arabic report left the chart's heading, lead and legend at the foot of page 1, the axis and
// every step on page 2.
describe("the PDF chart's legend stays with the chart", () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`the heading's page has the first step's minutes too (${lang})`, async () => {
      const m = lang === 'en' ? model : dryRunIn(model, project, lang);
      const pdf = saveTo(tempDir(), `keep-${lang}.pdf`, await renderDryRunReport(m));
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      // Words by their letters, in whatever order right-to-left text is extracted.
      const keys = (text: string) => withoutBidiMarks(text).split(/[\s()]+/).filter(Boolean).map((w) => [...w].sort().join(''));
      const has = (words: string[], text: string) => keys(text).every((k) => words.includes(k));
      const first = chartLabel(chartRows(m)[0]!, t('dryrun.report.noLimit', lang), lang);
      const withHeading = [...Array(pages).keys()].map((i) => keys(pdfText(pdf, i + 1, i + 1, '-raw'))).filter((words) => has(words, t('dryrun.report.chart', lang)) && has(words, t('dryrun.report.chart.lead', lang)));
      expect(withHeading).toHaveLength(1);
      expect(has(withHeading[0]!, first), first).toBe(true);
    });
  }
});
