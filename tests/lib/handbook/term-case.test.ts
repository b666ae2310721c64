import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { pdfText, saveTo, tempDir } from './pdf-tools.ts';

// The model pack's death registration SOP writes <Term id="mccd" /> ("Medical certificate of cause
// of death (MCCD)" in the glossary) and <Role> titles in running text.
const project = loadProject(join(import.meta.dirname, '../../..'));
let text = '';

beforeAll(async () => {
  const file = saveTo(tempDir(), 'death-registration.pdf', await renderSopHandbook(project, 'death-registration', { edition: 'participant', paper: 'a4' }));
  text = pdfText(file).replace(/\s+/g, ' ');
}, 120_000);

describe('terms and roles in running text of a handbook', () => {
  it('lower-case only an ordinary first word, as the page does: acronyms keep their capitals', () => {
    expect(text).toContain('medical certificate of cause of death (MCCD)');
    expect(text).not.toMatch(/\(mccd\)/);
  });
});
