import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkQuizDoc, checkQuizzes, workflowCache } from '../../../src/lib/assessment/check.ts';
import { loadQuizFile, resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { checkTranslations } from '../../../src/lib/translation/check.ts';

const fixtures = resolve('tests/fixtures/assessment');
const root = join(fixtures, 'project');
const dir = join(fixtures, 'bad-quizzes');
const project = loadProject(root);
const ctx = { project, today: '2026-03-01' };
const workflow = workflowCache(root);

describe('quiz checks', () => {
  it('the sample quiz is clean', async () => {
    expect(await checkQuizzes(ctx)).toEqual([]);
  });

  it('runs as part of sopkit check', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-03-01' });
    expect(diagnostics.filter((d) => d.file.startsWith('quizzes/'))).toEqual([]);
  });

  // Each file under bad-quizzes/ is the sample quiz with one seeded defect. Its first line says
  // which code must be reported; a `# <- defect` comment marks the line the message must point at.
  for (const name of readdirSync(dir).sort()) {
    it(`reports ${name}`, async () => {
      const abs = join(dir, name);
      const text = readFileSync(abs, 'utf8');
      const code = /^# expect: (\S+)/.exec(text)?.[1];
      expect(code).toBeDefined();
      const found = await checkQuizDoc(ctx, loadQuizFile(root, abs), workflow);
      const hits = found.filter((d) => d.code === code && d.severity === 'error');
      expect(hits.length, JSON.stringify(found)).toBeGreaterThan(0);
      const marker = text.split('\n').findIndex((line) => line.includes('# <- defect'));
      if (marker >= 0) expect(hits.map((d) => d.line)).toContain(marker + 1);
      for (const d of hits) {
        expect(d.file).toBe(`../bad-quizzes/${name}`);
        expect(d.message).not.toMatch(/\n/);
      }
    });
  }
});

describe('a workflow that does not load', () => {
  it('is said once per quiz, at its first item, naming the other items that use it', async () => {
    // Each of its scenario items repeated the same load error: eight errors for one misspelt word.
    const text = readFileSync(join(dir, 'scenario-unknown-workflow.yaml'), 'utf8').replace('scenario: sample-registration/on-time', 'scenario: death-registration/on-time');
    const temp = mkdtempSync(join(fixtures, 'project', '.quiz-'));
    try {
      const file = join(temp, 'two-items.yaml');
      writeFileSync(file, text);
      const found = (await checkQuizDoc(ctx, loadQuizFile(root, file), workflowCache(root))).filter((d) => d.code === 'quiz/scenario-workflow');
      expect(found).toHaveLength(1);
      expect(found[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('# <- defect')) + 1);
      expect(found[0]!.message).toMatch(/^item s-06 \(and item s-11, of the same workflow\): scenario "death-registration\/late-approved": /);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe("a workflow state's name in code in a scenario item", () => {
  it('is a warning at the text that has it, with the words the simulator shows; a bracketed word that names no state is not', async () => {
    // "the case is with the supervisor (supervisorReview)": the model pack's scenario questions
    // printed 82 such names, an Arabic question's as English code.
    const source = readFileSync(join(root, 'quizzes/sample-registration.yaml'), 'utf8');
    const stem = 'stem: A birth declared on time has been checked and is ready for registration. What is the next event?';
    expect(source).toContain(stem);
    const temp = mkdtempSync(join(fixtures, 'project', '.quiz-'));
    try {
      const found = async (text: string) => {
        const file = join(temp, 'state-name.yaml');
        writeFileSync(file, text);
        return (await checkQuizDoc(ctx, loadQuizFile(root, file), workflowCache(root))).filter((d) => d.code === 'quiz/state-name');
      };
      const line = source.split('\n').findIndex((l) => l.includes(stem)) + 1;
      const key = await found(source.replace(stem, 'stem: A late birth is with the supervisor (supervisorReview). What is the next event?'));
      expect(key.map((d) => [d.severity, d.line])).toEqual([['warning', line]]);
      expect(key[0]!.message).toBe('item s-11: "(supervisorReview)" in its stem is the workflow\'s name in code for a state, which participants see nowhere else (the simulator calls it "Supervisor reviews late case"); say in words where the case is, or leave it out');
      // In an Arabic question's left-to-right isolate, and in an option's text.
      expect(await found(source.replace(stem, 'stem: "تنتظر الحالة المشرف (\\u2066supervisorReview\\u2069). ما الحدث التالي؟"'))).toHaveLength(1);
      const option = await found(source.replace('{ id: b, text: The supervisor rejects it,', '{ id: b, text: The supervisor rejects it (returned),'));
      expect(option).toHaveLength(1);
      expect(option[0]!.message).toMatch(/^item s-11: "\(returned\)" in its option b text is the workflow's name in code for a state/);
      // Words in brackets that are no state's name: none.
      expect(await found(source.replace(stem, 'stem: A birth (a home birth) was declared on time (form BR-02) and checked (verification step). What is the next event?'))).toEqual([]);
      expect(await found(source)).toEqual([]);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe("a workflow state's name in code in a translated scenario item", () => {
  it('is the same warning, at the translation, which the source no longer has', async () => {
    // The French and Arabic quizzes had the source's 82 names too, each in its own sentence.
    const temp = mkdtempSync(join(fixtures, '.translated-'));
    try {
      cpSync(root, temp, { recursive: true });
      const site = join(temp, 'content/site.yaml');
      writeFileSync(site, `${readFileSync(site, 'utf8')}locales:\n  - { code: en, label: English, default: true }\n  - { code: fr, label: Français }\n`);
      const source = readFileSync(join(temp, 'quizzes/sample-registration.yaml'), 'utf8');
      const stem = 'stem: A birth declared on time has been checked and is ready for registration. What is the next event?';
      expect(source).toContain(stem);
      mkdirSync(join(temp, 'quizzes/fr'));
      const french = source.replace('id: sample-registration\n', 'id: sample-registration\nlanguage: fr\n').replace(stem, "stem: Une naissance déclarée dans les délais est chez le superviseur (supervisorReview). Quel est l'événement suivant ?");
      writeFileSync(join(temp, 'quizzes/fr/sample-registration.yaml'), french);
      const found = (await checkTranslations({ project: loadProject(temp), today: '2026-03-01' })).filter((d) => d.code === 'quiz/state-name');
      expect(found.map((d) => [d.file, d.line, d.severity])).toEqual([['quizzes/fr/sample-registration.yaml', french.split('\n').findIndex((l) => l.includes('(supervisorReview)')) + 1, 'warning']]);
      expect(found[0]!.message).toMatch(/^item s-11: "\(supervisorReview\)" in its stem is the workflow's name in code for a state, .*"Supervisor reviews late case"/);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('resolveQuiz', () => {
  it('finds a quiz by id and by path', () => {
    expect(resolveQuiz(root, 'sample-registration').quiz.items).toHaveLength(12);
    expect(resolveQuiz(root, join(root, 'quizzes/sample-registration.yaml')).quiz.id).toBe('sample-registration');
  });

  it('names the known quizzes when the id is unknown', () => {
    expect(() => resolveQuiz(root, 'nope')).toThrow(/no quiz "nope" in quizzes\/; known: sample-registration/);
  });

  it('refuses a quiz with errors, with the file and line of the first one', () => {
    expect(() => resolveQuiz(root, join(dir, 'form-unknown-item.yaml'))).toThrow(/bad-quizzes\/form-unknown-item.yaml:\d+:\d+ {2}error {2}quiz\/form-unknown-item/);
  });
});

describe('order items whose ids give the answer away', () => {
  it('warns when the ids, in the correct order, are in alphabetical order, at the options of that item', async () => {
    const file = join(fixtures, 'warn-quizzes/order-ids-reveal.yaml');
    const found = await checkQuizDoc(ctx, loadQuizFile(root, file), workflow);
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('# <- warning')) + 1;
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    const hits = found.filter((d) => d.code === 'quiz/order-ids-reveal');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'warning', file: '../warn-quizzes/order-ids-reveal.yaml' });
    expect(hits[0]?.line).toBe(line);
    expect(hits[0]?.message).toMatch(/^item s-10: the option ids in the correct order read a, b, c/);
  });

  it('is quiet for the same items with their ids out of order (the sample quiz)', async () => {
    const found = await checkQuizDoc(ctx, loadQuizFile(root, join(root, 'quizzes/sample-registration.yaml')), workflow);
    expect(found.filter((d) => d.code === 'quiz/order-ids-reveal')).toEqual([]);
  });
});

describe('a quiz file that is not UTF-8', () => {
  it('is an error at the file (file/encoding), not a stem with U+FFFD in every export', () => {
    const temp = mkdtempSync(join(resolve('.sopkit-cache'), 'latin1-quiz-'));
    try {
      const name = readdirSync(join(root, 'quizzes')).find((f) => f.endsWith('.yaml'))!;
      const utf8 = readFileSync(join(root, 'quizzes', name), 'utf8');
      // The same quiz saved as Latin-1 by an old editor, with one accented name in a stem.
      const text = utf8.replace('stem: Who receives', 'stem: Renée asks who receives');
      expect(text).not.toBe(utf8);
      writeFileSync(join(temp, name), Buffer.from(text, 'latin1'));
      const doc = loadQuizFile(temp, join(temp, name));
      expect(doc.diagnostics.map((d) => d.code)).toContain('file/encoding');
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
