import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { isolate, measureWords } from '../../../src/lib/fonts/index.ts';
import { dryRunIn } from '../../../src/lib/lifecycle/dryrun/localize.ts';
import { loadDryRunModel, type DryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { renderDryRunFragment } from '../../../src/lib/lifecycle/dryrun/report-html.ts';
import { renderDryRunReport } from '../../../src/lib/lifecycle/dryrun/report-pdf.ts';
import { renderObservationSheets } from '../../../src/lib/lifecycle/dryrun/sheets-pdf.ts';
import { renderTestPlan } from '../../../src/lib/lifecycle/dryrun/plan-pdf.ts';
import { formatDate } from '../../../src/i18n/index.ts';
import { pdfText, pdfWords, saveTo, tempDir, withoutBidiMarks } from '../handbook/pdf-tools.ts';

// The model dry run of the pack, made in Arabic with its sites' names left in English (a record
// not translated yet: the Arabic outputs fall back to the source's words).
const root = join(import.meta.dirname, '../../..');
const SITES = [
  { id: 'district-office', name: '[Northern District] civil registration office', type: 'district civil registration office' },
  { id: 'hospital-point', name: '[Regional Referral Hospital] birth registration point', type: 'hospital-based registration point' },
];
let project: Project;
let model: DryRunModel;
beforeAll(async () => {
  project = loadProject(root);
  const ar = dryRunIn(await loadDryRunModel(project, 'birth-registration-2025'), project, 'ar');
  model = { ...ar, data: { ...ar.data, sites: SITES } };
});

const lines = (path: string) => withoutBidiMarks(pdfText(path)).split('\n');

describe('an English site name in the Arabic dry-run outputs', () => {
  it('keeps its brackets and word order in the report: each name is isolated, not split around brackets taken into the Arabic', async () => {
    const pdf = saveTo(tempDir(), 'report.pdf', await renderDryRunReport(model));
    const text = lines(pdf);
    // The facts table's row of sites: both names whole, in their order, joined by the Arabic semicolon.
    const sites = text.find((l) => l.includes('Northern District'))!;
    expect(sites).toContain('[Northern District] civil registration office');
    expect(text.join('\n')).not.toMatch(/\]Northern District|\]Regional Referral Hospital/);
    // The isolates order the text; they are not drawn, nor extracted.
    expect(text.join('\n')).not.toMatch(/[\u2066-\u2069]/);
  });

  it('keeps its brackets on the observation sheets\' site boxes', async () => {
    const pdf = saveTo(tempDir(), 'sheets.pdf', await renderObservationSheets(model));
    const text = withoutBidiMarks(pdfText(pdf, 1, 1));
    expect(text).toContain('[Northern District] civil registration office');
    expect(text).not.toMatch(/\]Northern District|[\u2066-\u2069]/);
  });

  it('is isolated in the HTML report (<bdi>), as the training report isolates a venue', () => {
    const html = renderDryRunFragment(model);
    expect(html).toContain('<bdi>[Northern District] civil registration office</bdi>');
  });

  it('an isolate takes no width: a line measures as it is drawn', () => {
    const name = SITES[0]!.name;
    expect(measureWords(isolate(name), 10, 'regular')).toBeCloseTo(measureWords(name, 10, 'regular'), 6);
  });
});

/** The lines of a PDF page as painted: words by their boxes, each line from the left (pdftotext gives an Arabic word's letters as painted, in reverse). */
function paintedLines(path: string, page: number): string[] {
  const lines = new Map<number, { text: string; xMin: number }[]>();
  for (const w of pdfWords(path, page)) lines.set(Math.round(w.yMin), [...(lines.get(Math.round(w.yMin)) ?? []), w]);
  return [...lines.values()].map((ws) => withoutBidiMarks(ws.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' ')).replace(/\s+/g, ' '));
}

// `own` isolated the record's words in right-to-left documents only: in the English report an
// Arabic site name with its hospital's name in English ordered its words by the English line,
// "[ نقطة تسجيل المواليد في" left of "Regional Referral Hospital]", its opening bracket on the wrong side.
describe('an Arabic site name in the English dry-run outputs', () => {
  const NAME = 'نقطة تسجيل المواليد في [Regional Referral Hospital]';
  // As painted from the left: "Regional Referral Hospital" read left to right as a phrase, then the
  // Arabic from "في" to "نقطة" on the right; pdftotext gives each bracket as the character it is,
  // which a right-to-left run draws mirrored ("]" on the left, drawn "[").
  const PAINTED = ']Regional Referral Hospital[ يف ديلاوملا ليجست ةطقن';
  let en: DryRunModel;
  beforeAll(async () => {
    const m = await loadDryRunModel(project, 'birth-registration-2025');
    en = { ...m, data: { ...m.data, sites: [{ ...SITES[0]!, name: NAME }, SITES[1]!] } };
  });

  it('reads right to left as a whole in the report\'s facts, the English name after it', async () => {
    const pdf = saveTo(tempDir(), 'report-en.pdf', await renderDryRunReport(en));
    const sites = paintedLines(pdf, 1).find((l) => l.startsWith('Sites '))!;
    expect(sites).toContain(`${PAINTED}; [Regional Referral Hospital] birth`);
  });

  it('reads right to left as a whole on the observation sheets\' site boxes', async () => {
    const pdf = saveTo(tempDir(), 'sheets-en.pdf', await renderObservationSheets(en));
    expect(paintedLines(pdf, 1)).toContain(`Site: ${PAINTED} · Code: district-office`);
  });
});

describe('minutes and limits in the Arabic dry-run report', () => {
  it('keeps each range whole on a line: `(960–` over `2,950)` read `–960)` right to left, a limit `4,800–` the negative `–4,800`', async () => {
    const ar = dryRunIn(await loadDryRunModel(project, 'birth-registration-2025'), project, 'ar');
    const pdf = saveTo(tempDir(), 'report-ranges.pdf', await renderDryRunReport(ar));
    const text = withoutBidiMarks(pdfText(pdf, 1, 2));
    // The step table has ranges of minutes (a median and its range) and of time limits.
    expect(text).toMatch(/\d–\d/);
    // No number range is cut at its dash: every dash after a digit is followed by a digit.
    expect(text).not.toMatch(/\d–(?!\d)/);
    expect(text).not.toMatch(/(?<![\d\s])–\d|(?:^|\s)–\d/m);
    // The limits of a step decided in days (4,800–7,200 minutes) fit their column, not cut between digits.
    // (a number cut between its digits leaves a thousands group of fewer than three: `7,20` over `0`).
    expect(text).toMatch(/\d,\d{3}–\d,\d{3}/);
    expect(text).not.toMatch(/\d,\d{0,2}(?!\d)/);
  });
});

describe('the debrief in a French or Arabic test plan', () => {
  it('dates it as the plan dates the dry run, in the language, not in ISO form', async () => {
    for (const lang of ['fr', 'ar']) {
      const m = dryRunIn(await loadDryRunModel(project, 'birth-registration-2025'), project, lang);
      const date = m.data.debrief!.date!;
      const text = withoutBidiMarks(pdfText(saveTo(tempDir(), `plan-${lang}.pdf`, await renderTestPlan(m))));
      expect(formatDate(date, lang)).not.toBe(date);
      // (pdftotext moves the digits of an Arabic date about: its month, then, for Arabic.)
      expect(text, lang).toContain(lang === 'ar' ? formatDate(date, lang).replace(/[\d\s]/g, '') : formatDate(date, lang));
      expect(text, lang).not.toContain(date);
    }
  });
});

