import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layout, listFiles, relPath, type Project } from '../content/project.ts';
import { defaultLocale } from '../translation/locales.ts';
import { translationLayout } from '../translation/paths.ts';

/**
 * The prose lines of a text, for a rule that reads words: in MDX, without fenced code blocks; in
 * YAML, without comment lines; inline code blanked out with spaces, so columns stay the line's.
 * @param text The file's text.
 * @param kind `mdx` for an SOP or module, `yaml` for any other file.
 */
export function proseLines(text: string, kind: 'mdx' | 'yaml'): { index: number; line: string }[] {
  const out: { index: number; line: string }[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((raw, index) => {
    if (kind === 'mdx') {
      const open = /^\s*(`{3,}|~{3,})/.exec(raw);
      if (fence) {
        if (open && open[1]!.startsWith(fence)) fence = undefined;
        return;
      }
      if (open) {
        fence = open[1]!;
        return;
      }
    } else if (/^\s*#/.test(raw)) return;
    out.push({ index, line: raw.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length)) });
  });
  return out;
}

/** A text of the pack written in one language, as a language's typography rules read it. */
export interface LanguageText {
  /** Path from the project root. */
  file: string;
  text: string;
  /** `mdx` for an SOP or module (code blocks are not prose), `yaml` for any other file. */
  kind: 'mdx' | 'yaml';
}

function fileText(root: string, rel: string): string | undefined {
  const abs = join(root, rel);
  if (!existsSync(abs)) return undefined;
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined; // a folder or an unreadable file: its loader reports it
  }
}

/**
 * Every text of the pack in a language, for the rules of its typography and grammar (French
 * spacing, Arabic cases): SOPs and modules whose `language` is it; a translation's glossary,
 * roles, parameter labels, workflow words, courses, dry runs and evaluation forms; in a pack
 * whose source language is it, its glossary, roles and courses; and the quizzes that say it
 * (a translated quiz lives in `quizzes/<lang>/`).
 * @param project The loaded project.
 * @param inLanguage Whether a language tag is the language (`fr`, `fr-CA`).
 */
export function languageTexts(project: Project, inLanguage: (lang: string | undefined) => boolean): LanguageText[] {
  const out: LanguageText[] = [];
  const sourceLang = defaultLocale(project.site);
  const docs = [
    ...project.sops.map((d) => ({ doc: d, lang: d.data?.language ?? sourceLang })),
    ...project.modules.map((d) => ({ doc: d, lang: (d.data as { language?: string } | undefined)?.language ?? sourceLang })),
    ...Object.entries(project.translations).flatMap(([lang, l]) => [...l.sops, ...l.modules].map((d) => ({ doc: d, lang }))),
  ];
  for (const { doc, lang } of docs) if (inLanguage(lang) && doc.source) out.push({ file: doc.file, text: doc.source, kind: 'mdx' });
  const yamlFiles: string[] = [];
  if (inLanguage(sourceLang)) yamlFiles.push(layout.glossary, layout.roles, ...project.courses.map((c) => c.file));
  for (const [lang, l] of Object.entries(project.translations)) {
    if (!inLanguage(lang)) continue;
    yamlFiles.push(l.glossary.file, l.roles.file, l.parameters.file, ...l.workflows.map((w) => w.file), ...l.courses.map((c) => c.file), ...l.dryruns.map((d) => d.file));
    yamlFiles.push(...listFiles(join(project.root, translationLayout(lang).evaluations), '.yaml').map((abs) => relPath(project.root, abs)));
  }
  for (const rel of new Set(yamlFiles)) {
    const text = fileText(project.root, rel);
    if (text !== undefined) out.push({ file: rel, text, kind: 'yaml' });
  }
  const quizFiles = [...listFiles(join(project.root, layout.quizzes), '.yaml'), ...Object.values(project.translations).flatMap((l) => l.quizzes)];
  for (const abs of new Set(quizFiles)) {
    const rel = relPath(project.root, abs);
    const text = fileText(project.root, rel);
    const lang = text && /^language:\s*["']?([A-Za-z-]+)/m.exec(text)?.[1];
    if (text && inLanguage(lang ?? sourceLang)) out.push({ file: rel, text, kind: 'yaml' });
  }
  return out;
}
