import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { contentSlides, deckOf } from '../../../src/lib/training/deck.ts';
import { renderSlidePrints } from '../../../src/lib/training/slides-pdf.ts';
import { pdfInfo, pdfText, pdfWords, qpdfCheck, qpdfJson, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// The model pack's module, printed as slides, handouts and speaker notes.
const project = loadProject(join(import.meta.dirname, '../../..'));
const id = 'legal-identity-foundations';
const module = project.modules.find((m) => m.id === id)!;
const deck = deckOf(project, module);
const slides = contentSlides(deck);
const dir = tempDir();
const files: Record<string, string> = {};
let participantFiles: string[] = [];
let bytes: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const both = await renderSlidePrints(project, id, ['participant', 'trainer'], 'a4');
  bytes = Object.fromEntries(both.map((p) => [p.file, p.bytes]));
  for (const p of both) files[p.file.replace(`${id}-`, '').replace('.pdf', '')] = saveTo(dir, p.file, p.bytes);
  participantFiles = (await renderSlidePrints(project, id, ['participant'], 'a4')).map((p) => p.file);
}, 120_000);

const pages = (path: string) => Number(pdfInfo(path).Pages);

describe('slide prints', () => {
  it('are valid PDFs with every font embedded', () => {
    for (const path of Object.values(files)) {
      expect(qpdfCheck(path).ok, path).toBe(true);
      const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length, path).toBeGreaterThan(0);
      // pdffonts columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end.
      for (const line of fonts) expect(line.trim().split(/\s+/).at(-5), `${path}: ${line}`).toBe('yes');
    }
  });

  it('the slides PDF has one landscape page per slide of the deck, with its number and a bookmark each', () => {
    expect(pages(files.slides!)).toBe(deck.slides.length);
    expect(pdfInfo(files.slides!)['Page size']).toMatch(/841\.89 x 595\.28/);
    const page = pdfText(files.slides!, 6, 6);
    const sixth = deck.slides[5]!;
    expect(page).toContain(sixth.title);
    expect(page).toContain(sixth.number);
    expect(page).toContain('[National Civil Registration and Identity Authority] · M1');
    const titles = qpdfJson(files.slides!).outlines.flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]);
    expect(titles).toContain('5.2 The birth registration procedure at a glance');
    // <Workflow path>: the slide prints the case's steps in order, not a diagram too small to read.
    const at = deck.slides.findIndex((s) => s.number === '5.2') + 1;
    const path = pdfText(files.slides!, at, at, '-raw').replace(/\s+/g, ' ');
    const steps = ['6.1 Notify the birth', '6.3 Verify facts and evidence', '6.8 Register the birth', '6.9 Issue the birth certificate'];
    expect(steps.map((step) => path.indexOf(step))).toEqual([...steps.map((step) => path.indexOf(step))].sort((a, b) => a - b));
    for (const step of steps) expect(path).toContain(step);
    expect(path).toContain('Hospital birth declared on time');
  });

  it('a slide whose body is drawn smaller to fit still fills the slide’s width with it', () => {
    // Slide 5.2's path list is too long for the slide: laid out at the slide's width and then
    // scaled, its lines stopped at about two thirds of the slide, the right third left empty.
    const at = deck.slides.findIndex((s) => s.number === '5.2') + 1;
    const words = pdfWords(files.slides!, at);
    const number = words.find((w) => w.text === '5.2' && w.yMin > 400)!;
    const first = words.find((w) => w.text === '1.')!;
    const body = words.filter((w) => w.yMin >= first.yMin && w.yMin < number.yMin - 5);
    const left = Math.min(...body.map((w) => w.xMin));
    const right = Math.max(...body.map((w) => w.xMax));
    expect((right - left) / (number.xMax - left)).toBeGreaterThan(0.9);
  });

  it('the handouts PDF puts three slides on each page beside the ruled lines, and no speaker notes', () => {
    expect(pages(files.handouts!)).toBe(Math.ceil(slides.length / 3));
    for (let p = 1; p <= pages(files.handouts!); p++) {
      const text = pdfText(files.handouts!, p, p, '-raw').replace(/\s+/g, ' ');
      const onPage = slides.slice((p - 1) * 3, p * 3);
      for (const s of onPage) expect(text, `page ${p}`).toContain(s.title);
      expect(text.match(/^\s*Notes\s*$|\bNotes\b/gm)?.length, `page ${p}`).toBe(onPage.length);
    }
    const all = pdfText(files.handouts!);
    for (const s of slides.filter((x) => x.slide.notes)) expect(all).not.toContain(s.slide.notes.slice(0, 40));
    expect(all).not.toMatch(/flip chart/);
  });

  it('the speaker-notes PDF has every slide with its notes, and only the trainer edition writes it', () => {
    const text = pdfText(files['speaker-notes']!, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    for (const s of slides) {
      expect(text).toContain(s.title);
      if (s.slide.notes) expect(text).toContain(s.slide.notes.split(/\s+/).slice(0, 4).join(' '));
    }
    expect(participantFiles).toEqual([`${id}-slides.pdf`, `${id}-handouts.pdf`]);
  });

  it('gives the same bytes twice', async () => {
    const again = await renderSlidePrints(project, id, ['participant', 'trainer'], 'a4');
    for (const p of again) expect(Buffer.compare(Buffer.from(p.bytes), Buffer.from(bytes[p.file]!)), p.file).toBe(0);
  });
});
