import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('a slide too full for its page', () => {
  it('is drawn at the largest scale that fits, its body reaching down to the footer', async () => {
    // A four-line title over ten points that wrap: laid out wider to wrap less, the narrower
    // layout tried next wrapped again and overshot, and the search stopped there, printing the
    // points at 8 pt with a third of the body left empty.
    const root = join(tempDir(), 'pack');
    cpSync(join(import.meta.dirname, '../../fixtures/training/base'), root, { recursive: true });
    const file = join(root, 'content/modules/intro.mdx');
    const points = [
      'The nearest relative present at the death, or if not, any adult relative who lives in the same household and knows the facts of the death',
      'A person present at the death, such as a neighbour, a nurse, or a traditional birth attendant who saw the person die',
      'The head of household or institution: a prison governor, a hospital director, the head of a care home or a boarding school',
      'The medical certificate of cause of death, completed by the doctor who treated the deceased for the fatal illness, never changed by the clerk',
      'A lay report for a community death without a doctor, with the verbal autopsy referral when the cause is not known',
      'A police clearance when the death was unnatural: an accident, a violent death, a suicide, or a death in custody',
      "The informant's identity document, or a witness who knows the informant when the informant has none",
      'The identity number of the deceased, the birth registration number, or "not known" written on the form',
      'The burial permit, issued on registration when the body has not been buried yet',
      'Read the declaration back to the informant and have it signed or thumb-printed',
    ];
    const slide = `<Slide title="Everything about the documents a registration clerk must check before accepting a death declaration at the counter">\n\n${points.map((p) => `- ${p}`).join('\n')}\n\n</Slide>\n\n`;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('<Handout id="checklist"', `${slide}<Handout id="checklist"`));
    const [prints] = await renderSlidePrints(loadProject(root), 'intro', ['participant'], 'a4');
    const path = saveTo(dir, 'too-full.pdf', prints!.bytes);
    const page = Array.from({ length: pages(path) }, (_, i) => i + 1).find((p) => pdfText(path, p, p).includes('Everything about'))!;
    // Word boxes from the top of the page: the bottom of the title's last word, of the body's last
    // word, and the top of the footer. Before, the body reached half way down (0.52).
    const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
    const words = [...xml.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3]! }));
    const bottomOf = (text: string) => Math.max(...words.filter((w) => w.text === text).map((w) => w.bottom));
    const title = bottomOf('counter');
    const footer = Math.min(...words.filter((w) => w.text === '[Fixture').map((w) => w.top));
    expect((bottomOf('thumb-printed') - title) / (footer - title)).toBeGreaterThan(0.8);
  }, 60_000);
});
