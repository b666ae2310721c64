import { isPlaceholder } from '../content/placeholder.ts';
import type { Project, SopDoc } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { outlineOf, type SessionInfo } from '../training/outline.ts';
import { sopTextAtVersion } from '../lifecycle/versions.ts';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { parseMdx } from '../content/mdx.ts';
import { freshnessOf, outlineMismatch, sourceOutlineAt } from './freshness.ts';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** A passage long enough to be a sentence: at least this many characters and words of three letters. */
const PASSAGE = { chars: 30, words: 5 };
/**
 * How many of the source's passages a translation must keep word for word to be warned: a title
 * of a publication cited in the source's language ("UN Principles and Recommendations for a
 * Vital Statistics System, Rev. 3") or a sentence kept on purpose is not a translation left half done.
 */
const UNTRANSLATED = 3;

/** The passages of a body a reader reads as text: headings, paragraphs, table cells; with where each starts. */
function passages(tree: Root): { text: string; line: number; column: number }[] {
  const out: { text: string; line: number; column: number }[] = [];
  visit(tree, (node) => {
    if (node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'tableCell') return;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text.length < PASSAGE.chars || (text.match(/\p{L}{3,}/gu) ?? []).length < PASSAGE.words) return;
    out.push({ text, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  return out;
}

/**
 * Passages of a translation that are the source's words, word for word: a translation begun by
 * copying the source and left half done passed the check and printed as the Arabic edition with
 * English paragraphs. One warning per file, at the first, with the count.
 */
function untranslated(source: { tree?: Root | undefined }, doc: { file: string; tree?: Root | undefined }): Diagnostic[] {
  if (!source.tree || !doc.tree) return [];
  const theirs = new Set(passages(source.tree).map((p) => p.text));
  const same = passages(doc.tree).filter((p) => theirs.has(p.text));
  if (same.length < UNTRANSLATED) return [];
  const first = same[0]!;
  const quote = first.text.length > 60 ? `${first.text.slice(0, 57)}...` : first.text;
  return [diagnostic('warning', 'translation/untranslated', doc.file, `${same.length} passages are the source's words, not translated (the first: "${quote}"): translate them; readers of this language read them in the source's language`, { line: first.line, column: first.column })];
}

const sectionList = (sections: { number: string; title: string }[]) => sections.map((s) => `§${s.number} ${s.title}`).join(', ');

/** Rules common to a translated SOP or module: its language, its source. */
function sourceRules(doc: SopDoc | ModuleDoc, lang: string, sources: readonly { id: string }[], kind: string, folder: string): Diagnostic[] {
  const d = doc.data;
  if (!d) return [];
  const out: Diagnostic[] = [];
  if (d.language !== lang) {
    // No language line at all reads as the pack's language ("found en" pointed at the id line).
    const written = (doc.yaml.data as { language?: unknown } | undefined)?.language !== undefined;
    const message = written ? `language: found "${d.language}"; a file under content/${lang}/ must say language: ${lang}` : `add language: ${lang} (a file under content/${lang}/ is in that language; without the line it counts as ${d.language})`;
    out.push(diagnostic('error', 'translation/language', doc.file, message, doc.yaml.positionOf(written ? ['language'] : d.translationOf ? ['translationOf'] : ['id'])));
  }
  if (!d.translationOf) {
    out.push(diagnostic('error', 'translation/no-source', doc.file, `add translationOf: { id: ${doc.id}, version: <the source version translated> }, naming the ${kind} this translates`, doc.yaml.positionOf(['id'])));
  } else if (!sources.some((s) => s.id === d.translationOf!.id)) {
    out.push(diagnostic('error', 'translation/unknown-source', doc.file, `translationOf.id: no ${kind} "${d.translationOf.id}" in ${folder}/; known: ${sources.map((s) => s.id).join(', ') || 'none'}`, doc.yaml.positionOf(['translationOf', 'id'])));
  } else if (d.translationOf.id !== doc.id) {
    out.push(diagnostic('error', 'translation/id-mismatch', doc.file, `translationOf.id "${d.translationOf.id}" must equal the file name "${doc.id}" (a translation has its source's file name)`, doc.yaml.positionOf(['translationOf', 'id'])));
  }
  return out;
}

/**
 * A translation's own `version` is the source version it translates: its page, cover and every
 * footer print it. A translator who set `translationOf.version` to the source's new version and
 * left `version` printed "v1.3.2" on a text that says it translates 1.4.0.
 */
function ownVersion(doc: { file: string; yaml: SopDoc['yaml']; data?: { version?: string | undefined; translationOf?: { version?: string | undefined } | undefined } | undefined }): Diagnostic[] {
  const own = doc.data?.version;
  const of = doc.data?.translationOf?.version;
  if (!own || !of || own === of) return [];
  return [diagnostic('error', 'translation/version', doc.file, `version: ${own}, but translationOf.version is ${of}: a translation keeps the version of the source it translates (its page, cover and footers print it); set version to ${of}`, doc.yaml.positionOf(['version']))];
}

/**
 * Checks one translated SOP: language, source, its own `version`, `translationOf.version` (known, current: a warning
 * naming the sections changed since), and the section structure (the same numbers, levels and
 * order as the source at the version translated).
 */
export function checkSopTranslation(project: Project, doc: SopDoc, lang: string): Diagnostic[] {
  const out = sourceRules(doc, lang, project.sops, 'SOP', 'content/sops');
  const of = doc.data?.translationOf;
  const source = of && of.id === doc.id ? project.sops.find((s) => s.id === of.id) : undefined;
  out.push(...ownVersion(doc));
  if (source) out.push(...untranslated(source, doc));
  if (!doc.data || !of || !source?.data) return out;
  const at = doc.yaml.positionOf(['translationOf', 'version']);
  if (!of.version) {
    out.push(diagnostic('error', 'translation/no-version', doc.file, `translationOf.version: name the source version translated (the source is at ${source.data.version})`, doc.yaml.positionOf(['translationOf'])));
    return out;
  }
  const fresh = freshnessOf(project.root, source, of.version);
  if (fresh.status === 'unknown-version') {
    out.push(diagnostic('error', 'translation/unknown-version', doc.file, `translationOf.version: ${of.version} is not a version of ${source.file}; its history has ${fresh.known.join(', ')}`, at));
    return out;
  }
  if (fresh.status === 'outdated') {
    const what = fresh.sections ? (fresh.sections.length ? `sections changed since: ${sectionList(fresh.sections)}` : 'no section text changed since (only the frontmatter)') : fresh.note;
    out.push(diagnostic('warning', 'translation/outdated', doc.file, `translates ${source.id} ${fresh.from}; the source is at ${fresh.to}: ${what}; update the translation and set translationOf.version and version to ${fresh.to}`, at));
  }
  const expected = sourceOutlineAt(project.root, source, of.version)?.filter((s) => s.number !== '0');
  const mine = doc.sections;
  // A translation that already has the headings of the current source (a section inserted there
  // is translated) is being brought up to date: the outdated warning says what is left to do, and
  // comparing it with the old version's headings would point at the section after the new one.
  const caughtUp = fresh.status === 'outdated' && outlineMismatch(source.sections, mine) === -1;
  const i = expected && doc.tree && !caughtUp ? outlineMismatch(expected, mine) : -1;
  if (expected && i !== -1) {
    const [a, b] = [expected[i], mine[i]];
    const where = b?.at ?? { line: 1, column: 1 };
    const said = a ? `§${a.number} ${a.title}` : 'no more sections';
    out.push(diagnostic('warning', 'translation/structure', doc.file, `section ${b ? `§${b.number} "${b.title}"` : `count ${mine.length}`}: the source ${of.version} has ${said} here; keep the source's headings, in the same order and nesting, so section numbers and links match`, where));
  }
  out.push(...legalPlaceholders(source, doc));
  return out;
}

/**
 * The law a country filled in the source SOP and not in its translation: the French PDF's legal
 * basis and concordance kept "[Loi sur l'état civil, année]" under the English one's
 * "Civil Registration Act 2019", and nothing said so. Entries match by id (`basis-<n>` when absent).
 */
function legalPlaceholders(source: SopDoc, doc: SopDoc): Diagnostic[] {
  const idOf = (entry: { id?: string | undefined }, i: number) => entry.id ?? `basis-${i + 1}`;
  const mine = doc.data?.legalBasis ?? [];
  return (source.data?.legalBasis ?? []).flatMap((s, i) => {
    if (isPlaceholder(s.instrument) || isPlaceholder(s.provision)) return [];
    const j = mine.findIndex((t, k) => idOf(t, k) === idOf(s, i));
    const t = mine[j];
    if (!t) return [];
    return (['instrument', 'provision'] as const).flatMap((field) =>
      isPlaceholder(t[field]) ? [diagnostic('warning', 'translation/legal-placeholder', doc.file, `legalBasis (${idOf(s, i)}).${field}: "${t[field]}" is still the model's placeholder, where ${source.file} names "${s[field]}": write the country's law here too, as its official text in this language has it (or as the source writes it)`, doc.yaml.positionOf(['legalBasis', j, field]))] : [],
    );
  });
}

/** Checks one translated module: language, source, and a `translationOf.version` behind the module's. */
export function checkModuleTranslation(project: Project, doc: ModuleDoc, lang: string): Diagnostic[] {
  const out = sourceRules(doc, lang, project.modules, 'module', 'content/modules');
  const of = doc.data?.translationOf;
  const source = of && of.id === doc.id ? project.modules.find((m) => m.id === of.id) : undefined;
  out.push(...ownVersion(doc));
  if (source) out.push(...untranslated(source, doc));
  if (!of?.version || !source?.data) return out;
  const outdated = of.version !== source.data.version;
  if (outdated) {
    const changed = sessionsChangedSince(project.root, source, of.version);
    const what = changed === undefined ? `the text of ${of.version} is not in git, so the sessions changed since cannot be named` : changed.length ? `sessions changed since: ${changed.join(', ')}` : 'no session changed since (only the frontmatter)';
    out.push(diagnostic('warning', 'translation/outdated', doc.file, `translates ${source.id} ${of.version}; the module is at ${source.data.version}: ${what}; update the translation and set translationOf.version and version to ${source.data.version}`, doc.yaml.positionOf(['translationOf', 'version'])));
  }
  if (doc.tree && source.tree) out.push(...moduleStructure(source, doc, outdated ? 'warning' : 'error'));
  return out;
}

/** A session as a translation depends on it: its title, duration, method and every word in it. */
const sessionFacts = (s: SessionInfo) => JSON.stringify([s.title, s.duration ?? null, s.method, toString(s.node)]);

/**
 * The sessions of a module changed since a version, as "2 "Title"" (by the current numbering;
 * "(removed)" for one the source no longer has), read from git as a translated SOP's sections
 * are; undefined when that version's text is not in git. The module's outdated warning named no
 * session, so a translator had to compare two versions by hand to find the work.
 */
function sessionsChangedSince(root: string, source: ModuleDoc, version: string): string[] | undefined {
  const old = sopTextAtVersion(root, source.file, version);
  const parsed = old ? parseMdx(splitFrontmatter(old.text).body) : undefined;
  if (!parsed || 'error' in parsed) return undefined;
  const before = outlineOf(parsed.tree).sessions;
  const norm = (t: string) => t.trim().toLowerCase();
  const matched = new Set<SessionInfo>();
  const out: string[] = [];
  for (const s of source.outline.sessions) {
    const twin = before.find((b) => !matched.has(b) && norm(b.title) === norm(s.title)) ?? before.find((b) => !matched.has(b) && b.n === s.n);
    if (twin) matched.add(twin);
    if (!twin) out.push(`${s.n} "${s.title}" (added)`);
    else if (sessionFacts(twin) !== sessionFacts(s)) out.push(`${s.n} "${s.title}"`);
  }
  for (const b of before) if (!matched.has(b)) out.push(`"${b.title}" (removed)`);
  return out;
}

/**
 * A translated module teaches the source's sessions: the same number, in the same order, each
 * with the source's duration and method, slides, handouts, case studies and job aids. Courses
 * schedule sessions by number and the timetables add their minutes, so a French module that
 * left out a session passed the check while its timetable ran 1h50 under a "Total 3h" and the
 * French trainer's guide put the post-test in the missing session's place. An error while the
 * translation claims the source's current version; a warning beside `translation/outdated`.
 */
function moduleStructure(source: ModuleDoc, doc: ModuleDoc, severity: 'error' | 'warning'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const theirs = source.outline.sessions;
  const mine = doc.outline.sessions;
  const keep = 'keep the source\'s sessions, in the same order, with their durations and elements, so session numbers, timetables and courses match';
  const say = (message: string, at?: { line: number; column: number }) => out.push(diagnostic(severity, 'translation/structure', doc.file, `${message}; ${keep}`, at ?? doc.yaml.positionOf(['translationOf'])));
  if (mine.length !== theirs.length) say(`${mine.length} session${mine.length === 1 ? '' : 's'} here, ${theirs.length} in ${source.file}`, mine[theirs.length]?.at);
  const count = (kind: string, a: number, b: number) => (a === b ? [] : [`${a} ${kind} here, ${b} in the source`]);
  const ids = (list: readonly string[]) => list.join(', ') || 'none';
  // A case study is named by its scenario, else its workflow, else its title (one with neither was "?").
  const caseName = (c: { scenario?: string | undefined; workflow?: string | undefined; title: string }) => c.scenario ?? c.workflow ?? `"${c.title}"`;
  for (let i = 0; i < Math.min(mine.length, theirs.length); i++) {
    const [a, b] = [mine[i]!, theirs[i]!];
    const differences = [
      ...(a.duration !== b.duration ? [`${a.duration ?? '?'} minutes here, ${b.duration ?? '?'} in the source`] : []),
      ...(a.method !== b.method ? [`method "${a.method}" here, "${b.method}" in the source`] : []),
      ...count('slides', a.slides.length, b.slides.length),
      ...count('activities', a.activities.length, b.activities.length),
      ...(a.activities.some((x, k) => x.duration !== b.activities[k]?.duration) && a.activities.length === b.activities.length ? ['activity durations differ from the source'] : []),
      ...(ids(a.handouts.map((h) => h.id)) !== ids(b.handouts.map((h) => h.id)) ? [`handouts ${ids(a.handouts.map((h) => h.id))} here, ${ids(b.handouts.map((h) => h.id))} in the source`] : []),
      ...(ids(a.caseStudies.map((c) => `${c.workflow ?? ''}/${c.scenario ?? ''}`)) !== ids(b.caseStudies.map((c) => `${c.workflow ?? ''}/${c.scenario ?? ''}`)) ? [`case studies ${ids(a.caseStudies.map(caseName))} here, ${ids(b.caseStudies.map(caseName))} in the source`] : []),
      ...(ids(a.jobAids.map((j) => j.workflow)) !== ids(b.jobAids.map((j) => j.workflow)) ? [`job aids ${ids(a.jobAids.map((j) => j.workflow))} here, ${ids(b.jobAids.map((j) => j.workflow))} in the source`] : []),
    ];
    if (!differences.length) continue;
    // The first session that differs: after a session left out, every later one would differ too.
    say(`session ${a.n} "${a.title}" does not match the source's session ${b.n} "${b.title}": ${differences.join('; ')}`, a.at);
    break;
  }
  return out;
}

