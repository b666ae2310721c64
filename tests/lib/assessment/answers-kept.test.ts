import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { tempDir } from '../handbook/pdf-tools.ts';

// Two commands wrote over the answers a trainer had typed, said they had written their files, and
// exited 0: a blank responses template exported onto the filled file (the help's own example
// names it pre.csv), and the scores written into the folder the answers were read from.
const root = join(import.meta.dirname, '../../..');
const examples = join(root, 'examples/registry-officers');
const run = async (args: string[]) => {
  const err: string[] = [];
  const code = await main([...args, '--root', root], { out: () => {}, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
};

describe('answers typed by a trainer are never written over', () => {
  it('quiz export --format template refuses a file that has answers in it, and writes over a blank one', async () => {
    const dir = tempDir();
    const filled = join(dir, 'pre.csv');
    copyFileSync(join(examples, 'pre.csv'), filled);
    const before = readFileSync(filled, 'utf8');
    const rows = before.trim().split(/\r?\n/).length - 1;
    const r = await run(['quiz', 'export', 'legal-identity-foundations', '--format', 'template', '--form', 'pre', '--out', filled]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`sopkit quiz: --out ${filled}: that file already has ${rows} rows of answers, which a blank template would replace; write the template elsewhere (e.g. --out legal-identity-foundations-pre.csv), or delete the file first if its answers are not needed`);
    expect(readFileSync(filled, 'utf8')).toBe(before);
    // A template written twice, or a file with its header and empty rows, is not answers.
    const blank = join(dir, 'blank.csv');
    for (let i = 0; i < 2; i++) expect((await run(['quiz', 'export', 'legal-identity-foundations', '--format', 'template', '--form', 'pre', '--out', blank])).code).toBe(0);
    writeFileSync(blank, `${readFileSync(blank, 'utf8').trimEnd()}\r\n,,,\r\n\r\n`);
    expect((await run(['quiz', 'export', 'legal-identity-foundations', '--format', 'template', '--form', 'pre', '--out', blank])).code).toBe(0);
  });

  it('score --out refuses a folder where an output has the name of a file it scores, before writing anything', async () => {
    const dir = join(tempDir(), 'results');
    mkdirSync(dir);
    copyFileSync(join(examples, 'pre.csv'), join(dir, 'scores.csv'));
    copyFileSync(join(examples, 'post.csv'), join(dir, 'post.csv'));
    const before = readFileSync(join(dir, 'scores.csv'), 'utf8');
    const r = await run(['score', '--quiz', 'legal-identity-foundations', '--pre', join(dir, 'scores.csv'), '--post', join(dir, 'post.csv'), '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`sopkit score: ${join(dir, 'scores.csv')} is one of the files given to score, and --out writes a file of that name there: give --out another folder, or move the file; nothing was written`);
    expect(readFileSync(join(dir, 'scores.csv'), 'utf8')).toBe(before);
    // Into another folder, the same files score as before.
    const elsewhere = join(tempDir(), 'out');
    const ok = await run(['score', '--quiz', 'legal-identity-foundations', '--pre', join(dir, 'scores.csv'), '--post', join(dir, 'post.csv'), '--out', elsewhere]);
    expect(ok.code, ok.err).toBe(0);
    expect(readFileSync(join(elsewhere, 'scores.csv'), 'utf8')).toMatch(/^\uFEFF?participant,name,pre_score/);
  }, 120_000);
});
