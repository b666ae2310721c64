import type { CheckContext } from './context.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { languageTexts, proseLines } from './language-texts.ts';
import { t } from '../../i18n/index.ts';
import { escapeRegExp } from '../escape-regexp.ts';

/** A form's word typed right before a `<Form>`, which prints that word itself. */
export interface FormWordFault {
  /** 1-based line and column of the word. */
  line: number;
  column: number;
  /** The word as written (`form`, `formulaire`, `استمارة`). */
  word: string;
  /** The form's id. */
  id: string;
}

/** The words a text's language calls a form by, as `<Form>` prints them (`Form`, `Formulaire`, `الاستمارة`), with Arabic's article optional. */
function formWords(lang: string): string[] {
  const word = t('forms.form', lang).toLowerCase();
  return word.startsWith('ال') ? [word, word.slice(2)] : [word];
}

/**
 * The places in an SOP or module where the word for a form is typed right before a `<Form>`:
 * `<Form id="BR-01" />` prints "Form BR-01 Birth notification" (its language's word, its id,
 * its title), so "complete form <Form id="BR-01" />" read "complete form Form BR-01…", and the
 * French "le formulaire <Form…>" "le formulaire Formulaire BR-01…". Fenced and inline code are
 * left alone.
 * @param text The file's text.
 * @param lang The text's language.
 */
export function formWordFaults(text: string, lang: string): FormWordFault[] {
  const words = formWords(lang).map(escapeRegExp).join('|');
  const fault = new RegExp(`(?<![\\p{L}\\p{M}])(${words})[ \\u00a0]+<Form\\b[^>]*\\bid\\s*=\\s*["']([^"']+)["']`, 'giu');
  return proseLines(text, 'mdx').flatMap(({ index, line }) => [...line.matchAll(fault)].map((m) => ({ line: index + 1, column: m.index! + 1, word: m[1]!, id: m[2]! })));
}

/**
 * `sopkit check`: in every SOP and module, in each of the site's languages, the word for a form
 * typed before a `<Form>` that prints it again (`content/form-word`, a warning).
 */
export function checkFormWords(ctx: CheckContext): Diagnostic[] {
  const langs = ctx.project.locales.map((l) => l.code);
  return langs.flatMap((lang) =>
    languageTexts(ctx.project, (l) => (l ?? langs[0]) === lang)
      .filter((text) => text.kind === 'mdx')
      .flatMap((text) =>
        formWordFaults(text.text, lang).map((f) =>
          diagnostic('warning', 'content/form-word', text.file, `"${f.word} <Form id="${f.id}" />" prints the word twice: <Form> writes "${t('forms.form', lang)} ${f.id}" and the form's title itself. Leave out "${f.word}" before it`, { line: f.line, column: f.column }),
        ),
      ),
  );
}
