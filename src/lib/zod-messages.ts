import { z, type ZodIssue, type ZodTypeAny } from 'zod';
import { editDistance } from './did-you-mean.ts';

/** Reads the value at a path in plain data, for "found ..." in messages. */
function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The schema inside wrappers that do not change the fields (optional, default, refine, transform...). */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  for (let depth = 0; depth < 20; depth++) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) schema = schema.unwrap();
    else if (schema instanceof z.ZodDefault || schema instanceof z.ZodCatch) schema = schema._def.innerType;
    else if (schema instanceof z.ZodEffects) schema = schema.innerType();
    else if (schema instanceof z.ZodLazy) schema = schema.schema;
    else if (schema instanceof z.ZodPipeline) schema = schema._def.in;
    else if (schema instanceof z.ZodBranded) schema = schema.unwrap();
    else if (schema instanceof z.ZodReadonly) schema = schema._def.innerType;
    else return schema;
  }
  return schema;
}

/** The schemas a path leads to (several through a union). */
function schemasAt(schema: ZodTypeAny, path: readonly (string | number)[]): ZodTypeAny[] {
  const here = unwrap(schema);
  if (here instanceof z.ZodUnion || here instanceof z.ZodDiscriminatedUnion) {
    return (here.options as ZodTypeAny[]).flatMap((option) => schemasAt(option, path));
  }
  if (here instanceof z.ZodIntersection) return [...schemasAt(here._def.left, path), ...schemasAt(here._def.right, path)];
  if (!path.length) return [here];
  const [step, ...rest] = path;
  if (here instanceof z.ZodObject) {
    const field = (here.shape as Record<string, ZodTypeAny>)[String(step)];
    return field ? schemasAt(field, rest) : [];
  }
  if (here instanceof z.ZodArray && typeof step === 'number') return schemasAt(here.element, rest);
  if (here instanceof z.ZodRecord) return schemasAt(here.valueSchema, rest);
  if (here instanceof z.ZodTuple && typeof step === 'number') {
    const item = (here.items as ZodTypeAny[])[step] ?? here._def.rest;
    return item ? schemasAt(item, rest) : [];
  }
  return [];
}

/**
 * The fields a schema allows at a path (an object's keys, through optional, default, refine,
 * arrays and unions), for "did you mean" on an unknown field; empty where it cannot tell.
 * @param schema The schema the data was validated with.
 * @param path The path of the object that has the unknown field.
 */
export function fieldsAt(schema: ZodTypeAny, path: readonly (string | number)[]): string[] {
  return [...new Set(schemasAt(schema, path).flatMap((s) => (s instanceof z.ZodObject ? Object.keys(s.shape as object) : [])))];
}

/**
 * The list fields at a path whose entries allow a field: `items` for `assumes` at the top of a
 * quiz, where the field is only one level too high (empty when it is nowhere below).
 * @param schema The schema the data was validated with.
 * @param path The path of the object that has the unknown field.
 * @param key The unknown field.
 */
export function listsWithField(schema: ZodTypeAny, path: readonly (string | number)[], key: string): string[] {
  return fieldsAt(schema, path).filter((f) => schemasAt(schema, [...path, f]).some((s) => s instanceof z.ZodArray) && fieldsAt(schema, [...path, f, 0]).includes(key));
}

/**
 * The message for one unknown field that belongs on each entry of a list below it: where it goes,
 * with an example made of the file's own first entry and the value as written.
 */
function belongsBelow(key: string, list: readonly (string | number)[], data: unknown): string {
  const first = valueAt(data, [...list, 0, 'id']);
  const id = typeof first === 'string' || typeof first === 'number' ? String(first) : '...';
  const value = show(valueAt(data, [...list.slice(0, -1), key]));
  const name = fieldPath(list);
  return `unknown field ${key} here: it belongs on each entry of ${name} that needs it (${name}[].${key}); move it there, e.g. ${name}: [{ id: ${id}, ..., ${key}: ${value} }]`;
}

/**
 * The allowed field nearest to an unknown one, when near enough to be the one meant (`trainer`
 * for `trainers`, `autor` for `author`): within a third of its length, at least one edit.
 */
function nearestField(key: string, fields: readonly string[]): string | undefined {
  const best = fields.map((f) => ({ f, d: editDistance(key.toLowerCase(), f.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.f : undefined;
}

/** An unknown field, with the allowed field it was probably meant to be. */
function unknownKey(key: string, fields: readonly string[]): string {
  const near = nearestField(key, fields);
  return near ? `${key} (did you mean "${near}"?)` : key;
}

/** The field path as authors write it: `approval.date`, `history[0].version`. */
export function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top level)';
}

/** A zod type name as an author would say it. */
const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  float: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields (name: value)',
  date: 'a date',
  null: 'nothing',
};

const words = (type: string) => typeWords[type] ?? type;

/** What a string rule allows when the schema gave no message of its own. */
function stringRule(issue: Extract<ZodIssue, { code: 'invalid_string' }>): string {
  if (issue.message && !/^Invalid\b/.test(issue.message)) return issue.message;
  const validation = typeof issue.validation === 'string' ? issue.validation : 'format';
  if (validation === 'url') return 'a web address like https://registry.example.org/';
  if (validation === 'email') return 'an e-mail address like registrar@example.org';
  if (validation === 'datetime' || validation === 'date') return 'a date written YYYY-MM-DD';
  return `text in the ${validation} form`;
}

/** "at least 3 characters", "at least 1 entry", "at least 0", "more than 0". */
function bound(issue: Extract<ZodIssue, { code: 'too_small' | 'too_big' }>, least: boolean): string {
  const n = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const relation = least ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  if (issue.type === 'array' || issue.type === 'set') return `${relation} ${n} entr${n === 1 ? 'y' : 'ies'}`;
  if (issue.type === 'string') return `${relation} ${n} character${n === 1 ? '' : 's'}`;
  return `${relation} ${n}`;
}

/**
 * One sentence for a zod issue: the field, the value found and what is allowed. Every rule of
 * the schemas ends up here, so none reads "expected Invalid".
 * @param issue The zod issue.
 * @param data The data that was validated, to quote the value found.
 * @param sourceOf The author's text at a path, so `1.0` is quoted as written rather than as the number 1.
 * @param fields The fields allowed at a path (`fieldsAt` of the schema), so an unknown field gets a
 *   "did you mean" (`trainer` for `trainers`).
 * @param listsWith The list fields at a path whose entries allow a field (`listsWithField` of the
 *   schema), so a field written one level too high says where it goes.
 */
export function describeIssue(
  issue: ZodIssue,
  data: unknown,
  sourceOf: (path: (string | number)[]) => string | undefined = () => undefined,
  fields: (path: (string | number)[]) => readonly string[] = () => [],
  listsWith: (path: (string | number)[], key: string) => readonly string[] = () => [],
): string {
  const field = fieldPath(issue.path);
  const written = sourceOf(issue.path);
  // An empty value ("country:") is written as nothing: "found ;" said nothing.
  const found = typeof written === 'string' && written.trim() === '' ? 'nothing (the value is empty)' : written !== undefined && typeof valueAt(data, issue.path) !== 'string' ? written : show(valueAt(data, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return `${field}: missing; required: ${words(issue.expected)}`;
      return `${field}: found ${found}; expected ${words(issue.expected)}`;
    case 'invalid_enum_value':
      return `${field}: found ${found}; allowed: ${issue.options.map(String).join(', ')}`;
    case 'invalid_literal':
      return `${field}: found ${found}; allowed: ${show(issue.expected)}`;
    case 'unrecognized_keys': {
      // One field that each entry of a list below allows (`assumes` at the top of a quiz, which
      // goes on each item): "remove or rename it" sent the author to delete it.
      const key = issue.keys.length === 1 ? issue.keys[0]! : undefined;
      // (Not when a field of this level is one typo away: that is the likelier meaning.)
      const list = key !== undefined && !nearestField(key, fields(issue.path)) ? listsWith(issue.path, key)[0] : undefined;
      if (key !== undefined && list !== undefined) return `${field === '(top level)' ? 'frontmatter: ' : `${field}: `}${belongsBelow(key, [...issue.path, list], data)}`;
      return `${field === '(top level)' ? 'frontmatter' : field}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => unknownKey(k, fields(issue.path))).join(', ')}; remove or rename ${issue.keys.length > 1 ? 'them' : 'it'}`;
    }
    case 'too_small':
      if (issue.type === 'array') return `${field}: found ${found}; needs ${bound(issue, true)}`;
      return `${field}: found ${found}; must be ${bound(issue, true)}`;
    case 'too_big':
      return `${field}: found ${found}; must be ${bound(issue, false)}`;
    case 'not_multiple_of':
      return `${field}: found ${found}; must be a multiple of ${String(issue.multipleOf)}`;
    case 'invalid_string':
      return `${field}: found ${found}; expected ${stringRule(issue)}`;
    case 'invalid_date':
      return `${field}: found ${found}; expected a real calendar date`;
    case 'invalid_union': {
      // A union with a message of its own (an errorMap) says best what is allowed.
      if (issue.message && issue.message !== 'Invalid input') return `${field}: found ${found}; ${issue.message}`;
      // The alternatives' own messages say what each allows; the first that is not about the type is the useful one.
      const issues = issue.unionErrors.flatMap((e) => e.issues);
      const inner = issues.find((i) => i.code !== 'invalid_type');
      if (inner) return describeIssue({ ...inner, path: issue.path }, data, sourceOf);
      const types = [...new Set(issues.flatMap((i) => (i.code === 'invalid_type' ? [words(i.expected)] : [])))];
      return `${field}: found ${found}; expected ${types.join(' or ') || 'another kind of value'}`;
    }
    case 'custom':
      return `${field}: found ${found}; expected ${issue.message && issue.message !== 'Invalid input' ? issue.message : 'a value this field allows (see the format in ARCHITECTURE.md)'}`;
    default:
      return `${field}: found ${found}; ${issue.message}`;
  }
}
