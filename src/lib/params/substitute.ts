/** `{param:id}` in YAML strings and MDX attribute values. */
const REF = /\{param:([^{}\s]*)\}/g;

/** One `{param:id}` in a string: the id and where it starts (0-based index into the string). */
export interface ParamRef {
  id: string;
  index: number;
}

/** Every `{param:id}` in a string, in order. */
export function paramRefs(text: string): ParamRef[] {
  return [...text.matchAll(REF)].map((m) => ({ id: m[1] ?? '', index: m.index ?? 0 }));
}

/**
 * Replaces each `{param:id}` with the text of the parameter; an id the lookup does not know is
 * left as written (`sopkit check` reports it, and the build stops on it).
 * @param text The author's string.
 * @param lookup The text of a parameter in the page language, or undefined when there is none.
 */
export function substituteParams(text: string, lookup: (id: string) => string | undefined): string {
  if (!text.includes('{param:')) return text;
  return text.replace(REF, (whole, id: string) => lookup(id) ?? whole);
}

/**
 * A deep copy of YAML data with `{param:id}` replaced in every string (keys are left alone):
 * a quiz or a module as readers see it.
 */
export function substituteDeep<T>(data: T, lookup: (id: string) => string | undefined): T {
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
