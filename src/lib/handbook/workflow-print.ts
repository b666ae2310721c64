import { t } from '../../i18n/index.ts';
import type { Project, SopDoc } from '../content/project.ts';
import { stateCitations } from '../legal/concordance.ts';
import { getWorkflow } from '../workflow/cache.ts';
import { graphIn, layoutIn, workflowLabelsIn } from '../translation/workflow-labels.ts';
import { scenarioPathSteps, type PathStep } from '../workflow/path-graph.ts';
import { procedureTable, stepRows } from '../workflow/steps.ts';
import type { Block, Cell } from './blocks.ts';
import { diagramFigure } from './diagram.ts';
import { run, type Inline } from './inline.ts';
import { anchors, type WorkflowPrint } from './print-context.ts';

/** Workflow ids an SOP draws or tabulates (`<Workflow id>`, `<StepTable workflow>`). */
export function workflowIds(sop: SopDoc): string[] {
  const ids = sop.uses.flatMap((u) => (u.name === 'Workflow' ? [u.attributes.id] : u.name === 'StepTable' ? [u.attributes.workflow] : []));
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

function stepTable(sop: SopDoc, rows: ReturnType<typeof procedureTable>, lang: string): Block {
  const sections = new Set(sop.sections.map((s) => s.number));
  const stepLink = (step: string | undefined, text: string): Inline => {
    const section = step && sections.has(step) ? sop.sections.find((s) => s.number === step) : undefined;
    return run(text, 'regular', section ? { link: { dest: anchors.section(sop.id, section.anchor) } } : {});
  };
  const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });
  const body = rows
    .map((r): Cell[] => {
      const next = r.next.flatMap((n, i): Inline[] => [
        ...(i ? [run('\n')] : []),
        // No-break spaces around the arrow: a line that broke before it began "» 6.2", which a French
        // reader takes for a closing guillemet; the arrow stays between its event and its step.
        run(n.kind === 'initial' ? `${t('wf.startsWith', lang)}\u00a0»\u00a0` : n.label ? `${n.label}\u00a0»\u00a0` : '»\u00a0', 'regular'),
        stepLink(n.targetStep, n.targetStep ? `${n.targetStep}` : n.targetTitle),
      ]);
      return [
        { inlines: [stepLink(r.step, r.step ?? '')] },
        cell(r.title, 'bold'),
        cell(r.roleTitle ?? r.role ?? ''),
        cell(r.sla ?? ''),
        { inlines: r.forms.flatMap((f, i): Inline[] => [...(i ? [run(t('list.separator', lang))] : []), run(f, 'regular', { link: { dest: anchors.form(sop.id, f) } })]) },
        { inlines: next },
      ];
    });
  return {
    kind: 'table',
    caption: [run(t('handbook.steps', lang), 'bold')],
    header: [[cell(t('handbook.step.number', lang)), cell(t('handbook.step.title', lang)), cell(t('step.role', lang)), cell(t('step.time', lang)), cell(t('step.forms', lang)), cell(t('handbook.step.next', lang))]],
    rows: body,
    widths: [0.55, 1.7, 1.3, 1.25, 0.75, 2.3],
    size: 8.5,
  };
}

/**
 * Loads, lays out and tabulates every workflow the SOPs name, before the synchronous mdast
 * conversion. A machine that fails to load or lay out prints a pointer to the web page instead
 * (sopkit check reports the failure itself).
 * @param options.language The language of documents without SOP frontmatter (a training module's).
 */
export async function loadWorkflowPrints(project: Project, sops: readonly SopDoc[], options: { language?: string } = {}): Promise<Map<string, Map<string, WorkflowPrint>>> {
  const roleTitle = (id: string) => project.roles.find((r) => r.id === id)?.title;
  const out = new Map<string, Map<string, WorkflowPrint>>();
  for (const sop of sops) {
    const prints = new Map<string, WorkflowPrint>();
    // The declared workflow too: its `meta.legal` feeds the concordance even when it is not drawn.
    for (const id of new Set([...workflowIds(sop), ...(sop.data?.workflow ? [sop.data.workflow] : [])])) {
      try {
        const loaded = await getWorkflow(project.root, id);
        // Step titles, events and conditions in the SOP's language (`workflows/<lang>/<id>.yaml`),
        // as on its web page, the diagram included (laid out from those words, cached per language).
        const lang = sop.data?.language ?? options.language;
        const words = workflowLabelsIn(project, lang, id);
        const layout = await layoutIn(loaded, words, lang ?? 'en', { roleTitle, root: project.root });
        const graph = graphIn(loaded, words, lang);
        const rows = procedureTable(stepRows(graph, roleTitle));
        const paths = new Map<string, { title: string; steps: PathStep[] }>();
        for (const use of sop.uses) {
          const path = use.name === 'Workflow' && use.attributes.id === id ? use.attributes.path : undefined;
          if (path && !paths.has(path)) {
            const title = words?.scenarios[path]?.title;
            paths.set(path, scenarioPathSteps(loaded, path, roleTitle, { graph, ...(title ? { title } : {}) }));
          }
        }
        prints.set(id, { title: sop.data?.title ?? id, figure: diagramFigure(layout), steps: stepTable(sop, rows, sop.data?.language ?? 'en'), citations: stateCitations(graph), ...(paths.size ? { paths } : {}) });
      } catch {
        prints.set(id, { title: sop.data?.title ?? id });
      }
    }
    out.set(sop.id, prints);
  }
  return out;
}
