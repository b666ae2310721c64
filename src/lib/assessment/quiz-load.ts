import { existsSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { quizSchema, type Quiz } from '../../schemas/quiz.ts';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import type { ParsedYaml } from '../content/frontmatter.ts';
import { layout, listFiles, relPath } from '../content/project.ts';
import { validateYaml } from '../content/validate.ts';
import { readSource } from '../content/read-source.ts';
import { SopkitError } from '../errors.ts';
import { loadParameters } from '../params/load.ts';
import { siteLanguage } from '../params/payload.ts';
import { substituteDeep, type ParamLookup } from '../params/substitute.ts';
import { quizRules } from './quiz-rules.ts';
import { knownIds } from '../known-ids.ts';

/** One quiz file, parsed and validated against the schema (not yet cross-checked). */
export interface QuizDoc {
  /** Id from the file name: `quizzes/birth-registration.yaml` → `birth-registration`. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  /**
   * The quiz as participants read it (`{param:id}` replaced by the country's values), or undefined
   * when the YAML or the schema rejected it. `yaml.data` keeps the text as written.
   */
  quiz: Quiz | undefined;
  /** The YAML with positions, to report a rule at its line. */
  yaml: ParsedYaml;
  /** YAML syntax and schema problems. */
  diagnostics: Diagnostic[];
}

const QUIZ_FILE = /\.ya?ml$/;

/** Absolute paths of the quiz files under a root (`quizzes/*.yaml`). */
export function quizFiles(root: string): string[] {
  return [...listFiles(join(root, layout.quizzes), '.yaml'), ...listFiles(join(root, layout.quizzes), '.yml')].sort();
}

/**
 * The text of each parameter of a project in a quiz's language, for `{param:id}` in quiz text:
 * every output (pages, booklets, keys, GIFT and Moodle files) reads the quiz through here.
 * @param root Project root.
 * @param language The quiz's `language` (a translation's); the pack's language when absent.
 */
export function quizParameterText(root: string, language?: string): ParamLookup {
  const { set } = loadParameters(root);
  const lang = language ?? siteLanguage(root);
  return (id, c) => set.text(id, lang, c);
}

type ValidatedQuiz = ReturnType<typeof validateYaml<Quiz>>;

// The last validation of each quiz file, with the text it came from: one check reads every quiz
// for its own rules, for the parameters, for the training plan and for its translations; the text
// is read every time, so an edited file is validated again, but unchanged it is parsed once. The
// parsed YAML is shared (read only); the quiz itself is worded afresh on every read.
const lastValidated = new Map<string, { text: string; validated: ValidatedQuiz }>();

function validateQuizText(text: string, file: string): ValidatedQuiz {
  let last = lastValidated.get(file);
  if (last?.text !== text) {
    last = { text, validated: validateYaml(text, quizSchema, file, 'quiz/schema') };
    lastValidated.set(file, last);
  }
  return last.validated;
}

/**
 * Reads and validates one quiz file; `{param:id}` in its strings becomes the parameter's value,
 * worded in the quiz's language (a translated quiz's `language`, else the pack's).
 * @param root Project root, for the relative path in messages.
 * @param absPath Absolute path of the YAML file.
 */
export function loadQuizFile(root: string, absPath: string): QuizDoc {
  const file = relPath(root, absPath);
  const id = basename(absPath).replace(QUIZ_FILE, '');
  // Read as every source is: a folder named like a quiz, or bytes that are not UTF-8 (a Latin-1
  // "é" became U+FFFD in every export without a word), are said so at the file.
  const read = readSource(absPath, file);
  if (read.text === undefined) return { id, file, quiz: undefined, yaml: validateQuizText('', file).yaml, diagnostics: read.diagnostics };
  const text = read.text.replace(/^\uFEFF/, '');
  const validated = validateQuizText(text, file);
  const diagnostics = [...read.diagnostics, ...validated.diagnostics];
  const quiz = validated.value && substituteDeep(validated.value, quizParameterText(root, validated.value.language));
  if (quiz && quiz.id !== id && file.startsWith(`${layout.quizzes}/`)) {
    diagnostics.push(
      diagnostic('error', 'quiz/id-mismatch', file, `id: found "${quiz.id}"; it must equal the file name "${id}"`, validated.yaml.positionOf(['id'])),
    );
  }
  return { id, file, quiz, yaml: validated.yaml, diagnostics };
}

/** Every quiz under `quizzes/`, in file-name order. */
export function loadQuizzes(root: string): QuizDoc[] {
  return quizFiles(root).map((abs) => loadQuizFile(root, abs));
}

/**
 * Finds a quiz by id (`quizzes/<id>.yaml`) or by path to any quiz file, and returns it valid or
 * throws one clear error (the first problem, with its line). Only the quiz's own rules are applied
 * here (what scoring needs); `sopkit check` adds the references to SOPs and workflows.
 * @param root Project root.
 * @param idOrPath `birth-registration`, or `path/to/quiz.yaml`.
 */
export function resolveQuiz(root: string, idOrPath: string): QuizDoc & { quiz: Quiz } {
  const looksLikePath = QUIZ_FILE.test(idOrPath) || idOrPath.includes('/') || idOrPath.includes('\\');
  const abs = looksLikePath
    ? isAbsolute(idOrPath) ? idOrPath : resolve(root, idOrPath)
    : join(root, layout.quizzes, `${idOrPath}.yaml`);
  if (!existsSync(abs)) {
    if (looksLikePath) throw new SopkitError('quiz/not-found', `${idOrPath}: no such file; give a quiz id from ${layout.quizzes}/ or the path of a quiz file`);
    const known = quizFiles(root).map((f) => basename(f).replace(QUIZ_FILE, ''));
    throw new SopkitError('quiz/unknown', `no quiz "${idOrPath}" in ${layout.quizzes}/; known: ${knownIds(root, known)}`);
  }
  if (statSync(abs).isDirectory()) throw new SopkitError('quiz/folder', `${idOrPath} is a folder; give the file`);
  const doc = loadQuizFile(root, abs);
  const problems = [
    ...doc.diagnostics,
    ...(doc.quiz ? quizRules(doc.quiz) : []).map((i) => diagnostic(i.severity, i.code, doc.file, i.message, doc.yaml.positionOf(i.path))),
  ].filter((d) => d.severity === 'error');
  const first = problems[0];
  if (first || !doc.quiz) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more: run \`sopkit check\`)` : '';
    throw new SopkitError('quiz/invalid', `${first ? formatDiagnostic(first) : `${doc.file}: not a valid quiz`}${more}`);
  }
  return { ...doc, quiz: doc.quiz };
}

/**
 * The quizzes the site publishes: every quiz under `quizzes/` that passes its own rules (a quiz
 * with errors is reported by `sopkit check`, which stops the build). Sorted by title.
 */
export function publishedQuizzes(root: string): Quiz[] {
  return loadQuizzes(root)
    .flatMap((doc) => (doc.quiz && !doc.diagnostics.some((d) => d.severity === 'error') && !quizRules(doc.quiz).some((i) => i.severity === 'error') ? [doc.quiz] : []))
    .sort((a, b) => a.title.localeCompare(b.title));
}
