import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../check/context.ts';
import { layout, type Project } from '../content/project.ts';
import { isPlaceholder } from '../content/placeholder.ts';
import { resolveRef } from '../content/refs.ts';
import { parseRefTarget } from '../check/sop-rules.ts';
import { projectIn } from './localize.ts';
import { compareVersions } from '../lifecycle/comments.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { loadQuizFile, type QuizDoc } from '../assessment/quiz-load.ts';
import { stateNameDiagnostics, workflowCache } from '../assessment/check.ts';
import { loadWorkflowFileInRun, WorkflowLoadError, workflowFiles, type LoadedWorkflow } from '../workflow/load.ts';
import { checkCourseTranslation } from './courses.ts';
import { checkDryRunTranslation } from './dryruns.ts';
import { loadDryRuns } from '../lifecycle/dryrun/load.ts';
import { checkModuleTranslation, checkSopTranslation } from './check-docs.ts';
import { checkListIds, checkWorkflowLabels, sourceIds } from './check-lists.ts';
import { checkEvaluationTranslation, translatedEvaluationFiles } from './evaluations.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import { GLOSSARY, PARAMETERS, quizFreshness, ROLES, type ListKind } from './quiz-freshness.ts';
import type { TranslatedList } from './load.ts';
import { quizIdSignature } from './quizzes.ts';
import { quizNumberMismatches } from './quiz-numbers.ts';
import { stemInstructionRule } from '../assessment/quiz-rules.ts';

const idOf = (abs: string) => abs.slice(abs.lastIndexOf('/') + 1).replace(/\.machine\.ts$/, '');

/** The first item or option id of a translation that is not the source's, and where it is. */
function firstIdDifference(quiz: Quiz, source: Quiz): { what: string; path: (string | number)[] } {
  const ids = (q: Quiz) => q.items.map((i) => i.id);
  for (const [i, item] of quiz.items.entries()) {
    const own = source.items.find((s) => s.id === item.id);
    if (!own) {
      const missing = ids(source).filter((id) => !ids(quiz).includes(id));
      return { what: `item "${item.id}" is not in the source${missing.length ? ` (the source's ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not here)` : ''}`, path: ['items', i, 'id'] };
    }
    const [here, there] = [item.options.map((o) => o.id).sort(), own.options.map((o) => o.id).sort()];
    if (here.join(',') !== there.join(',')) return { what: `item "${item.id}": options ${here.join(', ') || 'none'} here, the source's are ${there.join(', ')}`, path: ['items', i, 'options'] };
  }
  const missing = ids(source).filter((id) => !ids(quiz).includes(id));
  const dupe = ids(quiz).find((id, i, all) => all.indexOf(id) !== i);
  return { what: missing.length ? `item${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the source ${missing.length > 1 ? 'are' : 'is'} missing` : `item "${dupe ?? '?'}" is there twice`, path: ['items'] };
}

/** A translated quiz has the source's file name, its language, and exactly the source's item and option ids. */
function checkQuizTranslation(root: string, doc: QuizDoc, lang: string): Diagnostic[] {
  const out = [...doc.diagnostics];
  const sourceAbs = join(root, layout.quizzes, `${doc.id}.yaml`);
  if (!existsSync(sourceAbs)) return [...out, diagnostic('error', 'translation/unknown-source', doc.file, `no quiz ${layout.quizzes}/${doc.id}.yaml: a translated quiz has its source's file name`)];
  const sourceDoc = loadQuizFile(root, sourceAbs);
  const source = sourceDoc.quiz;
  const quiz = doc.quiz;
  if (!quiz || !source) return out;
  if (quiz.language !== lang) out.push(diagnostic('error', 'translation/language', doc.file, `language: add language: ${lang} (the folder's language)`, doc.yaml.positionOf(['language'])));
  if (quizIdSignature(quiz) !== quizIdSignature(source)) {
    const { what, path } = firstIdDifference(quiz, source);
    out.push(diagnostic('error', 'translation/quiz-ids', doc.file, `${what}: the items and options must be the source's (same ids): translate the text only; compare with ${layout.quizzes}/${doc.id}.yaml`, doc.yaml.positionOf(path)));
    return out;
  }
  // Scoring reads the source's key (quizIn); a different answer here would mislead a translator reading this file.
  const answer = (item: Quiz['items'][number]) => (item.type === 'order' ? item.options.map((o) => o.id) : item.options.filter((o) => o.correct).map((o) => o.id)).join(item.type === 'order' ? ' ' : ', ');
  quiz.items.forEach((item, i) => {
    const own = source.items.find((s) => s.id === item.id);
    if (own && answer(own) !== answer(item)) {
      out.push(diagnostic('warning', 'translation/quiz-key', doc.file, `item ${item.id}: its answer here (${answer(item) || 'none'}) is not the source's (${answer(own)}); tests are scored with the source's key, so copy its correct flags and order`, doc.yaml.positionOf(['items', i])));
    }
  });
  // The same rule as the source's (quizRules), on this language's stems, with the source's types.
  quiz.items.forEach((item, i) => {
    const own = source.items.find((s) => s.id === item.id);
    for (const issue of own ? stemInstructionRule(item, own.type, i) : []) out.push(diagnostic(issue.severity, issue.code, doc.file, issue.message, doc.yaml.positionOf(issue.path)));
  });
  const sourceFile = `${layout.quizzes}/${doc.id}.yaml`;
  const f = quizFreshness(root, sourceFile, doc.file);
  const outdated = checkQuizFreshness(doc, quiz, sourceFile, f);
  if (outdated) out.push(outdated);
  out.push(...checkQuizNumbers(doc, sourceDoc, sourceFile, new Set(f.status === 'outdated' ? f.items : [])));
  return out;
}

/**
 * Items whose numbers (dates, days, counts, amounts) are not their source item's
 * (`quizNumberMismatches`): a translation kept while the source was rewritten, which freshness
 * cannot see without the pack's git history. A warning, not an error: a translation may rightly
 * write a number another way (a date in words, "24 heures" for "a day"), and its words are still
 * scored on the source's key; one warning per item, at its stem.
 */
function checkQuizNumbers(doc: QuizDoc, sourceDoc: QuizDoc, source: string, skip: ReadonlySet<string>): Diagnostic[] {
  const [written, sourceWritten] = [doc.yaml.data as Quiz | undefined, sourceDoc.yaml.data as Quiz | undefined];
  if (!written?.items || !sourceWritten?.items) return [];
  return quizNumberMismatches(written, sourceWritten, skip).map((m) => {
    const parts = [
      ...(m.onlyHere.length ? [`${m.onlyHere.join(', ')} here and not in the source`] : []),
      ...(m.onlySource.length ? [`${m.onlySource.join(', ')} in the source and not here`] : []),
    ];
    const message = `item ${m.item}: its numbers are not the source's (${parts.join('; ')}), so the case may have been rewritten in ${source} since it was translated, and readers of this language answer another question than the key's; compare the item with the source and translate it again, or, where the number is rightly written another way, write it as the source does`;
    return diagnostic('warning', 'translation/quiz-numbers', doc.file, message, doc.yaml.positionOf(['items', m.index, 'stem']));
  });
}

/**
 * Items the source changed after the commit that last changed their translation (`quizFreshness`):
 * readers get them in the source's words, so the translator is told which to translate again.
 * Committing a change to the item (a comment inside it saying it was checked is enough) marks it current.
 */
function checkQuizFreshness(doc: QuizDoc, quiz: Quiz, source: string, f: ReturnType<typeof quizFreshness>): Diagnostic | undefined {
  if (f.status !== 'outdated') return undefined;
  const first = quiz.items.findIndex((i) => f.items.includes(i.id));
  const one = f.items.length === 1;
  const items = f.items.map((id) => `${id} (since commit ${f.since[id]?.slice(0, 7)})`).join(', ');
  const message = `the source's ${one ? 'item' : 'items'} ${items} changed after ${one ? 'its translation here was' : 'their translations here were'} last changed: translate ${one ? 'it' : 'them'} again from ${source}; until then readers of this language get ${one ? 'that item' : 'those items'} in the source's words (a translation still right: commit a change inside the item, a comment under its id saying so is enough)`;
  return diagnostic('warning', 'translation/quiz-outdated', doc.file, message, first >= 0 ? doc.yaml.positionOf(['items', first]) : undefined);
}

/**
 * Entries of a translated glossary, roles or parameters file whose source entry changed after the
 * commit that last changed their translation (`quizFreshness`, per entry, as for quizzes): a
 * definition the source corrected went on being printed in its old meaning in every other
 * language, and nothing said so. One warning per file, at the first.
 */
function checkListFreshness(root: string, list: TranslatedList<{ id: string }>, source: string, kind: ListKind, what: string): Diagnostic[] {
  if (!list.entries.length) return [];
  const f = quizFreshness(root, source, list.file, kind);
  if (f.status !== 'outdated') return [];
  const first = list.entries.findIndex((e) => f.items.includes(e.id));
  const one = f.items.length === 1;
  const shown = f.items.slice(0, 8).map((id) => `${id} (since commit ${f.since[id]?.slice(0, 7)})`).join(', ');
  const more = f.items.length > 8 ? ` and ${f.items.length - 8} more` : '';
  const message = `the source's ${what}${one ? '' : 's'} ${shown}${more} changed in ${source} after ${one ? 'its translation here was' : 'their translations here were'} last changed: translate ${one ? 'it' : 'them'} again; until then readers of this language get the old words (a translation still right: commit a change inside the entry, a comment under its id saying so is enough)`;
  return [diagnostic('warning', 'translation/list-outdated', list.file, message, first >= 0 ? list.yaml?.positionOf([first, 'id']) : undefined)];
}

/**
 * `sopkit check` for translations (ARCHITECTURE.md, Translations): every translated SOP, module,
 * glossary, roles, parameter labels, course words, workflow labels, quiz and evaluation form against its source.
 */
/**
 * `<Ref>`s of a language's SOPs and modules that the source project resolves and the language's
 * view does not: they point at sections of an SOP whose translation numbers its sections
 * otherwise (a heading demoted, one left out), and the pages in that language link through the
 * translation, so the build stopped on the first with a stack trace naming another file, where
 * check had only warned (`translation/structure`). One error per such translation, in its file:
 * one demoted heading broke 89 references.
 */
function translatedRefRules(project: Project, lang: string): Diagnostic[] {
  const content = project.translations[lang];
  if (!content) return [];
  const view = projectIn(project, lang);
  const broken = new Map<string, { sections: Set<string>; count: number; first: string }>();
  for (const doc of [...content.sops, ...content.modules]) {
    for (const use of doc.uses) {
      const to = use.name === 'Ref' ? use.attributes.to : undefined;
      if (to === undefined || resolveRef(view, to, doc.id) || !resolveRef(project, to, doc.id)) continue;
      const target = parseRefTarget(to, doc.id);
      const file = view.sops.find((s) => s.id === target.sop)?.file;
      if (!file) continue;
      const entry = broken.get(file) ?? { sections: new Set<string>(), count: 0, first: `${doc.file} line ${use.at.line} (<Ref to="${to}">)` };
      entry.count++;
      if (target.section) entry.sections.add(target.section);
      broken.set(file, entry);
    }
  }
  return [...broken].map(([file, b]) => {
    const doc = content.sops.find((s) => s.file === file);
    const sections = [...b.sections].sort(compareVersions);
    const list = `${sections.slice(0, 6).join(', ')}${sections.length > 6 ? ', ...' : ''}`;
    const refs = b.count === 1 ? 'a <Ref> of the pages' : `${b.count} <Ref>s of the pages`;
    return diagnostic('error', 'translation/ref-section', file, `${refs} in this language point${b.count === 1 ? 's' : ''} at section${sections.length === 1 ? '' : 's'} ${list} of this translation, which the source has and it does not (the first: ${b.first}), and the build stops on ${b.count === 1 ? 'it' : 'them'}: its headings differ from the source's (translation/structure says where); give it the source's headings, in the same order and nesting`, doc?.yaml.positionOf(['translationOf']));
  });
}

export async function checkTranslations(ctx: CheckContext): Promise<Diagnostic[]> {
  const { project } = ctx;
  const out: Diagnostic[] = [];
  const known = sourceIds(project);
  const machines = new Map<string, LoadedWorkflow | undefined>();
  const workflow = workflowCache(project.root, project);
  const files = workflowFiles(project.root);
  const records = Object.values(project.translations).some((c) => c.dryruns.length) ? loadDryRuns(project.root) : [];
  for (const [lang, content] of Object.entries(project.translations)) {
    for (const doc of content.sops) out.push(...checkSopTranslation(project, doc, lang));
    for (const doc of content.modules) out.push(...checkModuleTranslation(project, doc, lang));
    out.push(...translatedRefRules(project, lang));
    out.push(...checkListIds(content.glossary, known.glossary, layout.glossary), ...checkListFreshness(project.root, content.glossary, layout.glossary, GLOSSARY, 'term'));
    out.push(...checkListIds(content.roles, known.roles, layout.roles), ...checkListFreshness(project.root, content.roles, layout.roles, ROLES, 'role'));
    out.push(...checkListIds(content.parameters, known.parameters, layout.parameters), ...checkListFreshness(project.root, content.parameters, layout.parameters, PARAMETERS, 'parameter'));
    out.push(...parameterSourcePlaceholders(project, content.parameters));
    for (const doc of content.courses) out.push(...checkCourseTranslation(doc, project.courses));
    for (const doc of content.dryruns) out.push(...checkDryRunTranslation(project.root, doc, records));
    for (const labels of content.workflows) {
      if (!machines.has(labels.id)) {
        const abs = files.find((f) => idOf(f) === labels.id);
        try {
          machines.set(labels.id, abs ? await loadWorkflowFileInRun(project, project.root, abs) : undefined);
        } catch (error) {
          // The workflow checker reports a machine that does not load.
          if (!(error instanceof WorkflowLoadError)) throw error;
          continue;
        }
      }
      out.push(...checkWorkflowLabels(labels, machines.get(labels.id), files.map(idOf), known.parameters));
    }
    for (const abs of content.quizzes) {
      // Read once for both: the translation's own rules and the state names its scenario items write.
      const doc = loadQuizFile(project.root, abs);
      out.push(...checkQuizTranslation(project.root, doc, lang));
      out.push(...(await stateNameDiagnostics(doc, workflow)));
    }
    for (const abs of translatedEvaluationFiles(project.root, lang)) out.push(...checkEvaluationTranslation(project.root, abs, lang));
  }
  return out;
}

/**
 * Legal sources a country filled in content/parameters.yaml and not in a translation: the French
 * country profile kept "Fixée par [Loi relative à l'état civil, année]" under the English one's
 * law, and nothing said so (the SOPs' legalBasis had this warning). The pages now show the source's
 * citation there; one warning per file, with the count and the first.
 */
function parameterSourcePlaceholders(project: Project, list: Project['translations'][string]['parameters']): Diagnostic[] {
  const open = list.entries.flatMap((entry, i) => {
    const source = project.parameters.get(entry.id)?.source;
    return entry.source && isPlaceholder(entry.source) && source && !isPlaceholder(source) ? [{ i, id: entry.id, source }] : [];
  });
  if (!open.length) return [];
  const first = open[0]!;
  return [
    diagnostic(
      'warning',
      'translation/legal-placeholder',
      list.file,
      `${open.length === 1 ? `parameter ${first.id}: source is` : `${open.length} parameters' sources are`} still the model's placeholder where ${layout.parameters} names the law (the first, ${first.id}: "${first.source}"), so this language's country profile shows the source's citation; write the country's law here too, as its official text in this language has it (or as the source writes it)`,
      list.yaml?.positionOf([first.i, 'source']),
    ),
  ];
}
