import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateYaml } from '../../src/lib/content/validate.ts';
import { quizSchema } from '../../src/schemas/quiz.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { sopSchema } from '../../src/schemas/sop.ts';

const quizText = readFileSync(resolve('tests/fixtures/assessment/project/quizzes/sample-registration.yaml'), 'utf8');
const sopText = readFileSync(resolve('tests/fixtures/check/base/content/sops/alpha.mdx'), 'utf8').split('---')[1] ?? '';

/** The one message for a quiz where `from` is replaced by `to`. */
function quizMessage(from: string, to: string): string[] {
  expect(quizText).toContain(from);
  return validateYaml(quizText.replace(from, to), quizSchema, 'q.yaml', 'quiz/schema').diagnostics.map((d) => d.message);
}

describe('objective ids as trainers write them', () => {
  it.each(['LO1', '1.2', 'obj-a', 'LO_3', 'Lo-2.1'])('accepts %s', (id) => {
    const text = quizText.replaceAll('id: receive', `id: ${id}`).replaceAll('objective: receive', `objective: ${id}`);
    expect(validateYaml(text, quizSchema, 'q.yaml', 'quiz/schema').diagnostics).toEqual([]);
  });

  it('refuses a space, saying what is allowed', () => {
    expect(quizMessage('  - id: receive', '  - id: LO 1')).toEqual([
      'objectives[0].id: found "LO 1"; expected an objective id of letters, digits, dots, hyphens or underscores, without spaces, like "LO1", "1.2" or "obj-a"',
    ]);
  });
});

describe('every schema rule says what is allowed', () => {
  it.each([
    ['passMark: 60', 'passMark: 120', 'passMark: found 120; must be at most 100'],
    ['passMark: 60', 'passMark: -5', 'passMark: found -5; must be at least 0'],
    ['timeLimit: 20', 'timeLimit: 2.5', 'timeLimit: found 2.5; expected a whole number'],
    ['timeLimit: 20', 'timeLimit: soon', 'timeLimit: found "soon"; expected a number'],
    ['feedback: true', 'feedback: yes please', 'feedback: found "yes please"; allowed: false, true (feedback in the trainer edition) or immediate (feedback for everyone, key public)'],
    ['  - id: s-01', '  - id: S 01', 'items[0].id: found "S 01"; expected an id of lower-case letters, digits and hyphens, like "br-01"'],
    ['{ id: a, text: The registrar, correct: true }', '{ id: A, text: The registrar, correct: true }', 'items[0].options[0].id: found "A"; expected an option id of lower-case letters or digits, like "a"'],
    ['id: sample-registration', 'id: Sample Registration', 'id: found "Sample Registration"; expected a lower-case id with hyphens, like "birth-registration"'],
  ])('quiz: %s → %s', (from, to, message) => {
    expect(quizMessage(from, to)).toEqual([message]);
  });

  it('site: a url that is not a web address', () => {
    const site = { title: 'T', organisation: 'O', country: 'C', url: 'registry' };
    const v = validateYaml(JSON.stringify(site), siteSchema, 'site.yaml', 'site/schema');
    expect(v.diagnostics.map((d) => d.message)).toEqual(['url: found "registry"; expected a web address like https://registry.example.org/']);
  });

  it('site: an empty value is "nothing", and an unknown field is the file\'s, not a "frontmatter"', () => {
    const v = validateYaml('title: T\norganisation: O\ncountry:\nurl: https://registry.example.org/\nmodle: false\n', siteSchema, 'content/site.yaml', 'site/schema');
    expect(v.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual(['3: country: found nothing (the value is empty); expected text', '5: unknown field modle; remove or rename it']);
  });

  it('sop: a version of the wrong kind, a form code, a language tag', () => {
    const data = parse(sopText) as Record<string, unknown>;
    const bad = { ...data, version: [1], language: 'English', forms: [{ id: 'fx01', title: 'T', purpose: 'P', fields: ['F'] }] };
    const messages = validateYaml(JSON.stringify(bad), sopSchema, 'a.mdx', 'sop/frontmatter').diagnostics.map((d) => d.message).sort();
    expect(messages).toEqual([
      'forms[0].id: found "fx01"; expected a form code like "CR-01" (capitals, digits, hyphens)',
      'language: found "English"; expected a language tag like "en" or "fr"',
      'version: found [1]; expected text or a number',
    ]);
    for (const m of messages) expect(m).not.toMatch(/Invalid/);
  });

  // Schemas added later follow the same rule: a pattern without a message would read "expected Invalid".
  it('no regex in src/schemas goes without its message', () => {
    const dir = resolve('src/schemas');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, name), 'utf8');
      const bare = [...source.matchAll(/\.regex\((\/(?:\\.|[^/\n])+\/[a-z]*)\s*\)/g)].map((m) => `${name}: .regex(${m[1]})`);
      expect(bare).toEqual([]);
    }
  });
});

describe('an unknown field says which field was meant', () => {
  it('at the top, in a list and in an object (trainer for trainers; far from every field, no guess)', async () => {
    const { notesSchema } = await import('../../src/schemas/training-notes.ts');
    const notes = (yaml: string) => validateYaml(yaml, notesSchema, 'notes.md', 'notes/frontmatter').diagnostics.map((d) => d.message);
    expect(notes('trainer: [A. Trainer]\n')).toEqual(['frontmatter: unknown field trainer (did you mean "trainers"?); remove or rename it']);
    expect(notes('venu: Hall\nweather: sunny\n')).toEqual(['frontmatter: unknown fields venu (did you mean "venue"?), weather; remove or rename them']);
    expect(quizMessage('  - id: s-01\n', '  - id: s-01\n    objectiv: receive\n')).toEqual(['items[0]: unknown field objectiv (did you mean "objective"?); remove or rename it']);
  });
});

describe('a field written one level too high says where it belongs', () => {
  it('assumes at the top of a quiz belongs on each item (items[].assumes), with an example', () => {
    // "unknown field assumes; remove or rename it" sent the trainer to delete the conditions
    // their keys depend on, when the field is only in the wrong place.
    const [message, ...more] = quizMessage('passMark:', 'assumes: ["fee-late > 0: the late fee"]\npassMark:');
    expect(more).toEqual([]);
    expect(message).toContain('assumes');
    expect(message).toContain('items[].assumes');
    expect(message).not.toContain('remove or rename');
    // The example puts the value as written under an item of this quiz.
    const firstItem = (parse(quizText) as { items: { id: string }[] }).items[0]!.id;
    expect(message).toContain(`items: [{ id: ${firstItem}, ..., assumes: ["fee-late > 0: the late fee"] }]`);
  });

  it('a field unknown everywhere keeps the plain message', () => {
    expect(quizMessage('passMark:', 'weather: sunny\npassMark:')).toEqual(['unknown field weather; remove or rename it']);
  });
});
