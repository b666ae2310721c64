import { colon, t } from '../../i18n/index.ts';
import type { GlossaryTerm } from '../../schemas/index.ts';
import type { Block } from './blocks.ts';
import { run } from './inline.ts';
import { anchors } from './print-context.ts';
import { colors } from './theme.ts';

/**
 * The glossary annex: the terms the document uses (and the terms they refer to), sorted for the
 * language, each with its definition and source, each a link target for `<Term>`.
 * @param terms Glossary of the pack.
 * @param used Ids of the terms used.
 * @param lang Language, for sorting and headings.
 * @param anchor Named destination of the annex heading.
 */
export function glossaryBlocks(terms: readonly GlossaryTerm[], used: ReadonlySet<string>, lang: string, anchor: string): Block[] {
  const list = terms.filter((g) => used.has(g.id));
  if (!list.length) return [];
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  list.sort((a, b) => collator.compare(a.term, b.term));
  const blocks: Block[] = [
    { kind: 'heading', level: 1, inlines: [run(t('handbook.glossary', lang))], anchor, toc: true, pageBreakBefore: true },
    { kind: 'paragraph', inlines: [run(t('handbook.glossary.lead', lang), 'italic', { color: colors.muted })] },
  ];
  for (const term of list) {
    blocks.push({ kind: 'anchor', name: anchors.term(term.id) });
    const inlines = [run(term.term, 'bold'), run(` — ${term.definition}`)];
    if (term.source) inlines.push(run(` ${t('glossary.source', lang)}${colon(lang)} ${term.source}.`, 'italic', { color: colors.muted }));
    blocks.push({ kind: 'paragraph', inlines });
  }
  return blocks;
}
