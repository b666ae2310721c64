import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
    expect(lines.slice(-2)).toEqual(['created quizzes/evaluations/induction.yaml', 'created content/courses/induction.yaml']);
    expect(readFileSync(join(root, 'content/courses/induction.yaml'), 'utf8')).toMatch(/^ {2}- counter-basics\b/m);
    const { diagnostics, project } = await runChecks(root, { today: '2026-06-01' });
    const ours = ['content/modules/counter-basics.mdx', 'content/courses/induction.yaml', 'quizzes/counter-basics.yaml', 'quizzes/evaluations/induction.yaml'];
    // No error; the quiz's questions are still the scaffold's bracketed texts, which one warning names.
    expect(diagnostics.filter((d) => ours.includes(d.file)).map((d) => [d.file, d.severity, d.code])).toEqual([['quizzes/counter-basics.yaml', 'warning', 'quiz/unwritten']]);
    expect(project.modules[0]?.outline.sessions.map((s) => s.duration)).toEqual([45, 45]);
    expect(await main(['new', 'module', 'counter-basics', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/already exists/);
    expect(existsSync(join(root, 'content/modules/counter-basics.mdx'))).toBe(true);
    // A module with an SOP's id, or an SOP with a module's: their PDFs would have one name, and
    // the module's workbook replaced the SOP's handbook.
    expect(await main(['new', 'module', 'sample-registration', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toBe('sopkit new: content/sops/sample-registration.mdx already has the id sample-registration: an SOP and a module share the handbooks\' file names (handbooks/sample-registration.pdf), so one would replace the other; choose another id');
    expect(existsSync(join(root, 'content/modules/sample-registration.mdx'))).toBe(false);
    expect(await main(['new', 'sop', 'counter-basics', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/^sopkit new: content\/modules\/counter-basics\.mdx already has the id counter-basics/);
    expect(existsSync(join(root, 'content/sops/counter-basics.mdx'))).toBe(false);
  });

  it("gives a new module the next free code and the SOP its id names, and a new course its modules in the order of their codes", async () => {
    // A new module was always M0 (two new modules clashed), its quiz tested the first SOP of the
    // pack whatever the id said, and a new course listed the modules in file order.
    const root = join(temp, 'codes');
    rmSync(root, { recursive: true, force: true });
    cpSync(resolve('tests/fixtures/training/base'), root, { recursive: true });
    const intro = join(root, 'content/modules/intro.mdx');
    writeFileSync(intro, readFileSync(intro, 'utf8').replace(/^code: M1$/m, 'code: M9'));
    const io = { out: () => {}, err: () => {} };
    expect(await main(['new', 'sop', 'marriage-registration', '--root', root], io)).toBe(0);
    expect(await main(['new', 'module', 'marriage-basics', '--root', root], io)).toBe(0);
    expect(await main(['new', 'module', 'counter-refresher', '--root', root], io)).toBe(0);
    expect(await main(['new', 'course', 'induction', '--root', root], io)).toBe(0);
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    expect(read('content/modules/marriage-basics.mdx')).toMatch(/^code: M10$/m);
    expect(read('content/modules/counter-refresher.mdx')).toMatch(/^code: M11$/m);
    expect(read('quizzes/marriage-basics.yaml')).toMatch(/^sop: marriage-registration$/m);
    expect(read('content/modules/marriage-basics.mdx')).toMatch(/^sops:\n {2}- marriage-registration$/m);
    // No word in common with an SOP: the first SOP of the pack, as before.
    expect(read('quizzes/counter-refresher.yaml')).toMatch(/^sop: marriage-registration$/m);
    // The first by code is taught, the others are lines to take in, in the order of their codes.
    const listed = [...read('content/courses/induction.yaml').matchAll(/^ {2}(# )?- ([a-z0-9-]+) +# (M\d+)/gm)].map((m) => `${m[1] ? 'off' : 'on'} ${m[2]} ${m[3]}`);
    expect(listed).toEqual(['on intro M9', 'off marriage-basics M10', 'off counter-refresher M11']);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("sopkit new course gives the course its own evaluation form and no other module's quiz as its tests", async () => {
    // The template set pretest and posttest to the first module's quiz (not a test of the new
    // course) and named no evaluation, so the course page, timetable and print pack had no form.
    const root = join(temp, 'course');
    rmSync(root, { recursive: true, force: true });
    cpSync(resolve('tests/fixtures/training/base'), root, { recursive: true });
    const io = { out: () => {}, err: () => {} };
    expect(await main(['new', 'module', 'counter-basics', '--root', root], io)).toBe(0);
    expect(await main(['new', 'course', 'induction', '--root', root], io)).toBe(0);
    const read = (path: string) => parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
    const course = read('content/courses/induction.yaml');
    const quizzes = new Set(['sample-registration', 'counter-basics']);
    expect(quizzes.has(String(course.pretest))).toBe(false);
    expect(quizzes.has(String(course.posttest))).toBe(false);
    expect(course.evaluation).toBe('induction');
    expect(read('quizzes/evaluations/induction.yaml').course).toBe('induction');
    // Taking in the commented modules, as the template says, still passes the check.
    const path = join(root, 'content/courses/induction.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^ {2}# - /gm, '  - '));
    expect((read('content/courses/induction.yaml').modules as string[]).sort()).toEqual(['counter-basics', 'intro']);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.file === 'content/courses/induction.yaml' || d.file.startsWith('quizzes/evaluations/induction'))).toEqual([]);
    // A form of that id already there is kept, and linked.
    const rootKept = join(temp, 'course-kept');
    rmSync(rootKept, { recursive: true, force: true });
    cpSync(resolve('tests/fixtures/training/base'), rootKept, { recursive: true });
    const kept = join(rootKept, 'quizzes/evaluations/basics-2.yaml');
    writeFileSync(kept, readFileSync(join(rootKept, 'quizzes/evaluations/course-evaluation.yaml'), 'utf8').replace(/^id: .*$/m, 'id: basics-2').replace(/^course: .*$/m, 'course: basics-2'));
    const before = readFileSync(kept, 'utf8');
    expect(await main(['new', 'course', 'basics-2', '--root', rootKept], io)).toBe(0);
    expect(readFileSync(kept, 'utf8')).toBe(before);
    expect(parse(readFileSync(join(rootKept, 'content/courses/basics-2.yaml'), 'utf8')).evaluation).toBe('basics-2');
  });

  it('sopkit new evaluation writes an anonymous form that passes check, names the course of the same id and says the line the course needs', async () => {
    const root = join(temp, 'evaluation');
    rmSync(root, { recursive: true, force: true });
    cpSync(resolve('tests/fixtures/training/base'), root, { recursive: true });
    // A course with no evaluation yet, as a trainer has it when they write its form.
    const coursePath = join(root, 'content/courses/basics.yaml');
    writeFileSync(coursePath, readFileSync(coursePath, 'utf8').replace(/^evaluation: .*\n/m, ''));
    rmSync(join(root, 'quizzes/evaluations/course-evaluation.yaml'));
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await main(['new', 'evaluation', 'basics', '--root', root], io)).toBe(0);
    // The course takes its form from its own evaluation: line, which the new form does not write:
    // without this hint the course's page, timetable and print pack left the form out, silently.
    expect(lines.slice(-2)).toEqual(['created quizzes/evaluations/basics.yaml', 'next: add "evaluation: basics" to content/courses/basics.yaml, so that the course\'s page, timetable and print pack include this form']);
    const text = readFileSync(join(root, 'quizzes/evaluations/basics.yaml'), 'utf8');
    expect(text).toMatch(/^course: basics$/m);
    expect(text).toMatch(/^anonymous: true$/m);
    const before = (await runChecks(root, { today: '2026-06-01' })).diagnostics.filter((d) => d.file === 'quizzes/evaluations/basics.yaml');
    expect(before.map((d) => d.code)).toEqual(['evaluation/course-not-linked']);
    // Doing what the hint says links them, and the check has nothing more to say.
    writeFileSync(coursePath, `${readFileSync(coursePath, 'utf8')}evaluation: basics\n`);
    expect(await main(['new', 'evaluation', 'spare-form', '--root', root], io)).toBe(0);
    expect(lines.at(-1)).toBe('created quizzes/evaluations/spare-form.yaml');
    expect(readFileSync(join(root, 'quizzes/evaluations/spare-form.yaml'), 'utf8')).not.toMatch(/^course:/m);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.file.startsWith('quizzes/evaluations/'))).toEqual([]);
    expect(await main(['new', 'evaluation', 'basics', '--root', root], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/already exists/);
  });
});
