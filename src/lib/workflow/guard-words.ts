import { humanise } from './humanise.ts';

/**
 * A guard as readable names: a named guard is its name; `not`, `and`, `or` combinators spell
 * themselves out; an inline function is its function name, or "condition".
 */
export function guardName(guard: unknown): string | undefined {
  return guardText(guard, (name) => name, false);
}

/** Words for names: the module's `labels`, else the humanised name. */
export type Words = (name: string) => string;

/** The `words` function of a module's `labels`. */
export function wordsOf(labels: Readonly<Record<string, string>> = {}): Words {
  return (name) => labels[name] ?? humanise(name);
}

/** Params of a guard in words: `{ min: 18 }` → `min 18`. */
function paramsText(params: unknown, words: Words): string {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return params === undefined || typeof params === 'function' ? '' : JSON.stringify(params);
  return Object.entries(params as Record<string, unknown>)
    .map(([k, v]) => `${words(k)} ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

/**
 * A guard written any way XState allows, as text (with `withParams`): a name (`'isLate'`), a name with params
 * (`{ type: 'isAbove', params: { min: 18 } }` → `is above (min 18)` in words), the `not`, `and`,
 * `or` and `stateIn` combinators, or an inline function (its name, or "condition").
 * @param guard The guard as the machine holds it.
 * @param words Words for the author's names.
 * @param withParams Whether to write a parameterised guard's params.
 * @param fixed The built-in words (`not`, `and`, `or`, `in`, `condition`) in the reader's
 *   language, by their English; English when absent.
 */
export function guardText(guard: unknown, words: Words, withParams: boolean, fixed: Readonly<Record<string, string>> = {}): string | undefined {
  const condition = fixed.condition ?? 'condition';
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return words(guard);
  if (typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    const p = withParams ? paramsText(params, words) : '';
    return p ? `${words(String(type))} (${p})` : words(String(type));
  }
  if (typeof guard === 'function') {
    const fn = guard as { name?: string; guards?: unknown[]; stateValue?: unknown };
    if (Array.isArray(fn.guards)) {
      const parts = fn.guards.map((g) => guardText(g, words, withParams, fixed) ?? condition);
      if (fn.name === 'not') return `${fixed.not ?? 'not'} ${parts[0] ?? condition}`;
      return parts.join(fn.name === 'or' ? ` ${fixed.or ?? 'or'} ` : ` ${fixed.and ?? 'and'} `);
    }
    if (fn.name === 'stateIn') return `${fixed.in ?? 'in'} ${JSON.stringify(fn.stateValue ?? '')}`;
    return fn.name && fn.name !== 'guard' ? words(fn.name) : condition;
  }
  return condition;
}

/** A guard expression of names in words: `not fraudSuspected` → `not fraud suspected`. */
export function guardLabel(guard: string, words: Words = humanise): string {
  return guard
    .split(' ')
    .map((w) => (w === 'not' || w === 'and' || w === 'or' ? w : words(w)))
    .join(' ');
}
