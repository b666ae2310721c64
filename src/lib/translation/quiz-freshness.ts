import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlCached } from '../content/yaml-cache.ts';
import { parseDocument, isMap, isScalar, isSeq, type Document } from 'yaml';
import { fileCommits, git, readAtCommits, type FileCommit } from '../lifecycle/diff/git.ts';

/**
 * How a translated quiz stands against its source (ARCHITECTURE.md, Translations: quizzes).
 * Translated quizzes carry no version: the commit that last changed a translated item's text is
 * the moment it was translated, and the source as it was in that commit is what it translates.
 */
export type QuizFreshness =
  /** No item of the source changed since, or the translation is being edited now. */
  | { status: 'current' }
  /** These items of the source (ids, in the source's order) changed after the commit that last changed each one's translation (`since`, by id). */
  | { status: 'outdated'; items: string[]; since: Record<string, string> }
  /** No git, no commit of the translation, or no source in that commit: nothing can be said. */
  | { status: 'unknown' };

/** What one translated item was made from, as git says. */
type Base = { kind: 'editing' } | { kind: 'unknown' } | { kind: 'commit'; commit: string; sourceText: string };

/** Git's answer, or undefined when there is no git, no repository or no such object. */
function tryGit(root: string, args: readonly string[]): string | undefined {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
}

/** How far back a translation's history is read for its items' last changes. */
const HISTORY = 200;

/**
 * The text of each item of a quiz YAML as written, comments inside it included, by id: what a
 * translator changed in an item. Undefined when the text is not a quiz YAML.
 */
function itemTexts(text: string, kind: ListKind): Map<string, string> | undefined {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  if (kind.parts) return kind.parts.texts(doc, text.replace(/^\uFEFF/, ''));
  const items = kind.list ? doc.get(kind.list) : doc.contents;
  if (!isSeq(items)) return undefined;
  const out = new Map<string, string>();
  for (const node of items.items) {
    if (!isMap(node) || !node.range) continue;
    const id = node.get('id');
    if (id !== undefined && id !== null) out.set(String(id), text.replace(/^\uFEFF/, '').slice(node.range[0], node.range[2]));
  }
  return out;
}

/**
 * What each item of a translation was made from: the source as it was in the commit that last
 * changed that item's translation (its words, or a comment inside it). An item changed and not
 * yet committed is being translated now, from the source as it is now. Per item, not per file:
 * a commit of one item (or of a comment at the top) marked every item of the file current, and
 * an item the source had changed went on being printed in old words beside the source's key.
 * `--no-optional-locks`: a check must not take the index lock from someone committing.
 */
function basesOf(root: string, translation: string, source: string, text: string, kind: ListKind): Map<string, Base> {
  const bases = new Map<string, Base>();
  const now = itemTexts(text, kind);
  if (!now) return bases;
  const unknown = () => {
    for (const id of now.keys()) bases.set(id, { kind: 'unknown' });
    return bases;
  };
  const status = tryGit(root, ['--no-optional-locks', 'status', '--porcelain', '--', translation]);
  if (status === undefined) return unknown();
  let commits: FileCommit[];
  try {
    commits = fileCommits(root, translation).slice(0, HISTORY);
  } catch {
    return unknown();
  }
  let texts: (string | undefined)[];
  let sources: (string | undefined)[];
  try {
    // One git process for both files' versions. `<commit>:./path` is relative to the project root,
    // which may sit below the repository's top.
    const both = readAtCommits(root, [...commits.map((c) => `${c.commit}:${c.path}`), ...commits.map((c) => `${c.commit}:./${source}`)]);
    texts = both.slice(0, commits.length);
    sources = both.slice(commits.length);
  } catch {
    return unknown();
  }
  // An entry's words (from its `id:` to its end, comments inside included) found as they are in a
  // version of the file: that version had the entry so. A search, not a parse of every version:
  // parsing 200 versions of a glossary cost the check most of a second.
  const versions = texts.map((t) => t?.replace(/^\uFEFF/, ''));
  // Uncommitted changes: the working file is the newest version, "being edited".
  const dirty = !!status.trim();
  for (const [id, words] of now) {
    if (dirty && !versions[0]?.includes(words)) {
      bases.set(id, { kind: 'editing' });
      continue;
    }
    // The oldest commit of the newest run of commits with these words made them.
    let base: Base = { kind: 'unknown' };
    for (let i = 0; i < commits.length && versions[i]?.includes(words); i++) {
      const sourceText = sources[i];
      base = sourceText === undefined ? { kind: 'unknown' } : { kind: 'commit', commit: commits[i]!.commit, sourceText };
    }
    bases.set(id, base);
  }
  return bases;
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

/** Each entry's facts by id, or undefined when the text is not a list of the kind. */
function factsById(text: string, kind: ListKind): Map<string, string> | undefined {
  const data = parseYamlCached(text.replace(/^\uFEFF/, '')).data;
  if (kind.parts) return kind.parts.facts(data);
  const items = kind.list ? (isRecord(data) ? data[kind.list] : undefined) : data;
  if (!Array.isArray(items)) return undefined;
  return new Map(items.filter(isRecord).map((i) => [String(i.id), kind.facts(i)]));
}

/**
 * A file of entries by id that translations mirror entry by entry: where its entries are (a key
 * of the document, or the document itself), and what of a source entry a translation depends on.
 */
export interface ListKind {
  /** The key of the entries (`items` in a quiz); the document itself when undefined. */
  list?: string;
  facts: (entry: Record<string, unknown>) => string;
  /**
   * For a file that is not a list (a dry-run record): its translated parts by key, as written in
   * the translation (`texts`), and what the source says for each key (`facts`).
   */
  parts?: { texts: (doc: Document, text: string) => Map<string, string> | undefined; facts: (data: unknown) => Map<string, string> | undefined };
}

/** The fields of an entry a translation translates, as one line (a nested path as `model.why`). */
const fields = (...paths: string[]) => (entry: Record<string, unknown>) =>
  JSON.stringify(paths.map((path) => path.split('.').reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), entry) ?? null));

export const QUIZ: ListKind = { list: 'items', facts: itemFacts };
/** `content/<lang>/glossary.yaml`, `roles.yaml`, `parameters.yaml`: the words they translate. */
export const GLOSSARY: ListKind = { facts: fields('term', 'definition', 'source') };
export const ROLES: ListKind = { facts: fields('title', 'description') };
export const PARAMETERS: ListKind = { facts: fields('label', 'group', 'model.why') };

/**
 * `content/<lang>/dryruns/<id>.yaml` against `content/dryruns/<id>.yaml`, part by part: `title`,
 * `objectives`, `sites.<id>`, `observers.<name>`, `roles.<role>`, `debrief`. A part of the
 * translation is its key and value as written (comments inside included); a part of the source,
 * the words it translates (a site's name and type, an observer's name and organisation, who plays
 * a role, every line of a role given twice).
 */
export const DRYRUN: ListKind = {
  facts: () => '',
  parts: {
    texts(doc, text) {
      if (!isMap(doc.contents)) return undefined;
      const out = new Map<string, string>();
      for (const pair of doc.contents.items) {
        const top = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const start = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        const value = pair.value as { range?: [number, number, number] } | null;
        if (top === undefined || start === undefined || !value?.range) continue;
        if (['sites', 'observers', 'roles'].includes(top) && isMap(pair.value)) {
          for (const inner of pair.value.items) {
            const k = isScalar(inner.key) ? inner.key : undefined;
            const v = inner.value as { range?: [number, number, number] } | null;
            if (k?.range && v?.range) out.set(`${top}.${String(k.value)}`, text.slice(k.range[0], v.range[2]));
          }
        } else if (top !== 'example') out.set(top, text.slice(start, value.range[2]));
      }
      return out;
    },
    facts(data) {
      if (!isRecord(data)) return undefined;
      const list = (v: unknown) => (Array.isArray(v) ? v.filter(isRecord) : []);
      const out = new Map<string, string>([
        ['title', JSON.stringify(data.title ?? null)],
        ['objectives', JSON.stringify(data.objectives ?? null)],
        ['debrief', JSON.stringify(isRecord(data.debrief) ? [data.debrief.place ?? null, data.debrief.agenda ?? null] : null)],
      ]);
      for (const s of list(data.sites)) out.set(`sites.${String(s.id)}`, JSON.stringify([s.name ?? null, s.type ?? null]));
      for (const o of list(data.observers)) out.set(`observers.${String(o.name)}`, JSON.stringify([o.name ?? null, o.organisation ?? null]));
      const roles = new Map<string, unknown[]>();
      for (const r of list(data.roles)) roles.set(String(r.role), [...(roles.get(String(r.role)) ?? []), r.who ?? null]);
      for (const [role, who] of roles) out.set(`roles.${role}`, JSON.stringify(who));
      return out;
    },
  },
};

/**
 * Each translation's bases (by root and file) for the text they were read for, and its last answer
 * for the source text it was compared with: a build asks git once per file and parses the
 * source's versions once; an edited translation asks git again, an edited source is compared
 * again (a dev server sees both).
 */
const cache = new Map<string, { text: string; bases: Map<string, Base>; last?: { source: string; result: QuizFreshness } }>();

const readText = (abs: string): string | undefined => {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
};

function compare(bases: Map<string, Base>, now: string, kind: ListKind): QuizFreshness {
  const facts = factsById(now, kind);
  if (!facts || [...bases.values()].every((b) => b.kind === 'unknown')) return { status: 'unknown' };
  const before = new Map<string, Map<string, string> | undefined>();
  const items: string[] = [];
  const since: Record<string, string> = {};
  for (const [id, fact] of facts) {
    const base = bases.get(id);
    if (base?.kind !== 'commit') continue;
    if (!before.has(base.commit)) before.set(base.commit, factsById(base.sourceText, kind));
    const old = before.get(base.commit);
    if (old && old.get(id) !== fact) {
      items.push(id);
      since[id] = base.commit;
    }
  }
  return items.length ? { status: 'outdated', items, since } : { status: 'current' };
}

/**
 * Which items of a translated quiz are out of date: those whose source item (words,
 * key) is not now what it was in the commit that last changed the item's translation. Never throws: without git, a
 * commit or the source in it, the answer is `unknown`.
 * @param root Project root (inside the git work tree for an answer).
 * @param source The source quiz, relative to the root: `quizzes/birth-registration.yaml`.
 * @param translation Its translation, relative to the root: `quizzes/fr/birth-registration.yaml`.
 */
export function quizFreshness(root: string, source: string, translation: string, kind: ListKind = QUIZ): QuizFreshness {
  const text = readText(join(root, translation));
  const now = readText(join(root, source));
  if (text === undefined || now === undefined) return { status: 'unknown' };
  const key = `${root}\0${translation}`;
  let entry = cache.get(key);
  if (entry?.text !== text) {
    entry = { text, bases: basesOf(root, translation, source, text, kind) };
    cache.set(key, entry);
  }
  if (entry.last?.source !== now) entry.last = { source: now, result: compare(entry.bases, now, kind) };
  return entry.last.result;
}

/** The ids of the out-of-date items of a translated quiz (none when current or unknown). */
export function staleQuizItems(root: string, source: string, translation: string): ReadonlySet<string> {
  const f = quizFreshness(root, source, translation);
  return new Set(f.status === 'outdated' ? f.items : []);
}
