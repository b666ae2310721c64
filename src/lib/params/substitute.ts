import { isParamCase, type ParamCase } from './cases.ts';

/**
 * `{param:id}` in YAML strings and MDX attribute values; `{param:id|genitive}` asks for the value
 * in a grammatical case (ARCHITECTURE.md, Translations: a value's case).
 */
const REF = /\{param:([^{}\s]*)\}/g;

/** One `{param:id}` in a string: the id, its case when one is asked for, and where it starts (0-based index into the string). */
export interface ParamRef {
  /** The id; a reference with a case that is none of `paramCases` keeps it all (`audit-cycle|genetive`), so it is an unknown id. */
  id: string;
  grammaticalCase?: ParamCase;
  index: number;
}

/** `id` or `id|case` as written between `{param:` and `}`. */
function parseRef(written: string): { id: string; grammaticalCase?: ParamCase } {
  const bar = written.indexOf('|');
  if (bar < 0) return { id: written };
  const form = written.slice(bar + 1);
  return isParamCase(form) ? { id: written.slice(0, bar), grammaticalCase: form } : { id: written };
}

/** Every `{param:id}` in a string, in order. */
export function paramRefs(text: string): ParamRef[] {
  return [...text.matchAll(REF)].map((m) => ({ ...parseRef(m[1] ?? ''), index: m.index ?? 0 }));
}

/**
 * The message for a reference whose case is not one of `paramCases` (`{param:audit-cycle|genetive}`,
 * read as the unknown id `audit-cycle|genetive`) when the id before the `|` is known, or undefined.
 * @param id The id as `paramRefs` read it.
 * @param known Whether an id is a parameter's.
 */
export function unknownCase(id: string, known: (id: string) => boolean): string | undefined {
  const bar = id.indexOf('|');
  if (bar < 0 || !known(id.slice(0, bar))) return undefined;
  return `"${id.slice(bar + 1)}" is not a case: write {param:${id.slice(0, bar)}|genitive} after a preposition or in an idafa, |accusative for an object, or leave the case out where the value stands alone (nominative)`;
}

/** The text of a parameter in the page language and a case, or undefined when there is none. */
export type ParamLookup = (id: string, grammaticalCase?: ParamCase) => string | undefined;

/**
 * Replaces each `{param:id}` (or `{param:id|case}`) with the text of the parameter; an id the
 * lookup does not know is left as written (`sopkit check` reports it, and the build stops on it).
 * @param text The author's string.
 * @param lookup The text of a parameter in the page language.
 */
export function substituteParams(text: string, lookup: ParamLookup): string {
  if (!text.includes('{param:')) return text;
  return text.replace(REF, (whole, written: string) => {
    const ref = parseRef(written);
    return lookup(ref.id, ref.grammaticalCase) ?? whole;
  });
}

/**
 * A deep copy of YAML data with `{param:id}` replaced in every string (keys are left alone):
 * a quiz or a module as readers see it.
 */
export function substituteDeep<T>(data: T, lookup: ParamLookup): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return substituteParams(value, lookup);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return walk(data) as T;
}

/** Every string in YAML data with its path, for checks that report `{param:id}` at its line. */
export function stringsWithPaths(data: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof data === 'string') return [{ path, text: data }];
  if (Array.isArray(data)) return data.flatMap((v, i) => stringsWithPaths(v, [...path, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => stringsWithPaths(v, [...path, k]));
  return [];
}
