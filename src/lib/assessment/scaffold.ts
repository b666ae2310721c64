import type { Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';

/** The SOP a new quiz or module is most likely about, judged by the words of its id. */
function closestSop<T extends { id: string }>(id: string, sops: readonly T[]): T | undefined {
  const words = new Set(id.split('-'));
  const shared = (s: T) => (s.id === id ? Infinity : s.id.split('-').filter((w) => words.has(w)).length);
  // The first SOP sharing the most words; the first of all when none shares one.
  return sops.reduce<T | undefined>((best, s) => (best === undefined || shared(s) > shared(best) ? s : best), undefined);
}

/**
 * A quiz file (ARCHITECTURE.md, Formats: quiz) that passes `sopkit check`: two objectives, one item of each kind that
 * needs no workflow, parallel pre and post forms. Its references point at section 1 of the SOP
 * with the same id, or else the one whose id shares the most words with it (marriage-basics:
 * marriage-registration), or else the first SOP of the pack, for the author to correct.
 * @param id Quiz id (the file name).
 * @param project The loaded project, to find an SOP to refer to.
 */
export function quizScaffold(id: string, project: Project): string {
  const sop = closestSop(id, project.sops.filter((s) => s.sections.length));
  if (!sop) throw new SopkitError('new/no-sops', 'a quiz refers to SOP sections: write an SOP first (sopkit new sop <id>)');
  const p = id.replace(/[^a-z]/g, '').slice(0, 2) || 'q';
  const ref = (n: number) => `${sop.id}#${sop.sections.find((s) => s.level === 1 && s.number === String(n))?.number ?? sop.sections[0]?.number ?? '1'}`;
  return `# Pre/post test for ${sop.id}: the item bank, its objectives and the two parallel forms.
# Item types: single, multiple, truefalse, order (options in the right order, ids not), scenario
# (scenario: "<workflow>/<scenario>", step: N, options with event:). See the authoring guide.
id: ${id}
title: "[Title of the test]"
sop: ${sop.id}
passMark: 70
feedback: true
timeLimit: 20
objectives:
  - id: know
    text: "[What a participant can say or recognise after the course]"
  - id: do
    text: "[What a participant can decide or do after the course]"
items:
  - id: ${p}-01
    type: single
    objective: know
    ref: "${ref(1)}"
    stem: "[A question with one right answer]"
    options:
      - { id: a, text: "[The right answer]", correct: true }
      - { id: b, text: "[A plausible wrong answer]", feedback: "[Why it is wrong]" }
      - { id: c, text: "[Another plausible wrong answer]" }
    explanation: "[Why the right answer is right, with the SOP section]"
  - id: ${p}-02
    type: truefalse
    objective: know
    ref: "${ref(2)}"
    stem: "[A statement that is true or false]"
    options:
      - { id: "true", text: "True", correct: true }
      - { id: "false", text: "False" }
  - id: ${p}-03
    type: multiple
    objective: do
    ref: "${ref(1)}"
    stem: "[A question with several right answers; the page and the booklet tell participants to tick each one]"
    options:
      - { id: a, text: "[Right]", correct: true }
      - { id: b, text: "[Right]", correct: true }
      - { id: c, text: "[Wrong]" }
  - id: ${p}-04
    type: order
    objective: do
    ref: "${ref(2)}"
    stem: "[Put the steps in the right order.]"
    # Options in the right order, with ids out of alphabetical order: the ids are printed.
    options:
      - { id: b, text: "[First step]" }
      - { id: c, text: "[Second step]" }
      - { id: a, text: "[Third step]" }
forms:
  pre: [${p}-01, ${p}-03]
  post: [${p}-02, ${p}-04]
`;
}
