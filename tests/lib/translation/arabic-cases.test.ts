// The Arabic text of the model pack says each value in the case its sentence gives it
// (ARCHITECTURE.md, Translations: a value's case): the handbook's body, the search text (the
// page's words), the glossary, the quiz and the step tables' time limits. Read from the pack as
// it ships, and from a copy where every period and age is 2, the value whose nominative
// (`يومان`, `سنتان`) and oblique (`يومين`, `سنتين`) differ, so every marked place is tried.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { sopBodyBlocks } from '../../../src/lib/handbook/sop-body.ts';
import { searchDocuments } from '../../../src/lib/search/documents.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { quizIn } from '../../../src/lib/translation/quizzes.ts';
import { workflowLabelsIn } from '../../../src/lib/translation/workflow-labels.ts';
import { copyModelPack, replaceIn, repo, tempFolder, textOf } from '../../params/project.ts';

const parent = tempFolder('arabic-cases-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));


/** Every string in data, in order. */
function stringsOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringsOf).join(' ');
  return value && typeof value === 'object' ? Object.values(value).map(stringsOf).join(' ') : '';
}

/** Text with its white space folded, as a reader reads it. */
const words = (text: string) => text.replace(/\s+/g, ' ');

/** The Arabic words of the pack that print a parameter. */
function arabicText(root: string, project: Project): { handbook: string; search: string; glossary: string; quiz: string; workflow: string } {
  const view = projectIn(project, 'ar');
  const sop = view.sops.find((s) => s.id === 'birth-registration' && s.data?.language === 'ar');
  if (!sop) throw new Error('no Arabic birth-registration SOP');
  const blocks = sopBodyBlocks(sop, { project: view, edition: 'participant', inPdf: new Set([sop.id]), workflows: new Map(), terms: new Set(), figures: { n: 0 } });
  const search = searchDocuments(project, 'participant', 'ar').map((d) => d.text);
  const glossary = project.translations.ar!.glossary.entries.map((e) => e.definition);
  const source = loadQuizFile(root, join(root, 'quizzes/birth-registration.yaml')).quiz!;
  const quiz = quizIn(root, source, 'ar', 'en');
  expect(quiz.translated).toBe(true);
  const labels = workflowLabelsIn(project, 'ar', 'birth-registration')!;
  return {
    handbook: words(textOf(blocks)),
    search: search.join(' '),
    glossary: glossary.join(' '),
    quiz: words(stringsOf(quiz.quiz)),
    workflow: [...Object.values(labels.sla), ...Object.values(labels.scenarios).map((s) => s.description ?? '')].join(' '),
  };
}

const DUAL_NOMINATIVE = 'يومان|يوما عمل|ساعتان|شهران|سنتان';
const DUAL_OBLIQUE = 'يومين|يومي عمل|ساعتين|شهرين|سنتين';
// Words after which a value is genitive (prepositions, the first term of an idafa) or accusative
// (the object of a verb or of `البالغة`, an adverb of time after `يُحفظ`).
const GOVERNORS = 'خلال|بعد|قبل|في|كل|حتى|عن|على|مدة|لمدة|البالغة|تتجاوز|يُحفظ|المواليد';
const nominativeAfterGovernor = new RegExp(`(?:^|\\s)(?:${GOVERNORS})\\s+(?:${DUAL_NOMINATIVE})(?=\\s|[،؛.:)]|$)`, 'g');
const obliqueAfterGovernor = new RegExp(`(?:^|\\s)(?:${GOVERNORS})\\s+(?:${DUAL_OBLIQUE})`, 'g');

describe('Arabic values in the case of their sentence', () => {
  it('the model pack audits each office once every two years: «مرة كل سنتين» in the handbook and the page text', () => {
    const project = loadProject(repo);
    const audit = project.parameters.get('audit-cycle');
    // The pack's value is the one whose case shows; a country that changes it has another test below.
    expect(audit?.value).toBe(2);
    const text = arabicText(repo, project);
    for (const where of ['handbook', 'search'] as const) {
      expect(text[where], where).toContain('مرة كل سنتين');
      expect(text[where], where).not.toContain('كل سنتان');
    }
  });

  it('with every period and age set to 2, no dual after a preposition, an idafa or a verb is nominative, and standalone values stay nominative', () => {
    const root = copyModelPack(join(parent, 'duals'));
    const file = join(root, 'content/parameters.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    for (const item of (doc.contents as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] }).items) {
      if (['days', 'working-days', 'hours', 'months', 'years', 'age'].includes(String(item.get('unit'))) && typeof item.get('value') === 'number') item.set('value', 2);
    }
    writeFileSync(file, doc.toString());
    const text = arabicText(root, loadProject(root));
    for (const [where, words] of Object.entries(text)) {
      expect(words.match(nominativeAfterGovernor) ?? [], where).toEqual([]);
    }
    // Each place the translator marked reads the oblique...
    expect(text.handbook.match(obliqueAfterGovernor)?.length).toBeGreaterThanOrEqual(9);
    expect(text.glossary).toMatch(/بعد يومين من الولادة وبعد يومين من الوفاة/);
    expect(text.quiz).toMatch(/البالغة يومين/);
    expect(text.quiz).toMatch(/ولم يعد أحد بعد يومين/);
    expect(text.workflow).toMatch(/خلال يومين من تاريخ الولادة/);
    expect(text.workflow).toMatch(/لا يعود أحد خلال يومين/);
    // ...and a value that stands alone or is a predicate keeps the nominative: a records table's
    // cell, a parenthesis, "the legal period is two days".
    expect(text.handbook).toMatch(/مهلة قانونية قدرها يومان/);
    expect(text.quiz).toMatch(/والمهلة القانونية يومان/);
    expect(text.workflow).toMatch(/(?:^|\s)يوما عمل(?:\s|$)/);
  });
});

describe('a case SOPKit does not know', () => {
  it('is an error at the reference, naming the cases, in an MDX attribute, a component and a translated quiz', async () => {
    const root = copyModelPack(join(parent, 'misspelt'));
    const edit = (file: string, from: string, to: string) => replaceIn(root, file, from, to);
    const sop = 'content/ar/sops/birth-registration.mdx';
    const quiz = 'quizzes/ar/birth-registration.yaml';
    const component = edit(sop, '<Param id="audit-cycle" case="genitive" />', '<Param id="audit-cycle" case="genetive" />');
    const attribute = edit(sop, '{param:birth-notification-period|genitive}', '{param:birth-notification-period|oblique}');
    const item = edit(quiz, '{param:resubmission-period|genitive}', '{param:resubmission-period|genetive}');
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);
    expect(errors.find((e) => e.startsWith(`${sop}:${component} `)), errors.join('\n')).toMatch(/case.*genetive.*(nominative|accusative|genitive)/);
    expect(errors.find((e) => e.startsWith(`${sop}:${attribute} `)), errors.join('\n')).toMatch(/params\/unknown .*"oblique" is not a case: write \{param:birth-notification-period\|genitive\}/);
    expect(errors.find((e) => e.startsWith(`${quiz}:${item} `)), errors.join('\n')).toMatch(/params\/unknown .*"genetive" is not a case/);
    expect(errors.filter((e) => e.startsWith(sop) || e.startsWith(quiz))).toHaveLength(3);
  }, 300_000);
});
