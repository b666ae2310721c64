import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { runChecks } from '../../../src/lib/check/index.ts';

describe('sopkit new quiz', () => {
  it('writes a quiz that passes sopkit check and refuses to overwrite it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sopkit-new-quiz-'));
    cpSync(resolve('tests/fixtures/assessment/project'), root, { recursive: true });
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await main(['new', 'quiz', '2026-refresher', '--root', root], io)).toBe(0);
    expect(readFileSync(join(root, 'quizzes/2026-refresher.yaml'), 'utf8')).toMatch(/^id: 2026-refresher$/m);
    const { diagnostics } = await runChecks(root, { today: '2026-03-01' });
    // No error; one warning, until the author writes the questions: the scaffold's bracketed texts would print as they are.
    expect(diagnostics.filter((d) => d.file === 'quizzes/2026-refresher.yaml').map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'quiz/unwritten', 5]]);
    expect(diagnostics.find((d) => d.code === 'quiz/unwritten')!.message).toMatch(/^\d+ texts are not written yet \(the first, title: "\[Title of the test\]"\)/);
    expect(await main(['new', 'quiz', '2026-refresher', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/already exists/);
  });
});
