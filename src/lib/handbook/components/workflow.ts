import { t } from '../../../i18n/index.ts';
import { run } from '../inline.ts';
import { anchors } from '../print-context.ts';
import type { PrintRenderer } from './types.ts';

/** `<Workflow id>`: the diagram drawn from the shared layout model, with a numbered caption. */
export const Workflow: PrintRenderer = {
  block({ id = '', path }, _node, ctx) {
    const wf = ctx.workflows.get(id);
    const route = path ? wf?.paths?.get(path) : undefined;
    if (route) {
      // One case's path: a numbered list of its steps, readable on a printed slide.
      return [
        {
          kind: 'list',
          ordered: true,
          items: route.steps.map((s) => [
            {
              kind: 'paragraph',
              inlines: [
                ...(s.via ? [run(`${t('wf.path.via', ctx.lang, { event: s.via })} · `, 'italic')] : []),
                run(`${s.step ? `${s.step} ` : ''}${s.title}`, 'bold'),
                ...(s.roleTitle || s.sla ? [run(` – ${[s.roleTitle, s.sla].filter(Boolean).join(t('list.separator', ctx.lang))}`)] : []),
              ],
            },
          ]),
        },
        { kind: 'paragraph', inlines: [run(t('wf.path.caption', ctx.lang, { case: route.title, title: wf?.title ?? id }), 'italic')], size: 8 },
      ];
    }
    if (!wf?.figure) {
      // The page in the handbook's language, where the diagram is drawn.
      return [{ kind: 'paragraph', inlines: [run(t('wf.print.onWeb', ctx.lang, { id }), 'italic', { link: { uri: ctx.pageUrl(`/sops/${ctx.sop.id}/`) } })] }];
    }
    const n = ctx.nextFigure();
    return [
      {
        kind: 'figure',
        figure: wf.figure,
        anchor: `${anchors.sop(ctx.sop.id)}/figure-${n}`,
        caption: [run(`${t('handbook.figure', ctx.lang, { n })} – `, 'bold'), run(t('handbook.workflow', ctx.lang, { title: wf.title }))],
      },
    ];
  },
};

/** `<StepTable workflow>`: the procedure table made from the machine (the workflow engine's model). */
export const StepTable: PrintRenderer = {
  block({ workflow = '' }, _node, ctx) {
    const steps = ctx.workflows.get(workflow)?.steps;
    return steps ? [steps] : [];
  },
};
