import { t } from '../../../i18n/index.ts';
import type { WorkflowChange } from './workflow.ts';

/*
 * What the redline PDF and HTML share: the words they add.
 */

/** The detail of a step that changed, as the step table heads its column. */
export function fieldWord(field: NonNullable<WorkflowChange['field']>, lang: string): string {
  return t(field === 'step' ? 'steps.step' : field === 'title' ? 'steps.title' : field === 'role' ? 'steps.role' : 'steps.forms', lang);
}
