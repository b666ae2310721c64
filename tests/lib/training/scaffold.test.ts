import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { runChecks } from '../../../src/lib/check/index.ts';

// Inside the repository, so the base project's workflow file resolves xstate.
const temp = resolve('.sopkit-cache/test-training-scaffold');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('sopkit new module | course', () => {
  it('writes a module (with its quiz) and a course that pass sopkit check, and refuses to overwrite them', async () => {
    rmSync(temp, { recursive: true, force: true });
    mkdirSync(temp, { recursive: true });
    const root = join(temp, 'project');
    cpSync(resolve('tests/fixtures/training/base'), root, { recursive: true });
    rmSync(join(root, 'content/modules'), { recursive: true });
    rmSync(join(root, 'content/courses'), { recursive: true });
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await main(['new', 'course', 'induction', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/write one first \(sopkit new module <id>\)/);
    expect(await main(['new', 'module', 'counter-basics', '--root', root], io)).toBe(0);
    expect(lines.slice(-2)).toEqual(['created quizzes/counter-basics.yaml', 'created content/modules/counter-basics.mdx']);
    expect(await main(['new', 'course', 'induction', '--root', root], io)).toBe(0);
    expect(readFileSync(join(root, 'content/courses/induction.yaml'), 'utf8')).toMatch(/^ {2}- counter-basics$/m);
    const { diagnostics, project } = await runChecks(root, { today: '2026-06-01' });
    const ours = ['content/modules/counter-basics.mdx', 'content/courses/induction.yaml', 'quizzes/counter-basics.yaml'];
    expect(diagnostics.filter((d) => ours.includes(d.file))).toEqual([]);
    expect(project.modules[0]?.outline.sessions.map((s) => s.duration)).toEqual([45, 45]);
    expect(await main(['new', 'module', 'counter-basics', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/already exists/);
    expect(existsSync(join(root, 'content/modules/counter-basics.mdx'))).toBe(true);
  });

  it('sopkit new evaluation writes an anonymous form that passes check and names the course of the same id', async () => {
    const root = join(temp, 'evaluation');
    rmSync(root, { recursive: true, force: true });
    cpSync(resolve('tests/fixtures/training/base'), root, { recursive: true });
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await main(['new', 'evaluation', 'basics', '--root', root], io)).toBe(0);
    expect(lines.at(-1)).toBe('created quizzes/evaluations/basics.yaml');
    const text = readFileSync(join(root, 'quizzes/evaluations/basics.yaml'), 'utf8');
    expect(text).toMatch(/^course: basics$/m);
    expect(text).toMatch(/^anonymous: true$/m);
    expect(await main(['new', 'evaluation', 'spare-form', '--root', root], io)).toBe(0);
    expect(readFileSync(join(root, 'quizzes/evaluations/spare-form.yaml'), 'utf8')).not.toMatch(/^course:/m);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.file.startsWith('quizzes/evaluations/'))).toEqual([]);
    expect(await main(['new', 'evaluation', 'basics', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/already exists/);
  });
});
