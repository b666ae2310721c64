import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontBytes } from '../../../src/lib/fonts/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { loadQuizzes } from '../../../src/lib/assessment/quiz-load.ts';
import { renderPackHandbook, renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { writeQuizPrints } from '../../../src/lib/handbook/write.ts';
import { contentText, decodeQr, pdfFonts, pdfInfo, pdfText, pdfWords, qpdfCheck, saveTo, tempDir, withoutBidiMarks } from './pdf-tools.ts';

// The Arabic fixture: a late birth registration SOP in Modern Standard Arabic with harakat, a
// bracketed English placeholder, numbers, an ISO date, a glossary term, a table, lists and an
// Arabic workflow. ARCHITECTURE.md, Printing right-to-left text.
const root = resolve('tests/fixtures/handbook/arabic');
let dir: string;
let pdf: string;
const A4_RIGHT = 595.28 - 56;
const A4_LEFT = 56;

beforeAll(async () => {
  dir = tempDir();
  pdf = saveTo(dir, 'late-birth-registration.pdf', await renderSopHandbook(loadProject(root), 'late-birth-registration', { edition: 'participant', paper: 'a4' }));
}, 120_000);

/** The page (1-based) whose text contains a phrase. */
function pageWith(phrase: string): number {
  const pages = withoutBidiMarks(pdfText(pdf)).split('\f');
  const i = pages.findIndex((p) => p.includes(phrase));
  expect(i, `no page contains ${phrase}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('Arabic SOP handbook', () => {
  it('passes qpdf --check', () => {
    const check = qpdfCheck(pdf);
    expect(check.ok, check.output).toBe(true);
  });

  it('embeds Noto Naskh Arabic as subsets, and every other font too', () => {
    const fonts = pdfFonts(pdf);
    const arabic = fonts.filter((f) => f.name.includes('NotoNaskhArabic'));
    expect(arabic.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoNaskhArabic-Bold', 'NotoNaskhArabic-Regular']);
    for (const f of arabic) {
      expect(f.name).toMatch(/^[A-Z]{6}\+NotoNaskhArabic-/);
      expect(f.subset).toBe(true);
    }
    for (const f of fonts) expect(f.embedded, f.name).toBe(true);
  });

  it('gives the Arabic words back in reading order, harakat included', () => {
    const text = withoutBidiMarks(pdfText(pdf));
    expect(text).toContain('يحدد هذا الإجراء خطوات التسجيل المتأخر للولادات');
    expect(text).toContain('والغاية أن تُقيَّد كلُّ ولادةٍ مرةً واحدةً وبدقّة');
    // poppler moves the space between a left-to-right run and the next Arabic word (its own bidi rules).
    expect(text).toMatch(/يستقبل موظف التسجيل المُبلِّغ ويملأ معه الاستمارة\s*AR-02\s*طلب تسجيل ولادة متأخر/);
    expect(text).toContain('ينطبق هذا الإجراء على جميع مكاتب السجل المدني');
    expect(text).toContain('مسرد المصطلحات المستخدمة');
    // Reversed words would read like this: the test must be able to fail.
    expect(text).not.toContain('ءارجإلا');
  });

  it('keeps digits in order: 30 days, an ISO date, section numbers, the English placeholder', () => {
    const text = withoutBidiMarks(pdfText(pdf));
    expect(text).toMatch(/30\s*يوماً/);
    expect(text).not.toMatch(/03\s*يوماً/);
    expect(text).toContain('2026-03-15');
    expect(text).not.toContain('15-03-2026');
    expect(text).toContain('5.2');
    expect(text).toContain('Civil Registration Act');
  });

  it('prints the engine words in Arabic: page x of y, contents, editions, status, figure caption', () => {
    const text = withoutBidiMarks(pdfText(pdf));
    expect(text).toMatch(/صفحة\s*1\s*من[\s·]*4/);
    expect(text).toContain('المحتويات');
    expect(text).toContain('نسخة المشارك');
    expect(text).toContain('نسخة غير خاضعة للرقابة عند طباعتها');
    expect(text).toMatch(/الشكل[\s–]*1/);
    expect(text).toContain('سير عمل الإجراء');
  });

  it('mirrors the page: text and running header start at the right margin, the edition and the contents page numbers sit on the left', () => {
    const contents = pageWith('المحتويات');
    const words = pdfWords(pdf, contents);
    const code = words.find((w) => w.text === 'SOP-AR-01')!;
    expect(code.xMax).toBeCloseTo(A4_RIGHT, 0);
    const edition = words.filter((w) => w.yMin === code.yMin && w.xMin < 300);
    expect(Math.min(...edition.map((w) => w.xMin))).toBeCloseTo(A4_LEFT, 0);
    // Contents: "1 الغرض .... 1": the heading number at the right margin, its page number at the left.
    const numbers = words.filter((w) => /^\d+$/.test(w.text) && w.yMin > code.yMin + 20);
    expect(numbers.some((w) => Math.abs(w.xMin - A4_LEFT) < 1)).toBe(true);
    expect(numbers.some((w) => Math.abs(w.xMax - A4_RIGHT) < 1)).toBe(true);
  });

  it('lays table columns out from right to left', () => {
    const page = pageWith('المستندات المطلوبة');
    const words = pdfWords(pdf, page);
    // The header row of the table: "الحالة | المستندات المطلوبة | المهلة" (bbox words are in painted order).
    const middle = words.find((w) => w.text === 'ةبولطملا')!;
    const row = words.filter((w) => w.yMin === middle.yMin);
    const first = row.find((w) => w.text === 'ةلاحلا')!;
    const last = row.find((w) => w.text === 'ةلهملا')!;
    expect(first.xMax).toBeGreaterThan(middle.xMax);
    expect(middle.xMax).toBeGreaterThan(last.xMax);
    expect(first.xMax).toBeGreaterThan(500);
  });

  it('keeps the mirrored QR code readable', () => {
    expect(decodeQr(pdf, 1, dir)).toBe('https://fixture.example.org/sops/late-birth-registration/');
  });

  it('writes the Arabic glyphs at the positions fontkit gives them (a raised or lowered mark moves with Td)', () => {
    // The first glyph of "تُقيَّد" painted with a vertical move: fontkit's yOffset of a mark, at 10 pt.
    const naskh = fontkit.create(Buffer.from(fontBytes('regular', 'arabic'))) as fontkit.Font;
    const run = naskh.layout('تُقيَّد', undefined, undefined, undefined, 'rtl');
    const marks = run.positions.filter((p) => p.yOffset !== 0);
    expect(marks.length).toBeGreaterThan(0);
    const streams = contentText(pdf, dir);
    const moves = [...streams.matchAll(/(-?[\d.]+) (-?[\d.]+) Td/g)].map((m) => Number(m[2]));
    const expected = marks.map((p) => Math.round(((p.yOffset * 10) / naskh.unitsPerEm) * 100) / 100);
    expect(moves.filter((y) => y !== 0).length).toBeGreaterThan(20);
    for (const y of expected) expect(moves.some((m) => Math.abs(Math.abs(m) - Math.abs(y)) < 0.011)).toBe(true);
    expect(streams).toMatch(/\/Span << \/ActualText <feff[0-9a-f]+> >> BDC/i);
  });

  it('says the document is Arabic', () => {
    expect(pdfInfo(pdf).Title).toContain('التسجيل المتأخر للمواليد');
  });

  it('prints the whole-pack handbook of an Arabic pack right to left too', async () => {
    const pack = saveTo(dir, 'pack.pdf', await renderPackHandbook(loadProject(root), { edition: 'trainer', paper: 'a4' }));
    expect(qpdfCheck(pack).ok).toBe(true);
    const text = withoutBidiMarks(pdfText(pack));
    expect(text).toContain('إجراءات العمل الموحَّدة');
    expect(text).toContain('والغاية أن تُقيَّد كلُّ ولادةٍ مرةً واحدةً وبدقّة');
    expect(text).toContain('نسخة المدرّب');
  });

  it('prints an Arabic test booklet, answer sheet and key', async () => {
    const project = loadProject(root);
    const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
    const written = await writeQuizPrints(project, quizzes, { paper: 'a4', outDir: dir, forms: ['pre'] });
    expect(written.map((f) => f.file)).toEqual(['late-birth-registration-pre.pdf', 'late-birth-registration-pre-answer-sheet.pdf', 'late-birth-registration-pre-key.pdf']);
    for (const f of written) expect(qpdfCheck(join(dir, f.file)).ok).toBe(true);
    const booklet = withoutBidiMarks(pdfText(join(dir, written[0]!.file)));
    expect(booklet).toContain('ما المهلة القانونية التي يُعدّ التسجيل بعدها متأخراً؟');
    expect(booklet).toMatch(/30\s*يوماً من تاريخ الولادة/);
    expect(booklet).toContain('الاختبار القبلي');
    expect(withoutBidiMarks(pdfText(join(dir, written[1]!.file)))).toContain('ورقة الإجابة');
    expect(withoutBidiMarks(pdfText(join(dir, written[2]!.file)))).toContain('مفتاح الإجابات');
  });
});
