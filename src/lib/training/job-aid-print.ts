import { t } from '../../i18n/index.ts';
import type { Block, Cell } from '../handbook/blocks.ts';
import { run, type Inline } from '../handbook/inline.ts';
import type { JobAidStep } from './job-aid.ts';

/**
 * The type size of a job aid's table (pt); a one-page job aid may go down to `JOB_AID_MIN_SIZE`
 * to stay on its page, and no further: read at arm's length at a counter, 6.5 pt was too small.
 */
export const JOB_AID_SIZE = 9;
export const JOB_AID_MIN_SIZE = 7;
/** The side of a step's tick box (pt, 3.5 mm), whatever the table's type size: a box of the booklets' multiple-answer size. */
export const JOB_AID_BOX = 10;

/**
 * A job aid as handbook blocks: a heading and one table row per step (tick box, step, who,
 * time limit, forms, checks), small enough that a procedure fits one page.
 * @param steps The job aid's steps.
 * @param o Title (the SOP's), language, bookmark anchor, and whether it starts a page.
 */
export function jobAidBlocks(steps: readonly JobAidStep[], o: { title: string; lang: string; anchor?: string; pageBreakBefore?: boolean; heading?: boolean; size?: number }): Block[] {
  const lang = o.lang;
  const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });
  const rows: Cell[][] = steps.map((s) => [
    // A square drawn to tick with a pen: the typed "[ ]" was two brackets 2.5 mm apart at 7.5 pt.
    { inlines: [], box: JOB_AID_BOX },
    { inlines: [run(s.step ? `${s.step}  ` : '', 'bold'), run(s.title, 'bold')] },
    cell(s.who ?? ''),
    cell(s.sla ?? ''),
    cell(s.forms.join(t('list.separator', lang))),
    { inlines: [...s.checks, ...s.next].flatMap((line, i): Inline[] => [...(i ? [run('\n')] : []), run(`${line.when}\u00a0» `, 'italic'), run(line.to)]) },
  ]);
  const head: Block[] =
    o.heading === false
      ? []
      : [{ kind: 'heading', level: 2, inlines: [run(t('training.jobAid.title', lang, { title: o.title }))], anchor: o.anchor, toc: true, pageBreakBefore: o.pageBreakBefore }];
  return [
    ...head,
    {
      kind: 'table',
      header: [[cell(''), cell(t('training.jobAid.step', lang)), cell(t('training.jobAid.who', lang)), cell(t('training.jobAid.sla', lang)), cell(t('training.jobAid.forms', lang)), cell(t('training.jobAid.checks', lang))]],
      rows,
      widths: [0.4, 1.6, 1.05, 1.15, 0.6, 2.9],
      size: o.size ?? JOB_AID_SIZE,
      // Rows close together: a checklist's rows are ruled apart, and the room goes to the steps.
      compact: true,
    },
  ];
}
