import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlWithPositions } from '../content/frontmatter.ts';
import { git } from '../lifecycle/diff/git.ts';

/**
 * How a translated quiz stands against its source (ARCHITECTURE.md, Translations: quizzes).
 * Translated quizzes carry no version: the translation's last commit is the moment it was
 * translated, and the source as it was in that commit is what it translates.
 */
export type QuizFreshness =
  /** No item of the source changed since, or the translation is being edited now. */
  | { status: 'current' }
  /** These items of the source (ids, in the source's order) changed after commit `since`. */
  | { status: 'outdated'; items: string[]; since: string }
  /** No git, no commit of the translation, or no source in that commit: nothing can be said. */
  | { status: 'unknown' };

/** What the translation was made from, as git says. */
type Base = { kind: 'editing' } | { kind: 'unknown' } | { kind: 'commit'; commit: string; sourceText: string };

/** Git's answer, or undefined when there is no git, no repository or no such object. */
function tryGit(root: string, args: readonly string[]): string | undefined {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
}

/**
 * The source as it was when the translation was last changed. A translation with uncommitted
 * changes is being translated now, from the source as it is now: nothing in it is stale.
 * `--no-optional-locks`: a check must not take the index lock from someone committing.
 */
function baseOf(root: string, translation: string, source: string): Base {
  const status = tryGit(root, ['--no-optional-locks', 'status', '--porcelain', '--', translation]);
  if (status === undefined) return { kind: 'unknown' };
  if (status.trim()) return { kind: 'editing' };
  const commit = tryGit(root, ['log', '-1', '--format=%H', '--', translation])?.trim();
  if (!commit) return { kind: 'unknown' };
  // `<commit>:./path` is relative to the project root, which may sit below the repository's top.
  const sourceText = tryGit(root, ['show', `${commit}:./${source}`]);
  return sourceText === undefined ? { kind: 'unknown' } : { kind: 'commit', commit, sourceText };
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * What a translation of an item depends on, as one line: the words translated (stem, options'
 * text and feedback, explanation) and the facts they must agree with (type, correct
 * flags, and the option order of an `order` item, which is its key). Other items' options are
 * compared by id, since a translation is merged by id and a new order does not change its words.
 */
function itemFacts(item: Record<string, unknown>): string {
  const options = (Array.isArray(item.options) ? item.options : []).filter(isRecord).map((o) => ({
    id: String(o.id),
    text: o.text ?? null,
    feedback: o.feedback ?? null,
    correct: o.correct === true,
  }));
  if (item.type !== 'order') options.sort((a, b) => a.id.localeCompare(b.id));
  // Not `assumes`: a line stating what the item takes for granted changes no word a reader sees
  // (a country that rewrites an item for its values changes its stem or options, which count), and
  // counting it put every item that gained such a line in the source's words in every language.
  return JSON.stringify({ type: item.type ?? null, stem: item.stem ?? null, explanation: item.explanation ?? null, options });
}

/** Each item's facts by id, or undefined when the text is not a quiz YAML. */
function factsById(text: string): Map<string, string> | undefined {
  const data = parseYamlWithPositions(text.replace(/^\uFEFF/, '')).data;
  const items = isRecord(data) ? data.items : undefined;
  if (!Array.isArray(items)) return undefined;
  return new Map(items.filter(isRecord).map((i) => [String(i.id), itemFacts(i)]));
}

/** The source items that differ now from the source the translation was made from (an item it did not have counts). */
function changedItems(oldText: string, newText: string): string[] | undefined {
  const before = factsById(oldText);
  const now = factsById(newText);
  if (!before || !now) return undefined;
  return [...now].filter(([id, facts]) => before.get(id) !== facts).map(([id]) => id);
}

/**
 * Each translation's base (by root and file) for the text it was read for, and its last answer
 * for the source text it was compared with: a build asks git once per file and parses the
 * source's two versions once; an edited translation asks git again, an edited source is compared
 * again (a dev server sees both).
 */
const cache = new Map<string, { text: string; base: Base; last?: { source: string; result: QuizFreshness } }>();

const readText = (abs: string): string | undefined => {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
};

function compare(base: Base, now: string): QuizFreshness {
  if (base.kind === 'unknown') return { status: 'unknown' };
  if (base.kind === 'editing') return { status: 'current' };
  const items = changedItems(base.sourceText, now);
  if (!items) return { status: 'unknown' };
  return items.length ? { status: 'outdated', items, since: base.commit } : { status: 'current' };
}

/**
 * Which items of a translated quiz are out of date: those whose source item (words,
 * key) is not now what it was in the translation's last commit. Never throws: without git, a
 * commit or the source in it, the answer is `unknown`.
 * @param root Project root (inside the git work tree for an answer).
 * @param source The source quiz, relative to the root: `quizzes/birth-registration.yaml`.
 * @param translation Its translation, relative to the root: `quizzes/fr/birth-registration.yaml`.
 */
export function quizFreshness(root: string, source: string, translation: string): QuizFreshness {
  const text = readText(join(root, translation));
  const now = readText(join(root, source));
  if (text === undefined || now === undefined) return { status: 'unknown' };
  const key = `${root}\0${translation}`;
  let entry = cache.get(key);
  if (entry?.text !== text) {
    entry = { text, base: baseOf(root, translation, source) };
    cache.set(key, entry);
  }
  if (entry.last?.source !== now) entry.last = { source: now, result: compare(entry.base, now) };
  return entry.last.result;
}

/** The ids of the out-of-date items of a translated quiz (none when current or unknown). */
export function staleQuizItems(root: string, source: string, translation: string): ReadonlySet<string> {
  const f = quizFreshness(root, source, translation);
  return new Set(f.status === 'outdated' ? f.items : []);
}
