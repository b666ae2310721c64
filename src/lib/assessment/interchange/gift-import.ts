import { parse, type GIFTQuestion } from 'gift-pegjs';
import { quizSchema, type Quiz, type QuizItem, type QuizOption } from '../../../schemas/quiz.ts';
import { SopkitError } from '../../errors.ts';

/** What to fill in where a GIFT file (from Moodle or elsewhere) says nothing. */
export interface GiftImportOptions {
  /** Quiz id (the file name without `.yaml`). */
  id: string;
  /** SOP the quiz is about; used for placeholder refs. */
  sop?: string;
  /** File name for messages. */
  file: string;
}

/** The result: a quiz, and the notes on what the author must still fill in. */
export interface GiftImport {
  quiz: Quiz;
  notes: string[];
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^(?=\d)/, 'q-');

function tagMap(tags: readonly string[] | null | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const tag of tags ?? []) {
    const at = tag.indexOf(':');
    if (at > 0) map.set(tag.slice(0, at), [...(map.get(tag.slice(0, at)) ?? []), tag.slice(at + 1)]);
  }
  return map;
}

type Question = Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>;

function options(q: Question, file: string, name: string): { type: QuizItem['type']; options: QuizOption[]; scoring?: QuizItem['scoring'] } {
  const opt = (id: string, text: string, correct: boolean, feedback?: string | null): QuizOption => ({ id, text, correct, ...(feedback ? { feedback } : {}) });
  if (q.type === 'TF') {
    // gift-pegjs names GIFT's two feedbacks trueFeedback and falseFeedback; Moodle reads the first
    // as the feedback for a wrong answer and the second for a right one.
    const [wrong, right] = [q.trueFeedback?.text, q.falseFeedback?.text];
    return { type: 'truefalse', options: [opt('true', 'True', q.isTrue, q.isTrue ? right : wrong), opt('false', 'False', !q.isTrue, q.isTrue ? wrong : right)] };
  }
  if (q.type === 'MC') {
    const weighted = q.choices.some((c) => c.weight !== null);
    const list = q.choices.map((c, i) => opt(letters[i] ?? `o${i}`, c.text.text, weighted ? (c.weight ?? 0) > 0 : c.isCorrect, c.feedback?.text));
    const many = list.filter((o) => o.correct).length > 1 || weighted;
    return many ? { type: 'multiple', options: list, scoring: 'partial' } : { type: 'single', options: list };
  }
  if (q.type === 'Matching' && q.matchPairs.every((p) => /^\d+$/.test(p.subanswer.trim()))) {
    const sorted = [...q.matchPairs].sort((a, b) => Number(a.subanswer) - Number(b.subanswer));
    return { type: 'order', options: sorted.map((p, i) => opt(letters[i] ?? `o${i}`, p.subquestion.text, false)) };
  }
  throw new SopkitError('gift/unsupported', `${file}: question "${name}" is a ${q.type} question; SOPKit quizzes take multiple choice, true/false and ordering (matching to 1, 2, 3...) questions`);
}

/**
 * Reads Moodle GIFT (with gift-pegjs) into a quiz. Files exported by SOPKit come back unchanged
 * (their tags and `// sopkit:` settings say what GIFT cannot); other files get placeholder
 * objectives and references, listed in `notes`, for `sopkit check` to point at.
 * @param text The GIFT text.
 * @param opts See {@link GiftImportOptions}.
 */
export function giftToQuiz(text: string, opts: GiftImportOptions): GiftImport {
  let questions: GIFTQuestion[];
  try {
    questions = parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const at = (cause as { location?: { start: { line: number; column: number } } }).location?.start;
    throw new SopkitError('gift/syntax', `${opts.file}${at ? `:${at.line}:${at.column}` : ''}: not valid GIFT (${(cause as Error).message.split('\n')[0]})`, { cause });
  }
  const settingsLine = /^\/\/ sopkit: (\{.*\})\s*$/m.exec(text)?.[1];
  const settings = settingsLine ? (JSON.parse(settingsLine) as Partial<Quiz>) : {};
  const notes: string[] = [];
  const items: QuizItem[] = [];
  const forms: Record<'pre' | 'post', string[]> = { pre: [], post: [] };
  for (const q of questions) {
    if (q.type === 'Category' || q.type === 'Description') continue;
    const name = q.id ?? q.title ?? q.stem.text.slice(0, 30);
    const tags = tagMap(q.tags);
    const first = (key: string) => tags.get(key)?.[0];
    const id = slug(q.id ?? q.title ?? `q-${items.length + 1}`) || `q-${items.length + 1}`;
    const shape = options(q, opts.file, name);
    const type = (first('type') as QuizItem['type'] | undefined) ?? shape.type;
    const ids = first('options')?.split(',');
    if (ids?.length === shape.options.length) shape.options.forEach((o, i) => (o.id = ids[i] ?? o.id));
    for (const pair of tags.get('event') ?? []) {
      const [optionId, event] = pair.split('=');
      const option = shape.options.find((o) => o.id === optionId);
      if (option && event) option.event = event;
    }
    const ref = first('ref') ?? `${opts.sop ?? settings.sop ?? 'sop-id'}#1`;
    if (!first('ref')) notes.push(`${id}: ref set to ${ref}; point it at the SOP section that teaches the answer`);
    // A SOPKit export says its type and scoring in tags; a plain Moodle file scores multiple
    // answers with partial credit.
    const scoring = (first('scoring') as QuizItem['scoring']) ?? (type === 'multiple' && !first('type') ? shape.scoring : undefined);
    items.push({
      id,
      type,
      objective: first('objective') ?? 'objective-1',
      ref,
      stem: q.stem.text,
      options: shape.options,
      ...(q.globalFeedback?.text ? { explanation: q.globalFeedback.text } : {}),
      marks: Number(first('marks') ?? 1),
      ...(scoring ? { scoring } : {}),
      ...(first('scenario') ? { scenario: first('scenario'), step: Number(first('step')) } : {}),
    });
    for (const form of tags.get('form') ?? []) if (form === 'pre' || form === 'post') forms[form].push(id);
  }
  if (items.length === 0) throw new SopkitError('gift/empty', `${opts.file}: no questions found`);
  const objectiveIds = [...new Set(items.map((i) => i.objective))];
  const objectives = settings.objectives ?? objectiveIds.map((oid) => ({ id: oid, text: `TODO: what a participant can do after objective ${oid}` }));
  if (!settings.objectives) notes.push(`objectives: write what each objective (${objectiveIds.join(', ')}) means`);
  const allIds = items.map((i) => i.id);
  const quiz = {
    id: opts.id,
    title: settings.title ?? `TODO: title of ${opts.id}`,
    ...(settings.sop ?? opts.sop ? { sop: settings.sop ?? opts.sop } : {}),
    ...(settings.module ? { module: settings.module } : {}),
    passMark: settings.passMark ?? 70,
    feedback: settings.feedback ?? false,
    ...(settings.timeLimit ? { timeLimit: settings.timeLimit } : {}),
    objectives,
    items,
    forms: settings.forms ?? { pre: forms.pre.length ? forms.pre : allIds, post: forms.post.length ? forms.post : allIds },
  };
  if (!settings.forms && !forms.pre.length) notes.push('forms: every item is in both forms; split the bank into parallel pre and post forms');
  const valid = quizSchema.safeParse(quiz);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    throw new SopkitError('gift/invalid', `${opts.file}: the imported quiz is not valid at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return { quiz: valid.data, notes };
}
