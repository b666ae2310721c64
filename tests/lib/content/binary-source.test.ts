import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodingProblem } from '../../../src/lib/content/read-source.ts';

describe('a content file that is not text at all', () => {
  it('is named for what it is (a photo, a workbook), not "saved as Windows-1252"', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    expect(encodingProblem(png, 'quizzes/m1.gift')?.message).toBe('quizzes/m1.gift is not a text file: it is a PNG image; give the text file itself, saved as UTF-8');
    const workbook = readFileSync(join(import.meta.dirname, '../../fixtures/lifecycle/registers/numeric-section-libreoffice.xlsx'));
    expect(encodingProblem(workbook, 'content/glossary.yaml')?.message).toBe('content/glossary.yaml is not a text file: it is an Excel workbook (.xlsx) or another ZIP archive; give the text file itself, saved as UTF-8');
    // Text in Windows-1252 keeps its own advice, with the byte's place.
    expect(encodingProblem(Buffer.from('caf\xe9\n', 'latin1'), 'a.mdx')?.message).toBe('a.mdx is not UTF-8 (byte 0xE9 at line 1, column 4; an editor saved it as Windows-1252 or Latin-1): save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)');
  });
});
