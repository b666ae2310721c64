import { colon, t } from '../../i18n/index.ts';
import type { Project } from '../content/project.ts';
import { isTranslated } from '../translation/localize.ts';
import type { Block } from './blocks.ts';
import { run } from './inline.ts';
import { anchors } from './print-context.ts';
import { colors } from './theme.ts';

/**
 * The glossary annex: the terms the document uses (and the terms they refer to), sorted for the
 * language, each with its definition and source, each a link target for `<Term>`. A term the
 * language has no translation for yet keeps the source's words and says so ("not translated
 * yet"), as the site's glossary does.
 * @param project The project, in the document's language (`projectIn`).
 * @param used Ids of the terms used.
 * @param lang Language, for sorting and headings.
 * @param anchor Named destination of the annex heading.
 */
export function glossaryBlocks(project: Project, used: ReadonlySet<string>, lang: string, anchor: string): Block[] {
  const list = project.glossary.filter((g) => used.has(g.id));
  const sourceLang = project.locales[0]?.code ?? 'en';
  const untranslated = (id: string) => lang !== sourceLang && !isTranslated(project, lang, 'glossary', id);
  if (!list.length) return [];
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  list.sort((a, b) => collator.compare(a.term, b.term));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, inlines: [run(t('handbook.glossary', lang))], anchor, toc: true, pageBreakBefore: true },
    { kind: 'paragraph', inlines: [run(t('handbook.glossary.lead', lang), 'italic', { color: colors.muted })] },
  ];
  for (const term of list) {
    blocks.push({ kind: 'anchor', name: anchors.term(term.id) });
    const inlines = [run(term.term, 'bold'), ...(untranslated(term.id) ? [run(` (${t('modules.notTranslated', lang)})`, 'italic', { color: colors.muted })] : []), run(` — ${term.definition}`)];
    if (term.source) inlines.push(run(` ${t('glossary.source', lang)}${colon(lang)} ${term.source}.`, 'italic', { color: colors.muted }));
    // An entry in the source's words runs in the source's direction (English in an Arabic annex).
    blocks.push({ kind: 'paragraph', inlines, ...(untranslated(term.id) ? { lang: sourceLang } : {}) });
  }
  return blocks;
}
