import { t } from '../../i18n/index.ts';

/**
 * The caption under a workflow's diagram (`figure`) or procedure table (`table`) on a page. It
 * names no machine id: a reader has no use for one (and in Arabic a Latin id broke across lines
 * with its hyphen on the wrong side); an author finds it in the MDX, and the page keeps it in
 * `data-workflow`. On the page of the SOP whose workflow it is, or when no SOP declares it, it
 * says "this procedure"; elsewhere (another SOP, a module) it names the procedure that owns it.
 * @param what The diagram or the procedure table.
 * @param lang The page's language.
 * @param owner The SOP whose frontmatter declares the workflow (`workflow:`), if any, with its
 *   title in the page's language.
 * @param page The id of the SOP the page shows, if it shows one.
 */
export function workflowCaption(what: 'figure' | 'table', lang: string, owner?: { id: string; title: string }, page?: string): string {
  const base = what === 'figure' ? 'wf.caption' : 'steps.caption';
  return owner && owner.id !== page ? t(`${base}.of`, lang, { title: owner.title }) : t(base, lang);
}
