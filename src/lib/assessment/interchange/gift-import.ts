import { parse, type GIFTQuestion } from 'gift-pegjs';
import { itemSchema, quizSchema, type Quiz, type QuizItem } from '../../../schemas/quiz.ts';
import { describeIssue } from '../../zod-messages.ts';
import { SopkitError } from '../../errors.ts';
import { giftBlocks, guessGiftType, type GiftBlock } from './gift-blocks.ts';
import { orderingPart, orderingProblem } from './gift-ordering.ts';
import { NotImportable, orderingShape, shapeOf, SUPPORTED, type GiftQuestion } from './gift-shape.ts';

/** What to fill in where a GIFT file (from Moodle or elsewhere) says nothing. */
export interface GiftImportOptions {
  /** Quiz id (the file name without `.yaml`). */
  id: string;
  /** SOP the quiz is about; used for placeholder refs. */
  sop?: string;
  /** File name for messages. */
  file: string;
  /** Refuse the whole file at the first question that cannot be imported, instead of skipping it. */
  strict?: boolean;
}

/** A question left out, and why. */
export interface GiftSkip {
  /** File line of the question. */
  line: number;
  /** Column where the question starts on that line (1 when not known). */
  column?: number;
  /** Its `::name::`, or the start of its text. */
  name: string;
  /** Its type in Moodle's words: essay, short answer, numerical, matching... */
  type: string;
  reason: string;
}

/** The result: a quiz, what the author must still fill in, and the questions left out. */
export interface GiftImport {
  quiz: Quiz;
  notes: string[];
  skipped: GiftSkip[];
}

const TYPE_WORDS: Record<GIFTQuestion['type'], string> = {
  MC: 'multiple choice', TF: 'true/false', Short: 'short answer', Numerical: 'numerical', Essay: 'essay', Matching: 'matching', Description: 'description', Category: 'category',
};
/** An id from a question's name: its accents dropped, not its letters ("Q1 Délai légal" is q1-delai-legal, not q1-d-lai-l-gal). */
export const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(?=\d)/, 'q-');

function tagMap(tags: readonly string[] | null | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const tag of tags ?? []) {
    const at = tag.indexOf(':');
    if (at > 0) map.set(tag.slice(0, at), [...(map.get(tag.slice(0, at)) ?? []), tag.slice(at + 1)]);
  }
  return map;
}

/** `skip: line 12: question "Q8" (essay): ...`, or the whole import refused with `--strict`. */
function skipMessage(file: string, skip: GiftSkip): string {
  return `${file}:${skip.line}: question "${skip.name}" (${skip.type}) not imported: ${skip.reason}`;
}

/** A question GIFT's parser cannot read, where it stopped: a mistake in the file, not a type. */
interface GiftSyntaxError {
  syntax: string;
}

/**
 * Parses one block. A block GIFT's parser cannot read is named by its line and likely type: for
 * a type SOPKit does not take, it is skipped for that reason (Moodle accepts some numerical forms
 * the parser does not); for the others it is a mistake to fix, at the line and column where the
 * parser stopped.
 */
function parseBlock(block: GiftBlock, file: string): GIFTQuestion[] | GiftSkip | GiftSyntaxError {
  try {
    return parse(block.text);
  } catch (cause) {
    const type = guessGiftType(block.text);
    const name = block.name ?? '(no name)';
    if (!['multiple choice', 'true/false', 'matching'].includes(type)) return { line: block.line, column: block.column, name, type, reason: SUPPORTED };
    const at = (cause as { location?: { start: { line: number; column: number } } }).location?.start;
    const where = at ? `${file}:${block.firstLine + at.line - 1}:${at.column}` : `${file}:${block.line}`;
    const started = at && block.firstLine + at.line - 1 !== block.line ? ` (which starts on line ${block.line})` : '';
    const reason = ((cause as Error).message.split('\n')[0] ?? '').replace(/\.$/, '');
    return { syntax: `${where}: question "${name}"${started} is not valid GIFT (${reason}); fix it in the file (a ~ = # { } or : that is part of a text is written \\~ \\= \\# \\{ \\} \\:)` };
  }
}

/** A unique item id from a question's id or name: `2-08 TSL` → `q-2-08-tsl`, then `q-2-08-tsl-2`. */
function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  return id;
}

/**
 * Reads Moodle GIFT into a quiz, question by question (cut at blank lines as Moodle does, parsed
 * with gift-pegjs). Supported questions become items; every other one is skipped with its line,
 * type and reason (`strict` refuses the file instead). Files exported by SOPKit come back
 * unchanged (their tags and `// sopkit:` settings say what GIFT cannot); other files get
 * placeholder objectives and references, listed in `notes`, for `sopkit check` to point at.
 * @param text The GIFT text.
 * @param opts See {@link GiftImportOptions}.
 */
export function giftToQuiz(text: string, opts: GiftImportOptions): GiftImport {
  const settingsLine = /^\/\/ sopkit: (\{.*\})\s*$/m.exec(text)?.[1];
  const settings = settingsLine ? (JSON.parse(settingsLine) as Partial<Quiz> & { assumes?: Record<string, string[]> }) : {};
  const notes: string[] = [];
  const skipped: GiftSkip[] = [];
  const items: QuizItem[] = [];
  const taken = new Set<string>();
  const forms: Record<'pre' | 'post', string[]> = { pre: [], post: [] };
  const skip = (s: GiftSkip) => {
    if (opts.strict) throw new SopkitError('gift/unsupported', `${skipMessage(opts.file, s)}; without --strict, the other questions would be imported`);
    skipped.push(s);
  };
  const broken: string[] = [];
  for (const block of giftBlocks(text)) {
    // Moodle's ordering question: its answer part read here, the rest of it by gift-pegjs.
    const ordering = orderingPart(block.text);
    const parsed = parseBlock(ordering ? { ...block, text: ordering.rest } : block, opts.file);
    if ('syntax' in parsed) {
      broken.push(parsed.syntax);
      continue;
    }
    if (!Array.isArray(parsed)) {
      skip(parsed);
      continue;
    }
    for (const question of parsed) {
      if (question.type === 'Category') continue;
      const name = block.name ?? question.stem.text.slice(0, 30);
      if (question.type === 'Description') {
        skip({ line: block.line, column: block.column, name, type: 'description', reason: 'it is text without a question' });
        continue;
      }
      const q = question as GiftQuestion;
      const problem = ordering && orderingProblem(ordering);
      if (problem) {
        skip({ line: block.line, column: block.column, name, type: 'ordering', reason: problem });
        continue;
      }
      let shape;
      try {
        const mixed = (from: string, to: string) => notes.push(`${opts.file}:${block.line}: question "${name}": a text in ${from} inside a question in ${to} is kept as it is written; check it`);
        shape = ordering ? orderingShape(q, ordering, mixed) : shapeOf(q, mixed);
      } catch (error) {
        if (!(error instanceof NotImportable)) throw error;
        skip({ line: block.line, column: block.column, name, type: ordering ? 'ordering' : TYPE_WORDS[q.type], reason: error.message });
        continue;
      }
      const tags = tagMap(q.tags);
      const first = (key: string) => tags.get(key)?.[0];
      const wanted = slug(q.id ?? q.title ?? '') || `q-${items.length + 1}`;
      const id = uniqueId(wanted, taken);
      const type = (first('type') as QuizItem['type'] | undefined) ?? shape.type;
      const ids = first('options')?.split(',');
      if (ids?.length === shape.options.length) shape.options.forEach((o, i) => (o.id = ids[i] ?? o.id));
      for (const pair of tags.get('event') ?? []) {
        const [optionId, event] = pair.split('=');
        const option = shape.options.find((o) => o.id === optionId);
        if (option && event) option.event = event;
      }
      const ref = first('ref') ?? `${opts.sop ?? settings.sop ?? 'sop-id'}#1`;
      // A SOPKit export says its type and scoring in tags; a plain Moodle file scores multiple
      // answers with partial credit, as Moodle does.
      const scoring = (first('scoring') as QuizItem['scoring']) ?? ((type === 'multiple' || ordering) && !first('type') ? shape.scoring : undefined);
      const candidate = {
        id,
        type,
        objective: first('objective') ?? 'objective-1',
        ref,
        stem: shape.stem,
        ...(shape.format !== 'plain' ? { format: shape.format } : {}),
        options: shape.options,
        ...(shape.explanation ? { explanation: shape.explanation } : {}),
        marks: Number(first('marks') ?? 1),
        ...(scoring ? { scoring } : {}),
        ...(first('scenario') ? { scenario: first('scenario'), step: Number(first('step')) } : {}),
        ...(settings.assumes?.[wanted] ? { assumes: settings.assumes[wanted] } : {}),
        ...(first('practice') === 'true' ? { practice: true } : {}),
      };
      const item = itemSchema.safeParse(candidate);
      if (!item.success) {
        const issue = item.error.issues[0];
        skip({ line: block.line, column: block.column, name, type: ordering ? 'ordering' : TYPE_WORDS[q.type], reason: issue ? describeIssue(issue, candidate) : 'not a valid item' });
        continue;
      }
      items.push(item.data);
      taken.add(id);
      // Notes of the questions imported only: a skipped one has nothing to rename or point.
      if (id !== wanted) notes.push(`${opts.file}:${block.line}: question "${name}" has the same name as an earlier one; its id is ${id}`);
      if (!first('ref')) notes.push(`${id}: ref set to ${ref}; point it at the SOP section that teaches the answer`);
      for (const form of tags.get('form') ?? []) if (form === 'pre' || form === 'post') forms[form].push(id);
    }
  }
  // A mistake in the file refuses it: importing the rest would lose a question without a word.
  if (broken.length) {
    throw new SopkitError('gift/syntax', `${broken[0]}${broken.length > 1 ? ` (and ${broken.length - 1} more question${broken.length > 2 ? 's' : ''} that are not valid GIFT)` : ''}`);
  }
  if (items.length === 0) {
    // Each question's reason, so the author knows what to change (not only that nothing came in).
    const reasons = skipped.map((s) => `${opts.file}:${s.line}:${s.column ?? 1}: question "${s.name}" (${s.type}): ${s.reason}`);
    const supported = skipped.some((s) => s.reason === SUPPORTED) ? '' : `; ${SUPPORTED}`;
    throw new SopkitError('gift/empty', `${opts.file}: no question SOPKit can use${reasons.length ? `: ${reasons.join('; ')}` : ''}${supported}`);
  }
  const quiz = assemble(items, forms, settings, opts, notes);
  return { quiz, notes, skipped };
}

/** The quiz around the items: settings from a SOPKit export, or placeholders and notes. */
function assemble(items: QuizItem[], forms: Record<'pre' | 'post', string[]>, settings: Partial<Quiz>, opts: GiftImportOptions, notes: string[]): Quiz {
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
  return valid.data;
}
