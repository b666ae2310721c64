import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { renderSlidePrints } from '../../../src/lib/training/slides-pdf.ts';
import { pdfWords, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// A committee's 300-character module title ran off the bottom of the printed title slide, over its
// footer and past the slide's edge. The title is now drawn smaller until it fits its share.
const project = loadProject(join(import.meta.dirname, '../../..'));
const id = 'legal-identity-foundations';
const long = 'The long and winding title of a module that a committee wrote, naming every institution, every law, every form and every stakeholder who took part, so that nobody in the ministry could say that they had been left out of the list of those to be thanked for their kind contribution, ending here';
let file = '';

beforeAll(async () => {
  // This file's own project: the title is changed in memory, for this module only.
  project.modules.find((m) => m.id === id)!.data!.title = long;
  const slides = (await renderSlidePrints(project, id, ['participant'], 'a4')).find((p) => p.file.endsWith('-slides.pdf'))!;
  file = saveTo(tempDir(), slides.file, slides.bytes);
}, 120_000);

describe('a very long module title on the printed title slide', () => {
  it('is printed whole, above the footer, inside the slide', () => {
    const words = pdfWords(file, 1);
    const last = words.find((w) => w.text === 'here');
    const footer = words.filter((w) => w.text.includes('[National')).at(-1);
    const summary = words.find((w) => w.text === 'Duration:');
    expect(last, words.map((w) => w.text).join(' ')).toBeDefined();
    expect(footer).toBeDefined();
    expect(summary).toBeDefined();
    // The title ends above the module's summary and duration, which end above the footer.
    expect(last!.yMin).toBeLessThan(summary!.yMin);
    expect(summary!.yMin).toBeLessThan(footer!.yMin);
  });
});
