import type { Project, SopDoc } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { freshnessOf, sourceOutlineAt } from './freshness.ts';

const sectionList = (sections: { number: string; title: string }[]) => sections.map((s) => `§${s.number} ${s.title}`).join(', ');

/** Rules common to a translated SOP or module: its language, its source. */
function sourceRules(doc: SopDoc | ModuleDoc, lang: string, sources: readonly { id: string }[], kind: string, folder: string): Diagnostic[] {
  const d = doc.data;
  if (!d) return [];
  const out: Diagnostic[] = [];
  if (d.language !== lang) {
    out.push(diagnostic('error', 'translation/language', doc.file, `language: found "${d.language}"; a file under content/${lang}/ must say language: ${lang}`, doc.yaml.positionOf(['language'])));
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
 * Checks one translated SOP: language, source, `translationOf.version` (known, current: a warning
 * naming the sections changed since), and the section structure (the same numbers, levels and
 * order as the source at the version translated).
 */
export function checkSopTranslation(project: Project, doc: SopDoc, lang: string): Diagnostic[] {
  const out = sourceRules(doc, lang, project.sops, 'SOP', 'content/sops');
  const of = doc.data?.translationOf;
  const source = of && of.id === doc.id ? project.sops.find((s) => s.id === of.id) : undefined;
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
    out.push(diagnostic('warning', 'translation/outdated', doc.file, `translates ${source.id} ${fresh.from}; the source is at ${fresh.to}: ${what}; update the translation and set translationOf.version to ${fresh.to}`, at));
  }
  const expected = sourceOutlineAt(project.root, source, of.version)?.filter((s) => s.number !== '0');
  if (expected && doc.tree) {
    const mine = doc.sections;
    const n = Math.max(expected.length, mine.length);
    for (let i = 0; i < n; i++) {
      const a = expected[i];
      const b = mine[i];
      if (a && b && a.number === b.number && a.level === b.level) continue;
      const where = b?.at ?? { line: 1, column: 1 };
      const said = a ? `§${a.number} ${a.title}` : 'no more sections';
      out.push(diagnostic('warning', 'translation/structure', doc.file, `section ${b ? `§${b.number} "${b.title}"` : `count ${mine.length}`}: the source ${of.version} has ${said} here; keep the source's headings, in the same order and nesting, so section numbers and links match`, where));
      break;
    }
  }
  return out;
}

/** Checks one translated module: language, source, and a `translationOf.version` behind the module's. */
export function checkModuleTranslation(project: Project, doc: ModuleDoc, lang: string): Diagnostic[] {
  const out = sourceRules(doc, lang, project.modules, 'module', 'content/modules');
  const of = doc.data?.translationOf;
  const source = of && of.id === doc.id ? project.modules.find((m) => m.id === of.id) : undefined;
  if (!of?.version || !source?.data) return out;
  if (of.version !== source.data.version) {
    out.push(diagnostic('warning', 'translation/outdated', doc.file, `translates ${source.id} ${of.version}; the module is at ${source.data.version}: update the translation and set translationOf.version to ${source.data.version}`, doc.yaml.positionOf(['translationOf', 'version'])));
  }
  return out;
}

