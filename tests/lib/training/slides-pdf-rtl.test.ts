import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { deckOf } from '../../../src/lib/training/deck.ts';
import { renderSlidePrints } from '../../../src/lib/training/slides-pdf.ts';
import { pdfInfo, pdfWords, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// The model pack's module in Arabic, printed as slides and handouts: a slide drawn into a page is
// laid out in its own box, and that box reads from the right as the Arabic page around it does.
// Before, the box's writer was left to right: titles and points started at the left, the session
// divider read "45 · عرض دقيقة" out of order, and on the handouts page the slide, mirrored once by
// hand, sat over the ruled lines that the page had mirrored to the same side.
const project = loadProject(join(import.meta.dirname, '../../..'));
const id = 'legal-identity-foundations';
const files: Record<string, Record<string, string>> = {};
const decks = { en: deckOf(project, project.modules.find((m) => m.id === id)!), ar: deckOf(projectIn(project, 'ar'), projectIn(project, 'ar').modules.find((m) => m.id === id)!) };
const dir = tempDir();

beforeAll(async () => {
  for (const lang of ['en', 'ar'] as const) {
    const view = lang === 'en' ? project : projectIn(project, lang);
    files[lang] = {};
    for (const p of await renderSlidePrints(view, id, ['participant'], 'a4')) files[lang][p.file.replace(`${id}-`, '').replace('.pdf', '')] = saveTo(dir, `${lang}-${p.file}`, p.bytes);
  }
}, 120_000);

const size = (path: string) => pdfInfo(path)['Page size']!.split(' x ').map((n) => Number.parseFloat(n)) as [number, number];
/** pdftotext gives an Arabic word's letters in the order they are painted, left to right. */
const painted = (word: string) => [...word].reverse().join('');

describe('an Arabic slide printed', () => {
  it('puts its title and points on the right and its number on the left, as the English slide mirrored', () => {
    expect(decks.ar.module.lang).toBe('ar');
    const at = decks.ar.slides.findIndex((s) => s.kind === 'slide') + 1;
    const slide = decks.ar.slides[at - 1]!;
    for (const lang of ['en', 'ar'] as const) {
      const path = files[lang]!.slides!;
      const [width] = size(path);
      const words = pdfWords(path, at);
      const number = words.find((w) => w.text === slide.number)!;
      expect(number, `${lang}: the slide's number ${slide.number}`).toBeDefined();
      const text = words.filter((w) => w.yMin < number.yMin - 5);
      const right = Math.max(...text.map((w) => w.xMax));
      const left = Math.min(...text.map((w) => w.xMin));
      if (lang === 'ar') {
        expect(right / width).toBeGreaterThan(0.85);
        expect(number.xMax / width).toBeLessThan(0.15);
      } else {
        expect(left / width).toBeLessThan(0.15);
        expect(number.xMin / width).toBeGreaterThan(0.85);
      }
    }
  });

  it('reads a session divider’s time and method from the right: the minutes first', () => {
    const at = decks.ar.slides.findIndex((s) => s.kind === 'session') + 1;
    const s = decks.ar.slides[at - 1]!;
    if (s.kind !== 'session') throw new Error('no session divider');
    expect(s.meta).toMatch(/^\d+ /);
    const path = files.ar!.slides!;
    const [width, height] = size(path);
    const words = pdfWords(path, at).filter((w) => w.yMin < height * 0.8);
    const minutes = words.filter((w) => w.text === String(s.session.duration)).sort((a, b) => b.yMin - a.yMin)[0]!;
    const line = words.filter((w) => Math.abs(w.yMin - minutes.yMin) < 1 && w !== minutes);
    expect(line.map((w) => w.text)).toContain(painted(s.meta.split(' ').at(-1)!));
    for (const w of line) expect(w.xMax, w.text).toBeLessThanOrEqual(minutes.xMin);
    expect(minutes.xMax / width).toBeGreaterThan(0.85);
    const title = s.title.split(' ');
    const titleWords = words.filter((w) => title.map(painted).includes(w.text));
    expect(titleWords.length).toBeGreaterThan(0);
    expect(Math.max(...titleWords.map((w) => w.xMax)) / width).toBeGreaterThan(0.85);
  });
});

describe('an Arabic handouts page', () => {
  it('has each slide on the right and the notes label with its lines on the left, where the English page has them the other way round', () => {
    const label = { en: 'Notes', ar: painted('ملاحظات') };
    for (const lang of ['en', 'ar'] as const) {
      const path = files[lang]!.handouts!;
      const [width] = size(path);
      const words = pdfWords(path, 1);
      const labels = words.filter((w) => w.text === label[lang]);
      expect(labels.length, `${lang}: ${label[lang]}`).toBe(3);
      const first = decks[lang].slides.find((s) => s.kind === 'slide')!;
      const title = first.title.split(' ').map((w) => (lang === 'ar' ? painted(w) : w));
      const titleWords = words.filter((w) => title.includes(w.text) && w.yMin > 60);
      expect(titleWords.length, `${lang}: ${first.title}`).toBeGreaterThan(0);
      const onRight = (xs: number[]) => xs.every((x) => x > width / 2);
      const onLeft = (xs: number[]) => xs.every((x) => x < width / 2);
      if (lang === 'ar') {
        expect(onRight(titleWords.map((w) => w.xMin))).toBe(true);
        expect(onLeft(labels.map((w) => w.xMax))).toBe(true);
      } else {
        expect(onLeft(titleWords.map((w) => w.xMax))).toBe(true);
        expect(onRight(labels.map((w) => w.xMin))).toBe(true);
      }
    }
  });
});
