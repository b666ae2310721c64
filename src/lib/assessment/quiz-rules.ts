import type { Quiz, QuizItem } from '../../schemas/quiz.ts';
import type { FormId } from './types.ts';

/** A rule broken by a quiz, at a data path (turned into a line by the caller). */
export interface QuizIssue {
  severity: 'error' | 'warning';
  code: string;
  path: (string | number)[];
  message: string;
}

export const formIds: readonly FormId[] = ['pre', 'post'];

const error = (code: string, path: QuizIssue['path'], message: string): QuizIssue => ({ severity: 'error', code, path, message });

function duplicates(ids: readonly string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  ids.forEach((id, i) => seen.set(id, [...(seen.get(id) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

/** How many options must be correct for each type, and what to say when they are not. */
function correctCountRule(item: QuizItem, i: number): QuizIssue[] {
  const path = ['items', i, 'options'];
  const correct = item.options.filter((o) => o.correct).length;
  const label = `item ${item.id} (${item.type})`;
  switch (item.type) {
    case 'single':
    case 'scenario':
      return correct === 1 ? [] : [error('quiz/correct-count', path, `${label} has ${correct} correct options; mark exactly one with correct: true`)];
    case 'multiple':
      if (correct === 0) return [error('quiz/correct-count', path, `${label} has no correct option; mark at least one with correct: true`)];
      if (correct === item.options.length) return [error('quiz/correct-count', path, `${label}: every option is correct, so ticking all scores full marks; add a wrong option or make it a single item`)];
      return [];
    case 'truefalse': {
      const ids = item.options.map((o) => o.id).sort().join(',');
      if (ids !== 'false,true') return [error('quiz/truefalse-options', path, `${label} must have exactly two options with ids true and false (found ${ids})`)];
      return correct === 1 ? [] : [error('quiz/correct-count', path, `${label} has ${correct} correct options; mark exactly one of true/false with correct: true`)];
    }
    case 'order':
      return correct === 0 ? [] : [error('quiz/order-correct', path, `${label}: order items take their answer from the order of the options; remove correct: true`)];
  }
}

/** Option ids compared as a reader of a booklet would: `b` before `c`, `2` before `10`. */
const idOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * An order item whose option ids, in the correct order, are already in alphabetical order
 * (`a, b, c, d`): booklets and test pages show the ids as letters, so the key shows through.
 */
function orderIdsRule(item: QuizItem, i: number): QuizIssue[] {
  if (item.type !== 'order' || item.options.length < 2) return [];
  const ids = item.options.map((o) => o.id);
  if (!ids.every((id, k) => k === 0 || idOrder.compare(ids[k - 1] ?? '', id) < 0)) return [];
  return [
    {
      severity: 'warning',
      code: 'quiz/order-ids-reveal',
      path: ['items', i, 'options'],
      message: `item ${item.id}: the option ids in the correct order read ${ids.join(', ')}, and booklets and test pages show the ids, so the answer shows through; give the options ids out of alphabetical order (keep the options in the correct order)`,
    },
  ];
}

/**
 * What a stem may end with to say that several answers may be right, in the pack's languages:
 * "Choose all that apply.", "Cochez toutes les réponses exactes.", "اختر كل ما ينطبق." and their
 * variants. Each is matched against the stem's last sentence, after a question before it.
 */
const STEM_INSTRUCTIONS: readonly RegExp[] = [
  /^\(?\s*(?:please\s+)?(?:choose|select|tick|check|mark|circle|pick)\s+(?:all|every|each)\b.{0,60}?\b(?:apply|applies|correct|true|right)\b.{0,20}$/iu,
  /^\(?\s*(?:there\s+(?:may|might|can|could)\s+be\s+|there\s+(?:is|are)\s+)?(?:more\s+than\s+one|one\s+or\s+more|several)\s+(?:correct\s+|right\s+|possible\s+)?answers?\b.{0,40}$/iu,
  /^\(?\s*(?:cochez|choisissez|sélectionnez|selectionnez|indiquez|entourez|marquez)\s+(?:toutes|tous|chaque)\b.{0,60}$/iu,
  /^\(?\s*(?:il\s+(?:peut\s+)?y\s+a\s+)?(?:plusieurs|une\s+ou\s+plusieurs)\s+(?:bonnes\s+|réponses\s+)?(?:réponses?|possibles?)\b.{0,40}$/iu,
  /^[(（]?\s*(?:اختر|اختاري|اختاروا|اِختر|حدد|حدّد|حدِّد|ضع\s+علامة\s+على|ضعي\s+علامة\s+على)\s+(?:كل|كلّ|كلَّ|جميع)\s.{0,60}$/u,
  /^[(（]?\s*(?:قد\s+(?:تكون|توجد|يكون)\s+|يمكن\s+اختيار\s+)?أكثر\s+من\s+إجابة.{0,40}$/u,
];

/**
 * The instruction a stem ends with that says several answers may be right ("Choose all that
 * apply."), or undefined. Only a last sentence after another one counts: a stem that is only
 * "Select every document that counts as independent evidence." asks the question itself.
 */
export function stemInstruction(stem: string): string | undefined {
  const text = stem.trim();
  let cut = -1;
  for (const m of text.matchAll(/[.?!؟…:]["”»’)]?\s+|\s+(?=[(（])/gu)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end < text.length) cut = end;
  }
  if (cut <= 0) return undefined;
  const last = text.slice(cut);
  return STEM_INSTRUCTIONS.some((re) => re.test(last)) ? last : undefined;
}

/**
 * A multiple-answer item whose stem ends with "Choose all that apply." (or its French and Arabic
 * words): the test page, the booklet and Moodle print their own instruction under every
 * multiple-answer question, so participants read it twice. A warning at the stem.
 * @param type The item's type as scored (a translation's item is the source's).
 */
export function stemInstructionRule(item: Pick<QuizItem, 'id' | 'stem'>, type: QuizItem['type'], i: number): QuizIssue[] {
  if (type !== 'multiple') return [];
  const said = stemInstruction(item.stem);
  if (!said) return [];
  return [
    {
      severity: 'warning',
      code: 'quiz/stem-instruction',
      path: ['items', i, 'stem'],
      message: `item ${item.id}: the stem ends with "${said}", but the test page, the booklet and Moodle ("Select one or more:") already print an instruction under every multiple-answer question, so participants read it twice; remove "${said}" from the stem`,
    },
  ];
}

function itemRules(item: QuizItem, i: number, objectives: Set<string>): QuizIssue[] {
  const out: QuizIssue[] = [correctCountRule(item, i), orderIdsRule(item, i), stemInstructionRule(item, item.type, i)].flat();
  for (const [id, at] of duplicates(item.options.map((o) => o.id))) {
    out.push(error('quiz/duplicate-option', ['items', i, 'options', at[1] ?? 0, 'id'], `item ${item.id}: option id "${id}" appears ${at.length} times; option ids must be unique in an item`));
  }
  if (!objectives.has(item.objective)) {
    out.push(error('quiz/unknown-objective', ['items', i, 'objective'], `item ${item.id}: objective "${item.objective}" is not among the quiz objectives (${[...objectives].join(', ')})`));
  }
  if (item.scoring === 'partial' && item.type !== 'multiple' && item.type !== 'order') {
    out.push(error('quiz/scoring', ['items', i, 'scoring'], `item ${item.id}: partial scoring applies to multiple and order items only; remove scoring`));
  }
  if (item.type === 'scenario') {
    if (!item.scenario) out.push(error('quiz/scenario-missing', ['items', i], `item ${item.id}: a scenario item needs scenario: "<workflow>/<scenario>" and step: N`));
    if (item.step === undefined) out.push(error('quiz/scenario-missing', ['items', i], `item ${item.id}: a scenario item needs step: N (the 1-based scenario step whose event is the answer)`));
    item.options.forEach((o, j) => {
      if (!o.event) out.push(error('quiz/scenario-event', ['items', i, 'options', j], `item ${item.id}, option ${o.id}: scenario options need event: "<workflow event>"`));
    });
  } else {
    if (item.scenario !== undefined || item.step !== undefined) {
      out.push(error('quiz/not-scenario', ['items', i, item.scenario !== undefined ? 'scenario' : 'step'], `item ${item.id}: scenario and step belong to scenario items; set type: scenario or remove them`));
    }
    item.options.forEach((o, j) => {
      if (o.event !== undefined) out.push({ severity: 'warning', code: 'quiz/not-scenario', path: ['items', i, 'options', j, 'event'], message: `item ${item.id}, option ${o.id}: event is only used by scenario items` });
    });
  }
  return out;
}

function formRules(quiz: Quiz): QuizIssue[] {
  const out: QuizIssue[] = [];
  const items = new Map(quiz.items.map((item) => [item.id, item]));
  for (const form of formIds) {
    const list = quiz.forms[form];
    for (const [id, at] of duplicates(list)) {
      out.push(error('quiz/form-duplicate', ['forms', form, at[1] ?? 0], `forms.${form}: item ${id} is listed ${at.length} times`));
    }
    list.forEach((id, j) => {
      if (!items.has(id)) out.push(error('quiz/form-unknown-item', ['forms', form, j], `forms.${form}: no item "${id}" in the bank; fix the id or add the item`));
    });
    const tested = new Set(list.map((id) => items.get(id)?.objective));
    quiz.objectives.forEach((objective, k) => {
      if (!tested.has(objective.id)) {
        out.push(error('quiz/objective-untested', ['objectives', k, 'id'], `objective ${objective.id} is not tested in the ${form} form; add one of its items to forms.${form}`));
      }
    });
  }
  return out;
}

/**
 * A practice question's key is public on the practice page, in the participant edition too: on a
 * pre- or post-test it would hand every participant the answer before the test. One error at its
 * place in each form that lists it.
 */
function practiceRules(quiz: Quiz): QuizIssue[] {
  const practice = new Set(quiz.items.filter((item) => item.practice).map((item) => item.id));
  return formIds.flatMap((form) =>
    quiz.forms[form].flatMap((id, j) =>
      practice.has(id)
        ? [error('quiz/practice-in-form', ['forms', form, j], `forms.${form}: item ${id} is a practice question (practice: true), whose answer anyone can read on the practice page; take it out of forms.${form}, or remove its practice line`)]
        : [],
    ),
  );
}

/** Fewest one-answer items in a form before the position of their answers is judged. */
const POSITION_MIN_ITEMS = 5;

/**
 * A form whose one-answer items (single choice and "what happens next?") mostly have their
 * correct answer at the same place: booklets and test pages show the options in the order they
 * are written, so a participant who always ticks that letter scores without knowing the material,
 * and the pre/post gain measures nothing. Warned when more than half of at least
 * `POSITION_MIN_ITEMS` items share the position (with four options, chance is a quarter).
 */
function answerPositionRule(quiz: Quiz): QuizIssue[] {
  const items = new Map(quiz.items.map((item) => [item.id, item]));
  const out: QuizIssue[] = [];
  for (const form of formIds) {
    const positions = quiz.forms[form].flatMap((id) => {
      const item = items.get(id);
      if (!item || (item.type !== 'single' && item.type !== 'scenario') || item.options.length < 3) return [];
      const at = item.options.findIndex((o) => o.correct);
      return at < 0 ? [] : [{ at, item }];
    });
    if (positions.length < POSITION_MIN_ITEMS) continue;
    const counts = new Map<number, number>();
    for (const p of positions) counts.set(p.at, (counts.get(p.at) ?? 0) + 1);
    const [at, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
    if (count * 2 <= positions.length) continue;
    const letter = positions.find((p) => p.at === at)!.item.options[at]!.id.toUpperCase();
    out.push({
      severity: 'warning',
      code: 'quiz/answer-position',
      path: ['forms', form],
      message: `forms.${form}: the correct answer is option ${at + 1} (${letter}) in ${count} of ${positions.length} one-answer items, and booklets and test pages show the options in the order they are written, so a participant who always picks it scores without knowing the material; move the right answer to different places (and give the options ids in their new order)`,
    });
  }
  return out;
}

/** Text not written yet: a placeholder in brackets and nothing else (`sopkit new`'s "[A question with one right answer]"), or a `TODO` (`sopkit quiz import`'s "TODO: title of ..."). A law's name in brackets inside a sentence is the country's to fill in, not this. */
const UNWRITTEN = /^\s*(?:\[[^\]]*\][.?!]?|TODO\b.*)\s*$/is;

/**
 * Texts of a quiz not written yet: they printed in the booklets and showed on the test pages
 * ("Pre-test: TODO: title of ..."), with a clean check. One warning per quiz, with the count and
 * where the first is.
 */
function unwrittenRule(quiz: Quiz): QuizIssue[] {
  const found: { path: QuizIssue['path']; text: string }[] = [];
  const see = (text: string | undefined, path: QuizIssue['path']) => {
    if (text !== undefined && UNWRITTEN.test(text)) found.push({ path, text: text.trim() });
  };
  see(quiz.title, ['title']);
  quiz.objectives.forEach((o, i) => see(o.text, ['objectives', i, 'text']));
  quiz.items.forEach((item, i) => {
    see(item.stem, ['items', i, 'stem']);
    item.options.forEach((o, k) => {
      see(o.text, ['items', i, 'options', k, 'text']);
      see(o.feedback, ['items', i, 'options', k, 'feedback']);
    });
    see(item.explanation, ['items', i, 'explanation']);
  });
  if (!found.length) return [];
  const first = found[0]!;
  const where = first.path.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('').slice(1);
  const short = first.text.length > 60 ? `${first.text.slice(0, 57)}...` : first.text;
  return [
    {
      severity: 'warning',
      code: 'quiz/unwritten',
      path: first.path,
      message: `${found.length === 1 ? 'a text is' : `${found.length} texts are`} not written yet (the first, ${where}: "${short}"): the test pages and the printed booklets would show ${found.length === 1 ? 'it' : 'them'} to participants as written; write the question, its options and the title, or take the items out of the forms`,
    },
  ];
}

/**
 * Every quiz rule that needs only the quiz itself: unique ids, the right number of
 * correct options for each type, forms that name existing items and test every objective.
 * References to SOP sections and workflow scenarios are checked by `check.ts`, which can load them.
 */
export function quizRules(quiz: Quiz): QuizIssue[] {
  const out: QuizIssue[] = [];
  for (const [id, at] of duplicates(quiz.items.map((item) => item.id))) {
    out.push(error('quiz/duplicate-item', ['items', at[1] ?? 0, 'id'], `item id "${id}" appears ${at.length} times; item ids must be unique`));
  }
  for (const [id, at] of duplicates(quiz.objectives.map((o) => o.id))) {
    out.push(error('quiz/duplicate-objective', ['objectives', at[1] ?? 0, 'id'], `objective id "${id}" appears ${at.length} times`));
  }
  const objectives = new Set(quiz.objectives.map((o) => o.id));
  quiz.items.forEach((item, i) => out.push(...itemRules(item, i, objectives)));
  out.push(...formRules(quiz));
  out.push(...practiceRules(quiz));
  out.push(...answerPositionRule(quiz));
  out.push(...unwrittenRule(quiz));
  if (quiz.feedback === 'immediate') {
    out.push({
      severity: 'warning',
      code: 'quiz/key-public',
      path: ['feedback'],
      message: `feedback: immediate puts the answer key of the post-test (${quiz.forms.post.length} items) in the participant edition, where anyone can read it in the page source; keep it for practice quizzes, and use feedback: true for a graded test`,
    });
  }
  return out;
}

/** The items of a form, in the form's order (unknown ids skipped: the rules report them). */
export function formItems(quiz: Quiz, form: FormId): QuizItem[] {
  const byId = new Map(quiz.items.map((item) => [item.id, item]));
  return quiz.forms[form].flatMap((id) => byId.get(id) ?? []);
}

/** Maximum marks of a form. */
export function maxScore(quiz: Quiz, form: FormId): number {
  return formItems(quiz, form).reduce((sum, item) => sum + item.marks, 0);
}
