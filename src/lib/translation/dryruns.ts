import type { DryRun } from '../../schemas/dryrun.ts';
import type { DryRunTranslation } from '../../schemas/translation.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { DryRunDoc } from '../lifecycle/dryrun/load.ts';
import type { DryRunTranslationDoc } from './load.ts';
import { DRYRUN, quizFreshness, type QuizFreshness } from './quiz-freshness.ts';

/**
 * A dry-run record with its words in a language (ARCHITECTURE.md, Translations: formats): title,
 * objectives, sites' names and types, observers, who plays each role, the debrief's place and
 * agenda from the translation, each the source's where the translation does not give it. Ids,
 * SOP, version, dates, cases, results and `example` stay the source's.
 * @param data The source record.
 * @param words The translation's words.
 */
export function localizeDryRun(data: DryRun, words: DryRunTranslation): DryRun {
  const sameLength = <T>(mine: T[] | undefined, theirs: T[] | undefined) => (mine && theirs && mine.length === theirs.length ? mine : theirs);
  return {
    ...data,
    title: words.title ?? data.title,
    objectives: sameLength(words.objectives, data.objectives)!,
    sites: data.sites.map((s) => ({ ...s, name: words.sites[s.id]?.name ?? s.name, type: words.sites[s.id]?.type ?? s.type })),
    observers: data.observers.map((o) => {
      const w = words.observers[o.name];
      return { ...o, name: w?.name ?? o.name, ...(o.organisation !== undefined ? { organisation: w?.organisation ?? o.organisation } : {}) };
    }),
    roles: data.roles.map((r) => ({ ...r, who: words.roles[r.role] ?? r.who })),
    ...(data.debrief
      ? {
          debrief: {
            ...data.debrief,
            ...(data.debrief.place !== undefined ? { place: words.debrief?.place ?? data.debrief.place } : {}),
            ...(data.debrief.agenda !== undefined ? { agenda: sameLength(words.debrief?.agenda, data.debrief.agenda) } : {}),
          },
        }
      : {}),
  };
}

/**
 * The prose fields of a record a translation leaves in the source's words, as paths into the
 * record (`title`, `sites.hospital-point.type`, `roles.registrar`...); every field when there is
 * no translation. A list of another length than the source's is not used, so it counts as missing.
 */
export function untranslatedFields(data: DryRun, words: DryRunTranslation | undefined): string[] {
  const w = words ?? { sites: {}, observers: {}, roles: {} };
  const out: string[] = [];
  if (w.title === undefined) out.push('title');
  if (w.objectives?.length !== data.objectives.length) out.push('objectives');
  for (const s of data.sites) for (const k of ['name', 'type'] as const) if (w.sites[s.id]?.[k] === undefined) out.push(`sites.${s.id}.${k}`);
  for (const o of data.observers) {
    if (w.observers[o.name]?.name === undefined) out.push(`observers."${o.name}".name`);
    if (o.organisation !== undefined && w.observers[o.name]?.organisation === undefined) out.push(`observers."${o.name}".organisation`);
  }
  for (const role of new Set(data.roles.map((r) => r.role))) if (w.roles[role] === undefined) out.push(`roles.${role}`);
  if (data.debrief?.place !== undefined && w.debrief?.place === undefined) out.push('debrief.place');
  if (data.debrief?.agenda !== undefined && w.debrief?.agenda?.length !== data.debrief.agenda.length) out.push('debrief.agenda');
  return out;
}

/** How a record's translation stands against the source record (`quizFreshness`, part by part, from git). */
export function dryRunTranslationFreshness(root: string, source: DryRunDoc, translation: DryRunTranslationDoc): QuizFreshness {
  return quizFreshness(root, source.file, translation.file, DRYRUN);
}

/**
 * A record translation must translate a record the project has, and only what it writes: an
 * unknown record, site, role or observer, an `example` that is not the source's, or a list of
 * another length than the source's is an error at its line; a part the source changed after the
 * translation's last commit is a warning naming the parts (`translation/dryrun-outdated`).
 * @param root Project root (inside a git work tree for freshness).
 * @param doc The translation file.
 * @param records The source records (`loadDryRuns`).
 */
export function checkDryRunTranslation(root: string, doc: DryRunTranslationDoc, records: readonly DryRunDoc[]): Diagnostic[] {
  const source = records.find((r) => r.id === doc.id);
  if (!source) return [diagnostic('error', 'translation/unknown-source', doc.file, `no dry run content/dryruns/${doc.id}.yaml: a translated record has its source's file name; known: ${records.map((r) => r.id).join(', ') || 'none'}`)];
  const data = source.data;
  if (!data) return [];
  const out: Diagnostic[] = [];
  const w = doc.words;
  const at = (path: (string | number)[]) => doc.yaml.positionOf(path);
  const unknown = (section: string, key: string, known: string[], what: string) =>
    out.push(diagnostic('error', 'translation/unknown-id', doc.file, `${section}: "${key}" is not ${what} of ${source.file}; it has ${known.map((k) => `"${k}"`).join(', ') || 'none'} (the key is the source's, exactly)`, at([section, key])));
  if (w.example !== undefined && w.example !== data.example) out.push(diagnostic('error', 'translation/dryrun-example', doc.file, `example: ${w.example} here, ${data.example} in ${source.file}: a translation is a model example exactly when its source is; ${data.example ? 'write example: true' : 'remove the line'}`, at(['example'])));
  for (const key of Object.keys(w.sites)) if (!data.sites.some((s) => s.id === key)) unknown('sites', key, data.sites.map((s) => s.id), 'a site id');
  for (const key of Object.keys(w.observers)) if (!data.observers.some((o) => o.name === key)) unknown('observers', key, data.observers.map((o) => o.name), "an observer's name");
  for (const key of Object.keys(w.roles)) if (!data.roles.some((r) => r.role === key)) unknown('roles', key, [...new Set(data.roles.map((r) => r.role))], 'a role');
  for (const [key, o] of Object.entries(w.observers)) {
    const own = data.observers.find((x) => x.name === key);
    if (own && own.organisation === undefined && o.organisation !== undefined) out.push(diagnostic('error', 'translation/unknown-id', doc.file, `observers: "${key}" has no organisation in ${source.file} to translate; remove it`, at(['observers', key, 'organisation'])));
  }
  const lengths: [string[], unknown[] | undefined, unknown[] | undefined][] = [
    [['objectives'], w.objectives, data.objectives],
    [['debrief', 'agenda'], w.debrief?.agenda, data.debrief?.agenda],
  ];
  for (const [path, mine, theirs] of lengths) {
    if (!mine) continue;
    const name = path.join('.');
    if (!theirs) out.push(diagnostic('error', 'translation/unknown-id', doc.file, `${name}: ${source.file} has none to translate; remove it`, at(path)));
    else if (mine.length !== theirs.length) out.push(diagnostic('error', 'translation/dryrun-list', doc.file, `${name}: ${mine.length} here, ${theirs.length} in ${source.file}: translate each of the source's, in its order (until then the prints use the source's words)`, at(path)));
  }
  if (w.debrief?.place !== undefined && data.debrief?.place === undefined) out.push(diagnostic('error', 'translation/unknown-id', doc.file, `debrief.place: ${source.file} has no debrief place to translate; remove it`, at(['debrief', 'place'])));
  if (w.title !== undefined && w.title === data.title) out.push(diagnostic('warning', 'translation/untranslated', doc.file, `title: the source's words, not translated`, at(['title'])));
  const outdated = outdatedDiagnostic(root, source, doc);
  return outdated ? [...out, outdated] : out;
}

/** The parts of a record translation the source changed since (a warning), or undefined. */
function outdatedDiagnostic(root: string, source: DryRunDoc, doc: DryRunTranslationDoc): Diagnostic | undefined {
  const f = dryRunTranslationFreshness(root, source, doc);
  if (f.status !== 'outdated') return undefined;
  const one = f.items.length === 1;
  const parts = f.items.map((k) => `${k} (since commit ${f.since[k]?.slice(0, 7)})`).join(', ');
  const first = f.items[0]!;
  const dot = first.indexOf('.');
  const path = dot > 0 && ['sites', 'observers', 'roles'].includes(first.slice(0, dot)) ? [first.slice(0, dot), first.slice(dot + 1)] : [first];
  return diagnostic('warning', 'translation/dryrun-outdated', doc.file, `${source.file} changed ${parts} after ${one ? 'its translation here was' : 'their translations here were'} last changed: translate ${one ? 'it' : 'them'} again; until then the plan, sheets and report in this language print the old words (a translation still right: commit a change inside the part, a comment saying so is enough)`, doc.yaml.positionOf(path));
}
