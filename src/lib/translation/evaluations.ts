import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluation } from '../../schemas/evaluation.ts';
import { listFiles } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { evaluationDiagnostics, evaluationsDir, loadEvaluationFile, publishedEvaluations } from '../training/evaluation/load.ts';
import { translationLayout } from './paths.ts';

/** Absolute paths of `quizzes/<lang>/evaluations/*.yaml`, the translated evaluation forms of a language. */
export function translatedEvaluationFiles(root: string, lang: string): string[] {
  return listFiles(join(root, translationLayout(lang).evaluations), '.yaml');
}

/** `id:type:group:options` of every item, for comparing a translation's structure with its source's. */
const shape = (item: Evaluation['items'][number]) => `${item.type}:${item.group}:${(item.options ?? []).map((o) => o.id).join(',')}`;

/**
 * Checks a translated evaluation form (ARCHITECTURE.md, Translations): its own schema and rules,
 * its folder's language, a source of the same file name, and exactly the source's groups, items
 * (same ids, types and groups), options and number of scale points, so a response from any
 * language lands in the same CSV columns. The first item that differs is reported at its line.
 * @param root Project root.
 * @param abs Absolute path of `quizzes/<lang>/evaluations/<id>.yaml`.
 * @param lang The folder's language.
 */
export function checkEvaluationTranslation(root: string, abs: string, lang: string): Diagnostic[] {
  const doc = loadEvaluationFile(root, abs);
  const out = evaluationDiagnostics(doc);
  const sourceAbs = join(root, evaluationsDir, `${doc.id}.yaml`);
  if (!existsSync(sourceAbs)) return [...out, diagnostic('error', 'translation/unknown-source', doc.file, `no evaluation form ${evaluationsDir}/${doc.id}.yaml: a translated form has its source's file name`)];
  const form = doc.evaluation;
  const source = loadEvaluationFile(root, sourceAbs).evaluation;
  if (!form || !source) return out;
  const at = (path: (string | number)[]) => doc.yaml.positionOf(path);
  const compare = `translate the text only and keep the ids of ${evaluationsDir}/${doc.id}.yaml`;
  if (form.language !== lang) out.push(diagnostic('error', 'translation/language', doc.file, `language: found "${form.language}"; a form under ${translationLayout(lang).evaluations}/ must say language: ${lang}`, at(['language'])));
  if (form.scale.points !== source.scale.points) out.push(diagnostic('error', 'translation/evaluation-ids', doc.file, `scale.points: ${form.scale.points}, the source has ${source.scale.points}; the answers must mean the same points in every language`, at(['scale'])));
  const groups = new Set(source.groups.map((g) => g.id));
  form.groups.forEach((g, i) => {
    if (!groups.has(g.id)) out.push(diagnostic('error', 'translation/evaluation-ids', doc.file, `group "${g.id}" is not a group of the source; ${compare}`, at(['groups', i, 'id'])));
  });
  const sourceItems = new Map(source.items.map((item) => [item.id, item]));
  form.items.forEach((item, i) => {
    const was = sourceItems.get(item.id);
    if (!was) out.push(diagnostic('error', 'translation/evaluation-ids', doc.file, `item "${item.id}" is not an item of the source (its id is a column of the responses CSV); ${compare}`, at(['items', i, 'id'])));
    else if (shape(was) !== shape(item)) out.push(diagnostic('error', 'translation/evaluation-ids', doc.file, `item "${item.id}": type, group or option ids differ from the source's (${shape(was)}); ${compare}`, at(['items', i])));
  });
  const mine = new Set(form.items.map((item) => item.id));
  const missing = source.items.filter((item) => !mine.has(item.id)).map((item) => item.id);
  if (missing.length) out.push(diagnostic('error', 'translation/evaluation-ids', doc.file, `items missing from the translation: ${missing.join(', ')}; ${compare}`, at(['items'])));
  return out;
}

/**
 * The evaluation form a reader of a language fills in: its translation when there is one
 * without errors, else the source (the page then says it is not translated yet).
 * @param root Project root.
 * @param id Evaluation id.
 * @param lang Reader's language.
 */
export function evaluationIn(root: string, id: string, lang: string): { form: Evaluation; translated: boolean } | undefined {
  const source = publishedEvaluations(root).find((f) => f.id === id);
  if (!source) return undefined;
  if (lang === source.language) return { form: source, translated: true };
  const abs = translatedEvaluationFiles(root, lang).find((f) => f.endsWith(`/${id}.yaml`));
  if (!abs || checkEvaluationTranslation(root, abs, lang).some((d) => d.severity === 'error')) return { form: source, translated: false };
  const form = loadEvaluationFile(root, abs).evaluation;
  return form ? { form, translated: true } : { form: source, translated: false };
}
