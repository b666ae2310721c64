import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkPrintableCharacters } from '../../../src/lib/handbook/check.ts';
import { tempDir } from './pdf-tools.ts';

const base = resolve('tests/fixtures/check/base');

/** The fixture pack with one line of one SOP replaced. */
function packWith(line: string) {
  const root = join(tempDir(), 'pack');
  cpSync(base, root, { recursive: true });
  const file = join(root, 'content/sops/alpha.mdx');
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n${line}\n`);
  return { root, line: readFileSync(file, 'utf8').split('\n').length - 1 };
}

describe('characters the PDFs cannot print (print/missing-glyph)', () => {
  it('warns at the first "√" of a file: the Latin font has none, and the PDF printed an empty box', () => {
    const { root, line } = packWith('The interval is z √(p(1 − p)/n), and again √2.');
    const found = checkPrintableCharacters({ project: loadProject(root), today: '2026-03-01' } as Parameters<typeof checkPrintableCharacters>[0]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', code: 'print/missing-glyph', file: 'content/sops/alpha.mdx', line, column: 19 });
    expect(found[0]?.message).toMatch(/^"√" \(U\+221A\)/);
  });

  it('is quiet for accents, typographic signs and Arabic words, which the fonts have', () => {
    const { root } = packWith('Déclaration « tardive » – 2 × 3 = 6 · z² ± 1 %, 12 ‰ … € ’; التسجيل المتأخر ١٢.');
    expect(checkPrintableCharacters({ project: loadProject(root), today: '2026-03-01' } as Parameters<typeof checkPrintableCharacters>[0])).toEqual([]);
  });

  it('finds nothing in the model pack', () => {
    const project = loadProject(resolve('.'));
    expect(checkPrintableCharacters({ project, today: '2026-03-01' } as Parameters<typeof checkPrintableCharacters>[0])).toEqual([]);
  });
});
