import { t } from '../../../i18n/index.ts';
import type { ComponentWords } from '../../content/component-words.ts';
import type { WorkflowGraph } from '../../workflow/graph.ts';
import { procedureTable, stepRows } from '../../workflow/steps.ts';
import { fieldsBlock } from './sop-text.ts';
import type { TextBlock } from './text-diff.ts';
import { stepName } from './workflow.ts';

/**
 * `<StepTable>` of one version, from that version's machine: one block per row of the page's
 * table, each column a labelled value (Step, What happens, Who, Time limit, Forms, Next steps,
 * each next step by its event's words and the number and title of the step it leads to).
 * @param graph The version's machine.
 * @param words The project's words (role titles); role ids without them.
 * @param lang The SOP's language, for the column names.
 */
export function stepTableBlocks(graph: WorkflowGraph, words: ComponentWords | undefined, lang: string): TextBlock[] {
  const roleTitle = (id: string) => {
    const title = words?.value('role', id);
    return title && title !== id ? title : undefined;
  };
  return procedureTable(stepRows(graph, roleTitle)).flatMap((row) => {
    // "»", as the handbook's step table: Noto Sans has no arrow.
    const next = row.next.map((n) => `${n.kind === 'initial' ? t('wf.startsWith', lang) : n.label} » ${stepName(n.targetStep, n.targetTitle)}`).join('; ');
    const b = fieldsBlock(
      [
        [t('steps.step', lang), row.step],
        [t('steps.title', lang), row.title],
        [t('steps.role', lang), row.roleTitle ?? row.role],
        [t('steps.sla', lang), row.sla],
        [t('steps.forms', lang), row.forms.join(t('list.separator', lang))],
        [t('steps.next', lang), next || (row.kind === 'final' ? t('steps.end', lang) : undefined)],
      ],
      lang,
      true,
    );
    return b ? [b] : [];
  });
}
