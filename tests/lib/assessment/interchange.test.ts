import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, type GIFTQuestion } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readCsv } from '../../../src/lib/assessment/csv.ts';
import { responsesCsv } from '../../../src/lib/assessment/export-csv.ts';
import { giftEscape, quizToGift } from '../../../src/lib/assessment/interchange/gift-export.ts';
import { giftToQuiz, slug as giftSlug } from '../../../src/lib/assessment/interchange/gift-import.ts';
import { moodleCutWarning, moodleMarkingDifferences } from '../../../src/lib/assessment/interchange/moodle-marking.ts';
import { quizToMoodleXml } from '../../../src/lib/assessment/interchange/moodle-xml.ts';
import { importedQuizProblems } from '../../../src/lib/assessment/interchange/import-check.ts';
import { quizToYaml } from '../../../src/lib/assessment/interchange/yaml.ts';
import { loadQuizzes, resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { itemFraction } from '../../../src/lib/assessment/score-item.ts';
import { quizSchema, type QuizItem } from '../../../src/schemas/quiz.ts';
import { runSopkit } from '../../cli/spawn.ts';

const fixtures = resolve('tests/fixtures/assessment');
const sample = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const banks = loadQuizzes(process.cwd()).flatMap((d) => (d.quiz ? [d.quiz] : []));

describe('GIFT', () => {
  it('escapes the control characters', () => {
    expect(giftEscape('a:b {c} ~d =e #f \\g\nh')).toBe('a\\:b \\{c\\} \\~d \\=e \\#f \\\\g\\nh');
    expect(parse(`::x::${giftEscape('Is 1 = 1: {yes}?')} {T}`)[0]).toMatchObject({ stem: { text: 'Is 1 = 1: {yes}?' } });
  });

  it.each([sample, ...banks].map((q) => [q.id, q] as const))('%s exports and imports back unchanged', (_, quiz) => {
    const gift = quizToGift(quiz);
    const { quiz: back, notes } = giftToQuiz(gift, { id: quiz.id, file: `${quiz.id}.gift` });
    expect(notes).toEqual([]);
    expect(back).toEqual(quiz);
  });

  it('a form export holds that form only, with Moodle weights for multiple answers', () => {
    const questions = parse(quizToGift(sample, 'post')).filter((q) => q.type !== 'Category');
    expect(questions.map((q) => ('id' in q ? q.id : ''))).toEqual(sample.forms.post);
    const multiple = questions.find((q) => 'id' in q && q.id === 's-08');
    expect(multiple).toMatchObject({ type: 'MC', choices: [{ weight: 50 }, { weight: 50 }, { weight: -100 }] });
    const order = questions.find((q) => 'id' in q && q.id === 's-10');
    expect(order).toMatchObject({ type: 'Matching', matchPairs: [{ subanswer: '1' }, { subanswer: '2' }, { subanswer: '3' }] });
  });

  it('imports a plain Moodle GIFT file, with todo notes for what GIFT does not say', () => {
    const text = readFileSync(join(fixtures, 'interchange/moodle-plain.gift'), 'utf8');
    const { quiz, notes } = giftToQuiz(text, { id: 'imported', file: 'moodle-plain.gift', sop: 'sample-registration' });
    expect(quiz.items.map((i) => [i.id, i.type])).toEqual([['capital', 'single'], ['q-2', 'multiple'], ['registrar-signs', 'truefalse'], ['steps', 'order']]);
    expect(quiz.items[1]?.options.map((o) => o.correct)).toEqual([true, true, false]);
    expect(quiz.items[3]?.options.map((o) => o.text)).toEqual(['Receive', 'Check', 'Register']);
    expect(quiz.items[0]?.ref).toBe('sample-registration#1');
    expect(notes.join('\n')).toMatch(/capital: ref set to sample-registration#1/);
    expect(notes.join('\n')).toMatch(/forms: every item is in both forms/);
    // The YAML written for it is a valid quiz.
    expect(quizSchema.parse(parseYaml(quizToYaml(quiz)))).toEqual(quiz);
  });

  it('refuses a question that is not valid GIFT at its line and column; skips a type SOPKit cannot score, --strict refuses it', () => {
    expect(() => giftToQuiz('::a:: Broken { =yes ~no\n\n::b:: Fine? {T}\n', { id: 'x', file: 'bad.gift' })).toThrow(/^bad.gift:1:\d+: question "a" is not valid GIFT \(Expected .*\); fix it in the file/);
    const text = '::b:: Fine? {T}\n\n::n:: Pi? {#3.14}\n';
    const { quiz, skipped } = giftToQuiz(text, { id: 'x', file: 'ok.gift' });
    expect(quiz.items.map((i) => i.id)).toEqual(['b']);
    expect(skipped.map((s) => [s.line, s.name, s.type])).toEqual([[3, 'n', 'numerical']]);
    expect(() => giftToQuiz(text, { id: 'x', file: 'ok.gift', strict: true })).toThrow(/^ok.gift:3: question "n" \(numerical\) not imported: SOPKit items are/);
    expect(() => giftToQuiz('::n:: Pi? {#3.14}', { id: 'x', file: 'num.gift' })).toThrow(/^num.gift: no question SOPKit can use: num.gift:1:1: question "n" \(numerical\): SOPKit items are/);
  });

  it('keeps answer weights exactly or refuses the question with its line', () => {
    const text = readFileSync(join(fixtures, 'interchange/weights.gift'), 'utf8');
    const { quiz, skipped } = giftToQuiz(text, { id: 'weights', file: 'weights.gift' });
    expect(quiz.items.map((i) => [i.id, i.type, i.scoring, i.options.map((o) => o.correct)])).toEqual([
      ['fits', 'multiple', 'partial', [true, true, false]],
      ['thirds', 'multiple', 'partial', [true, true, true, false]],
    ]);
    expect(skipped.map((s) => `${s.line} ${s.name}: ${s.reason}`)).toEqual([
      '20 too-harsh: answer weights 50 %, 50 %, -100 %, -100 % cannot be kept: SOPKit scores several right answers as right/k − wrong/(n − k), which here is 50 % for each right and -50 % for each wrong answer; set those weights in Moodle, or write the item in the quiz YAML',
      '28 half-right: answer weights 50 % give part marks on a single-answer question; a SOPKit single-answer item is right or wrong',
      '35 two-right: 2 answers are right (=) on a single-answer question; a SOPKit single-answer item has one right answer',
    ]);
  });
});

// Moodle's own GIFT test files (tests/fixtures/assessment/interchange/moodle, GPL-3.0 test data).
describe("Moodle's GIFT fixtures", () => {
  const moodle = (name: string) => readFileSync(join(fixtures, 'interchange/moodle', name), 'utf8');

  it('questions.gift.txt: the supported questions come in, each other one is named by line and type', () => {
    const { quiz, skipped, notes } = giftToQuiz(moodle('questions.gift.txt'), { id: 'moodle-questions', file: 'questions.gift.txt' });
    expect(quiz.items.map((i) => [i.id, i.type])).toEqual([['q2', 'single'], ['q1', 'truefalse'], ['q-2-08-tsl', 'truefalse'], ['q-2-08-tsl-2', 'truefalse']]);
    expect(skipped.map((s) => [s.line, s.name, s.type])).toEqual([
      [2, 'Q8', 'essay'],
      [5, 'Moodle activities', 'matching'],
      [22, 'colours', 'multiple choice'],
      [31, 'Q5', 'numerical'],
      [34, 'Shortanswer', 'short answer'],
    ]);
    // ~%-100% is not turned into -50 %: the question is refused with what SOPKit would need.
    expect(skipped[2]?.reason).toMatch(/^answer weights 50 %, -100 %, 50 %, -100 % cannot be kept/);
    expect(notes).toContain('questions.gift.txt:49: question "2-08 TSL" has the same name as an earlier one; its id is q-2-08-tsl-2');
    // Q2 has an [html] feedback: the whole item is HTML, its plain texts escaped into it.
    expect(quiz.items[0]).toMatchObject({ format: 'html', options: [{ text: 'yellow', correct: true }, { feedback: "wrong, it's yellow" }, { text: 'blue' }] });
    // What `sopkit check` says about the quiz itself: no error; the texts GIFT has no place for (the title, the objectives) are still to write.
    expect(importedQuizProblems(quizToYaml(quiz), 'moodle-questions.yaml').map((d) => [d.severity, d.code, d.message.replace(/ \(the first.*/, '')])).toEqual([['warning', 'quiz/unwritten', '2 texts are not written yet']]);
  });

  it('questions_in_category.gift.txt: HTML questions keep their format into GIFT and Moodle XML', () => {
    const { quiz, skipped } = giftToQuiz(moodle('questions_in_category.gift.txt'), { id: 'moodle-category', file: 'questions_in_category.gift.txt' });
    expect(quiz.items.map((i) => [i.id, i.type, i.format])).toEqual([['greeting', 'single', 'html'], ['moodle-acronym', 'truefalse', 'html']]);
    expect(quiz.items[0]?.stem).toBe('<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3">Listen to this greeting:</a><br /><br />What language is being spoken?');
    expect(skipped.map((s) => [s.line, s.name, s.type])).toEqual([[5, 'Moodle activities', 'matching'], [22, 'Moodle user', 'short answer']]);
    const xml = quizToMoodleXml(quiz);
    expect(xml).toMatch(/<name><text>greeting<\/text><\/name>\s*<questiontext format="html"><text>&lt;a href=/);
    expect(xml).toContain('<answer fraction="100" format="html"><text>French</text><feedback format="html"><text>Yes, well done!</text></feedback></answer>');
    expect(xml).toContain('<answer fraction="100" format="plain_text"><text>true</text>');
    const gift = quizToGift(quiz);
    expect(gift).toContain('::greeting::[html]<a href\\=');
    expect(giftToQuiz(gift, { id: 'moodle-category', file: 'back.gift' }).quiz).toEqual(quiz);
  });

  it('reads Moodle\'s ordering question as an order item, its steps in the right order', () => {
    const gift = [
      '// [id:steps] [tag:objective:register]',
      '::Steps::[html]Put the <b>steps</b> in order.{>4 ALL VERTICAL ALL_OR_NOTHING SHOW none',
      'Receive the declaration',
      'Check the evidence & the informant',
      'Register the birth',
      'Issue the certificate',
      '####Declaration first, certificate last.}',
      '',
      '::Pairs::Order these.{>3 ALL HORIZONTAL RELATIVE_ALL_PREVIOUS_AND_NEXT HIDE 123',
      'All documents received',
      'Hearing held',
      'Decision written',
      '}',
    ].join('\n');
    const { quiz, skipped } = giftToQuiz(gift, { id: 'o', file: 'o.gift' });
    expect(skipped).toEqual([]);
    expect(quiz.items[0]).toMatchObject({
      id: 'steps',
      type: 'order',
      objective: 'register',
      format: 'html',
      stem: 'Put the <b>steps</b> in order.',
      explanation: 'Declaration first, certificate last.',
      options: [{ text: 'Receive the declaration' }, { text: 'Check the evidence &amp; the informant' }, { text: 'Register the birth' }, { text: 'Issue the certificate' }],
    });
    expect(quiz.items[0]!.scoring).toBeUndefined();
    // Pairs of steps in the right order is `scoring: partial`; an item starting "All" is an item.
    expect(quiz.items[1]).toMatchObject({ id: 'pairs', type: 'order', scoring: 'partial', options: [{ text: 'All documents received' }, { text: 'Hearing held' }, { text: 'Decision written' }] });
  });

  it('skips an ordering question SOPKit would mark otherwise than Moodle, saying what to set', () => {
    const gift = ['::Next::Order.{>3 ALL VERTICAL RELATIVE_NEXT_EXCLUDE_LAST SHOW', 'A', 'B', 'C', '}', '', '::Some::Order.{>2 RANDOM', 'A', 'B', 'C', '}', '', '::Ok::Order.{>2 ALL ALL_OR_NOTHING', 'A', 'B', '}'].join('\n');
    const { quiz, skipped } = giftToQuiz(gift, { id: 'o', file: 'o.gift' });
    expect(quiz.items.map((i) => i.id)).toEqual(['ok']);
    expect(skipped.map((s) => [s.line, s.type, s.reason.split(';')[0]])).toEqual([
      [1, 'ordering', 'Moodle marks it RELATIVE_NEXT_EXCLUDE_LAST, which `sopkit score` cannot: it marks an order item by the exact order (Moodle\'s ALL_OR_NOTHING) or, with scoring: partial, by the share of pairs of steps in the right order (RELATIVE_ALL_PREVIOUS_AND_NEXT)'],
      [7, 'ordering', 'Moodle shows 2 of its 3 items (RANDOM)'],
    ]);
  });

  it('notes only the questions it imports, and says what a matching question\'s extra answer is in GIFT\'s words', () => {
    // Skipped questions were given "todo: ... ref set to ..." notes, and reserved their id (a
    // later question of the same name became "-2"); Moodle's distractor "= -> 3" was refused as
    // "options[2].text: found \"\"".
    const gift = ['::ok::The registrar signs every entry. {T}', '', '::ord::Order with a distractor. {', '  =Receive -> 1', '  =Check -> 2', '  = -> 3', '}', '', '::ord::Put in order. {', '  =Receive -> 1', '  =Check -> 2', '}'].join('\n');
    const { quiz, skipped, notes } = giftToQuiz(gift, { id: 'n', file: 'n.gift' });
    expect(quiz.items.map((i) => i.id)).toEqual(['ok', 'ord']);
    expect(skipped.map((s) => [s.line, s.type, s.reason])).toEqual([
      [3, 'matching', 'its line "= -> 3" is an extra answer with no question (Moodle\'s distractor); an SOPKit order item puts every option in a place, so delete that line, or write the step that goes there'],
    ]);
    expect(notes.filter((n) => n.includes('ref set to'))).toEqual(['ok: ref set to sop-id#1; point it at the SOP section that teaches the answer', 'ord: ref set to sop-id#1; point it at the SOP section that teaches the answer']);
    expect(notes.join('\n')).not.toContain('same name');
  });

  it('a [markdown] question stays Markdown, and plain answers are escaped into it', () => {
    const { quiz } = giftToQuiz('::md::[markdown]Who signs **every** entry? {\n=The registrar\n~The *clerk*\n}', { id: 'md', file: 'md.gift' });
    expect(quiz.items[0]).toMatchObject({ format: 'markdown', stem: 'Who signs **every** entry?' });
    expect(quizToMoodleXml(quiz)).toContain('<questiontext format="markdown">');
  });
});

/** Every non-empty set of option ids (multiple answers) or every order of them (order items). */
function answersOf(item: QuizItem): string[][] {
  const ids = item.options.map((o) => o.id);
  if (item.type === 'order') {
    const perms = (rest: string[]): string[][] => (rest.length <= 1 ? [rest] : rest.flatMap((id, i) => perms([...rest.slice(0, i), ...rest.slice(i + 1)]).map((p) => [id, ...p])));
    return perms(ids);
  }
  return Array.from({ length: 2 ** ids.length - 1 }, (_, m) => ids.filter((__, i) => ((m + 1) >> i) & 1));
}

/**
 * The mark core Moodle gives an answer to the exported question, as its grade_response does:
 * multichoice with several answers adds the weights ticked and keeps the sum between 0 and 1
 * (qtype_multichoice_multi_question); matching gives right stems / stems (qtype_match_question),
 * a step being right when it is given its position.
 */
function moodleFraction(q: GIFTQuestion, item: QuizItem, answer: string[]): number {
  if (q.type === 'Matching') {
    return q.matchPairs.filter((p, i) => answer.indexOf(item.options[i]!.id) + 1 === Number(p.subanswer)).length / q.matchPairs.length;
  }
  if (q.type !== 'MC') throw new Error(`${item.id}: not a multiple-answer or matching question`);
  const sum = answer.reduce((s, id) => s + (q.choices[item.options.findIndex((o) => o.id === id)]?.weight ?? 0), 0);
  return Math.min(1, Math.max(0, sum / 100));
}

/**
 * The mark Moodle's ordering question gives a response, as qtype_ordering_question::grade_response
 * computes it: ALL_OR_NOTHING counts the steps at their right position and gives 0 unless all
 * are; RELATIVE_ALL_PREVIOUS_AND_NEXT counts, for each step, the steps rightly before and after it.
 */
function moodleOrderingFraction(grading: string, correct: string[], response: string[]): number {
  if (grading === 'ALL_OR_NOTHING') return correct.every((id, i) => response[i] === id) ? 1 : 0;
  if (grading !== 'RELATIVE_ALL_PREVIOUS_AND_NEXT') throw new Error(`grading ${grading} not simulated`);
  const around = (order: string[]) => new Map(order.map((id, i) => [id, { prev: order.slice(0, i), next: order.slice(i + 1) }]));
  const [current, right] = [around(response), around(correct)];
  let count = 0;
  let total = 0;
  for (const [id, { prev, next }] of right) {
    const here = current.get(id);
    if (here) count += here.prev.filter((x) => prev.includes(x)).length + here.next.filter((x) => next.includes(x)).length;
    total += prev.length + next.length;
  }
  return total ? count / total : 0;
}

const xmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('Moodle marks and `sopkit score`', () => {
  // The Moodle XML's ordering questions, marked as Moodle marks them, against `sopkit score`.
  it.each([sample, ...banks].map((q) => [q.id, q] as const))('%s: the Moodle XML ordering questions are marked as `sopkit score` marks every order', (_, quiz) => {
    const xml = quizToMoodleXml(quiz);
    const blocks = [...xml.matchAll(/<question type="ordering">([\s\S]*?)<\/question>/g)].map((m) => m[1]!);
    expect(blocks).toHaveLength(quiz.items.filter((i) => i.type === 'order').length);
    for (const block of blocks) {
      const id = /<name><text>([^<]*)<\/text>/.exec(block)![1]!;
      const item = quiz.items.find((i) => i.id === id)!;
      const grading = /<gradingtype>([^<]*)</.exec(block)![1]!;
      const steps = [...block.matchAll(/<answer fraction="\d+" format="[^"]+"><text>([^<]*)<\/text><\/answer>/g)].map((m) => xmlText(m[1]!));
      const correct = steps.map((text) => item.options.find((o) => o.text === text)!.id);
      expect(correct).toEqual(item.options.map((o) => o.id));
      const differs = answersOf(item).filter((a) => Math.abs(moodleOrderingFraction(grading, correct, a) - itemFraction(item, a)) > 1e-9);
      expect(differs, `${id}: answers Moodle marks otherwise`).toEqual([]);
    }
    expect(moodleMarkingDifferences(quiz, undefined, 'ordering').filter((d) => d.kind === 'order')).toEqual([]);
  });

  it('names the items Moodle marks differently: multiple answers all or nothing, order items; not scoring: partial multiple answers', () => {
    expect(moodleMarkingDifferences(sample).map((d) => [d.id, d.kind])).toEqual([['s-03', 'all-or-nothing'], ['s-05', 'order'], ['s-10', 'order']]);
    // A form export names only its own items.
    expect(moodleMarkingDifferences(sample, 'post').map((d) => d.id)).toEqual(['s-10']);
    expect(moodleMarkingDifferences(sample, 'pre').map((d) => d.id)).toEqual(['s-03', 's-05']);
  });

  it('warns when Moodle\'s Responses report will not tell steps of an ordering question apart (each cut to 7 characters)', () => {
    expect(moodleCutWarning(sample, 'q.yaml', undefined, 'ordering')).toBeUndefined();
    const s05 = sample.items.find((i) => i.id === 's-05')!;
    const alike = { ...s05, options: s05.options.map((o, i) => (i === 1 ? { ...o, text: 'Receive the fee' } : o)) };
    const quiz = { ...sample, items: sample.items.map((i) => (i.id === 's-05' ? alike : i)) };
    expect(moodleCutWarning(quiz, 'q.yaml', 'pre', 'ordering')).toMatch(/^warning: q\.yaml \(pre-test\): Moodle's Responses report writes each step of an ordering question cut to its first 7 characters, and steps of this item begin alike: s-05 \("Receive\.\.\."\);/);
    // Not in the post-test, and not when order items go as matching questions (written in full).
    expect(moodleCutWarning(quiz, 'q.yaml', 'post', 'ordering')).toBeUndefined();
    expect(moodleCutWarning(quiz, 'q.yaml', 'pre', 'matching')).toBeUndefined();
  });

  it('names a scoring: partial item whose weights Moodle can only round', () => {
    const options = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((id, i) => ({ id, text: `Option ${id}`, correct: i === 0 }));
    const item = { ...sample.items.find((i) => i.id === 's-08')!, options };
    const quiz = { ...sample, items: [item], forms: { pre: [item.id], post: [item.id] } };
    expect(moodleMarkingDifferences(quiz)).toEqual([{ id: 's-08', kind: 'rounded', detail: expect.stringContaining('no answer weight of -9.09 % and the file holds the nearest, -10 %') }]);
  });

  // What the warning claims, checked against Moodle's own marking of the exported questions.
  it.each([sample, ...banks].map((q) => [q.id, q] as const))('%s: an item not named is marked alike by Moodle for every answer; a named one is not', (_, quiz) => {
    const named = new Set(moodleMarkingDifferences(quiz).map((d) => d.id));
    const questions = parse(quizToGift(quiz));
    for (const item of quiz.items.filter((i) => i.type === 'multiple' || i.type === 'order')) {
      const q = questions.find((x) => 'id' in x && x.id === item.id)!;
      const differs = answersOf(item).filter((a) => Math.abs(moodleFraction(q, item, a) - itemFraction(item, a)) > 1e-6);
      expect(differs.length > 0, `${item.id}: ${differs.length} answers marked differently, ${named.has(item.id) ? '' : 'not '}named`).toBe(named.has(item.id));
    }
  });
});

describe('Moodle XML', () => {
  const xml = quizToMoodleXml(sample);
  it('is well-formed XML with one question per item', () => {
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
    if (lint.error) expect(xml.startsWith('<?xml')).toBe(true);
    else expect(lint.status, lint.stderr).toBe(0);
    expect(xml.match(/<question type="(?!category)/g)).toHaveLength(sample.items.length);
  });
  it('maps each type to the Moodle question type and grades', () => {
    // Order items as Moodle's ordering question, every step shown, graded as `sopkit score` does.
    expect(xml).toMatch(/<question type="ordering">\s*<name><text>s-05<\/text><\/name>[\s\S]*?<defaultgrade>2<\/defaultgrade>[\s\S]*?<selecttype>ALL<\/selecttype>\s*<selectcount>4<\/selectcount>\s*<gradingtype>ALL_OR_NOTHING<\/gradingtype>/);
    expect(xml).toMatch(/<name><text>s-10<\/text><\/name>[\s\S]*?<gradingtype>RELATIVE_ALL_PREVIOUS_AND_NEXT<\/gradingtype>/);
    // For Moodle before 4.4, as matching questions.
    const older = quizToMoodleXml(sample, undefined, { orderAs: 'matching' });
    expect(older).toMatch(/<question type="matching">\s*<name><text>s-05<\/text><\/name>[\s\S]*?<subquestion format="plain_text"><text>[^<]+<\/text><answer><text>1<\/text>/);
    expect(older).not.toContain('type="ordering"');
    expect(xml).toMatch(/<question type="truefalse">\s*<name><text>s-04<\/text><\/name>[\s\S]*?<answer fraction="100" format="plain_text"><text>true<\/text>/);
    expect(xml).toMatch(/<name><text>s-08<\/text><\/name>[\s\S]*?<single>false<\/single>[\s\S]*?<answer fraction="-100"/);
    expect(xml).toContain('<tag><text>ref:sample-registration#3.4</text></tag>');
  });
  it('escapes text', () => {
    const tricky = { ...sample, title: 'A & B -- <test>', items: [{ ...sample.items[0]!, stem: 'Is <b> & "c" ok?' }], forms: { pre: ['s-01'], post: ['s-01'] } };
    const out = quizToMoodleXml(tricky);
    expect(out).toContain('Is &lt;b&gt; &amp; &quot;c&quot; ok?');
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: out, encoding: 'utf8' });
    if (!lint.error) expect(lint.status, lint.stderr).toBe(0);
  });
});

describe('blank responses template', () => {
  it('has the responses header of the form and no rows', () => {
    const table = readCsv(responsesCsv(sample, 'pre'), 'template.csv');
    expect(table.header).toEqual(['participant', 'name', 'form', ...sample.forms.pre]);
    expect(table.rows).toEqual([]);
  });
});

describe('sopkit quiz', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sopkit-quiz-'));
  const cli = (...args: string[]) => runSopkit(args);
  it('exports GIFT, Moodle XML and a template, and imports GIFT into a quiz that passes the schema', async () => {
    const root = join(fixtures, 'project');
    for (const [format, file] of [['gift', 'q.gift'], ['moodle-xml', 'q.xml']] as const) {
      const r = await cli('quiz', 'export', 'sample-registration', '--root', root, '--format', format, '--out', join(dir, file));
      expect(r.status, r.stderr).toBe(0);
    }
    const t = await cli('quiz', 'export', 'sample-registration', '--root', root, '--format', 'template', '--form', 'post');
    expect(t.stdout.split('\r\n')[0]).toBe(`participant,name,form,${sample.forms.post.join(',')}`);
    // Written to a file, for a spreadsheet: with the byte order mark Excel needs for UTF-8.
    expect((await cli('quiz', 'export', 'sample-registration', '--root', root, '--format', 'template', '--form', 'post', '--out', join(dir, 't.csv'))).status).toBe(0);
    expect(readFileSync(join(dir, 't.csv'), 'utf8')).toBe(`\uFEFF${t.stdout}`);
    const i = await cli('quiz', 'import', join(dir, 'q.gift'), '--out', join(dir, 'sample-registration.yaml'));
    expect(i.status, i.stderr).toBe(0);
    expect(quizSchema.parse(parseYaml(readFileSync(join(dir, 'sample-registration.yaml'), 'utf8')))).toEqual(sample);
  });
  it('warns once on stderr, naming the items Moodle marks differently from `sopkit score`; the export and exit code stay as they were', async () => {
    const root = join(fixtures, 'project');
    const gift = await cli('quiz', 'export', 'sample-registration', '--root', root);
    expect(gift.status, gift.stderr).toBe(0);
    // stdout is the file itself: GIFT that imports back unchanged, no warning in it.
    expect(gift.stdout).not.toMatch(/warning/);
    expect(giftToQuiz(gift.stdout, { id: sample.id, file: 'out.gift' }).quiz).toEqual(sample);
    expect(gift.stderr.match(/^warning:/gm)).toHaveLength(1);
    expect(gift.stderr).toMatch(/^warning: quizzes\/sample-registration\.yaml: Moodle will mark 3 of the 12 items exported differently from `sopkit score`/);
    expect(gift.stderr).toMatch(/^ {2}s-03: several right answers: Moodle gives 50 % for each right answer ticked and -50 % for each wrong one .*`sopkit score` gives the marks only for exactly the right set$/m);
    expect(gift.stderr).toMatch(/^ {2}s-05: order item, sent as a matching question: Moodle gives a share of the marks for each step at its right position/m);
    expect(gift.stderr).toMatch(/^ {2}s-10: /m);
    expect(gift.stderr).not.toMatch(/s-08/);
    expect(gift.stderr).toContain('set `scoring: partial` on s-03 in quizzes/sample-registration.yaml');
    expect(gift.stderr).toContain("score the answers with `sopkit score`");
    expect(gift.stderr).toContain('on Moodle 4.4 or later, import the Moodle XML export (`sopkit quiz export sample-registration --format moodle-xml`), which sends s-05, s-10 as Moodle\'s ordering question');
    // The Moodle XML sends the post-test's order item s-10 as an ordering question: marked alike, no warning.
    const xml = await cli('quiz', 'export', 'sample-registration', '--root', root, '--format', 'moodle-xml', '--form', 'post', '--out', join(dir, 'post.xml'));
    expect(xml.status, xml.stderr).toBe(0);
    expect(xml.stderr).toBe('wrote ' + join(dir, 'post.xml') + '\n');
    expect(readFileSync(join(dir, 'post.xml'), 'utf8')).toBe(quizToMoodleXml(sample, 'post'));
    // For Moodle before 4.4, --order-as matching: then s-10 is named.
    const older = await cli('quiz', 'export', 'sample-registration', '--root', root, '--format', 'moodle-xml', '--form', 'post', '--order-as', 'matching');
    expect(older.status, older.stderr).toBe(0);
    expect(older.stdout).toContain('<question type="matching">');
    expect(older.stderr).toMatch(/^warning: quizzes\/sample-registration\.yaml \(post-test\): Moodle will mark 1 of the 6 items exported differently/m);
    expect(older.stderr).toMatch(/^ {2}s-10: order item, sent as a matching question/m);
    // GIFT has one way to send an order item.
    const wrong = await cli('quiz', 'export', 'sample-registration', '--root', root, '--order-as', 'ordering');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe('sopkit quiz: --order-as is for --format moodle-xml: GIFT always sends order items as matching questions (its ordering syntax cannot carry every step text); export Moodle XML for the ordering question\n');
    // A template is not for Moodle: no warning.
    expect((await cli('quiz', 'export', 'sample-registration', '--root', root, '--format', 'template', '--form', 'pre')).stderr).toBe('');
  });
  it('says what is wrong in one line', async () => {
    const r = await cli('quiz', 'export', 'sample-registration', '--root', join(fixtures, 'project'), '--format', 'template');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('sopkit quiz: a responses template is for one form: add --form pre or --form post');
  });
});


describe('ids of imported GIFT questions', () => {
  it('drop accents, not letters: "Q1 Délai légal" is q1-delai-legal (it was q1-d-lai-l-gal)', () => {
    expect(giftSlug('Q1 Délai légal')).toBe('q1-delai-legal');
    expect(giftSlug('Pièces à fournir')).toBe('pieces-a-fournir');
    expect(giftSlug('2 Âge du déclarant')).toBe('q-2-age-du-declarant');
  });
});
