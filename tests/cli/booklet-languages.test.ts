import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, runSopkit } from './spawn.ts';
import { pdfInfo } from '../lib/handbook/pdf-tools.ts';

// The translation fixture pack with a quiz translated into French and Arabic.
const root = mkdtempSync(join(tmpdir(), 'booklet-languages-'));
cpSync(join(repo, 'tests/fixtures/translation/pack/content'), join(root, 'content'), { recursive: true });
cpSync(join(repo, 'tests/fixtures/translation/quiz/quizzes'), join(root, 'quizzes'), { recursive: true });
// The SOPs the quiz names (its own, and the one its items cite): `sopkit booklet` prints only a quiz
// that `sopkit check` passes, and a quiz naming no SOP of the pack does not.
const sop = readFileSync(join(repo, 'content/sops/birth-registration.mdx'), 'utf8');
mkdirSync(join(root, 'content/sops'));
writeFileSync(join(root, 'content/sops/birth-registration.mdx'), sop);
writeFileSync(join(root, 'content/sops/late-registration.mdx'), sop.replace(/^id: birth-registration$/m, 'id: late-registration'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sopkit booklet with translated quizzes', () => {
  it('writes each translation’s booklet, answer sheet and key beside the source’s (the key lettered as its booklet is)', async () => {
    const result = await runSopkit(['booklet', 'late-registration', '--form', 'post', '--out', 'prints', '--root', root]);
    expect(result.status).toBe(0);
    const files = readdirSync(join(root, 'prints')).sort();
    // The summary counts the pages the files have (the French booklet's last question goes over).
    const pages = files.reduce((n, f) => n + Number(pdfInfo(join(root, 'prints', f)).Pages), 0);
    expect(result.stderr).toMatch(new RegExp(`^9 PDFs, ${pages} pages in `));
    expect(files).toEqual([
      'late-registration-post-answer-sheet.ar.pdf',
      'late-registration-post-answer-sheet.fr.pdf',
      'late-registration-post-answer-sheet.pdf',
      'late-registration-post-key.ar.pdf',
      'late-registration-post-key.fr.pdf',
      'late-registration-post-key.pdf',
      'late-registration-post.ar.pdf',
      'late-registration-post.fr.pdf',
      'late-registration-post.pdf',
    ]);
    // --no-key leaves out every language's key.
    const keyless = await runSopkit(['booklet', 'late-registration', '--form', 'post', '--no-key', '--out', 'keyless', '--root', root]);
    expect(keyless.status).toBe(0);
    expect(readdirSync(join(root, 'keyless')).filter((f) => f.includes('-key'))).toEqual([]);
  });
});
