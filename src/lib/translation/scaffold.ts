import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { layout, type Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';

/** A translation to start: where it goes and its first text. */
export interface TranslationStart {
  /** Path relative to the project root: `content/ar/sops/<id>.mdx`, `quizzes/fr/<id>.yaml`. */
  path: string;
  text: string;
  /** What the translator does next. */
  next: string;
  /** What the id was taken as. */
  kind: TranslatableKind;
  /** The other sources of that id, when none was asked for (`--of`): an SOP's quiz shares its id. */
  alsoOf: TranslatableKind[];
}

/** What `sopkit new translation` starts from. */
export type TranslatableKind = 'sop' | 'module' | 'quiz';

/** Sets (or adds) a top-level `key: value` line of YAML frontmatter text. */
function setLine(yaml: string, key: string, value: string): string {
  const line = new RegExp(`^${key}:.*$`, 'm');
  return line.test(yaml) ? yaml.replace(line, `${key}: ${value}`) : `${yaml.replace(/\s*$/, '')}\n${key}: ${value}`;
}

/**
 * The start of a translation of an SOP, a module or a quiz: the source's file as it is, with
 * `language` set and, for an SOP or a module, `translationOf` naming the source version. The text
 * is still the source's: `sopkit check` lists what is left to translate (translation/untranslated),
 * and the headings, ids and components are already the source's, in its order.
 * @param project The loaded project.
 * @param id The SOP's, module's or quiz's id.
 * @param lang The language of the translation (a locale of the site, not its source language).
 */
export function translationStart(project: Project, id: string, lang: string, of?: TranslatableKind): TranslationStart {
  // An SOP, its module and its quiz often share an id: `of` says which is meant (the SOP first,
  // else the module, else the quiz, without it).
  const sop = of === undefined || of === 'sop' ? project.sops.find((s) => s.id === id) : undefined;
  const module = of === undefined || of === 'module' ? project.modules.find((m) => m.id === id) : undefined;
  const quiz = join(project.root, layout.quizzes, `${id}.yaml`);
  const alsoOf = (kind: TranslatableKind): TranslatableKind[] => {
    if (of) return [];
    const has = { sop: project.sops.some((x) => x.id === id), module: project.modules.some((m) => m.id === id), quiz: existsSync(quiz) };
    return (['sop', 'module', 'quiz'] as const).filter((k) => k !== kind && has[k]);
  };
  if (of === 'quiz' && !existsSync(quiz)) throw new SopkitError('new/unknown-source', `no quiz "${id}" in ${layout.quizzes}/ to translate`);
  if (of && of !== 'quiz' && !sop && !module) throw new SopkitError('new/unknown-source', `no ${of === 'sop' ? 'SOP' : 'module'} "${id}" to translate; ${of === 'sop' ? `SOPs: ${project.sops.map((s) => s.id).join(', ') || 'none'}` : `modules: ${project.modules.map((m) => m.id).join(', ') || 'none'}`}`);
  const doc = sop ?? module;
  if (doc) {
    if (!doc.data) throw new SopkitError('new/invalid-source', `${doc.file} has errors; run \`sopkit check\` and fix them before translating it`);
    const source = readFileSync(join(project.root, doc.file), 'utf8').replace(/^\uFEFF/, '');
    const { yaml, body } = splitFrontmatter(source);
    const version = (doc.data as { version?: string }).version;
    const front = setLine(setLine(yaml, 'language', lang), 'translationOf', version ? `{ id: ${id}, version: ${version} }` : `{ id: ${id} }`);
    const kind = sop ? 'sop' : 'module';
    return {
      kind,
      alsoOf: alsoOf(kind),
      path: `content/${lang}/${kind}s/${id}.mdx`,
      text: `---\n${front.replace(/^\n+/, '')}\n---\n${body.replace(/^\n*/, '\n')}`,
      next: `next: translate the frontmatter's reader-facing text and the body, keeping the headings in their order and every component's id; \`sopkit check\` lists the passages still in the source's words (translation/untranslated)`,
    };
  }
  if (existsSync(quiz)) {
    const source = readFileSync(quiz, 'utf8').replace(/^\uFEFF/, '');
    const withLang = /^language:.*$/m.test(source) ? source.replace(/^language:.*$/m, `language: ${lang}`) : source.replace(/^(id:.*)$/m, `$1\nlanguage: ${lang}`);
    return {
      kind: 'quiz',
      alsoOf: alsoOf('quiz'),
      path: `${layout.quizzes}/${lang}/${id}.yaml`,
      text: withLang,
      next: 'next: translate the title, objectives, stems, options, feedback and explanations; keep every id, correct flag and the forms as they are (tests are scored with the source\'s key)',
    };
  }
  const known = [...project.sops.map((s) => s.id), ...project.modules.map((m) => m.id)];
  throw new SopkitError('new/unknown-source', `no SOP, module or quiz "${id}" to translate; SOPs and modules: ${known.join(', ') || 'none'}; quizzes are in ${layout.quizzes}/`);
}
