import type { Project } from '../content/project.ts';
import { jobAidStepsIn, workflowTitle } from '../training/module-prints.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { projectIn } from '../translation/localize.ts';
import { getWorkflow } from '../workflow/cache.ts';

/**
 * Each table made from a workflow's machine that a page shows (a module's `<JobAid>`, an SOP's
 * `<StepTable>`), by `workflowKey`: the title a job aid's heading names (the SOP's) and the
 * table's words, what `searchDocuments` indexes of it.
 */
export type WorkflowTexts = ReadonlyMap<string, { title: string; text: string }>;

/** The key of a table's text: the page's language and the workflow. */
export const workflowKey = (lang: string, workflow: string): string => `${lang}\u0000${workflow}`;

/** The components that show a table made from a workflow's machine (`workflow` attribute). */
type TableComponent = 'JobAid' | 'StepTable';

/** The workflows a tree shows as tables of a component (`<JobAid workflow>`, `<StepTable workflow>`, at any depth), in order, each once. */
export function workflowsIn(tree: unknown, component: TableComponent): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    const n = node as { type?: string; name?: string; attributes?: { name?: string; value?: unknown }[]; children?: unknown[] };
    if (n.type === 'mdxJsxFlowElement' && n.name === component) {
      const workflow = n.attributes?.find((a) => a.name === 'workflow')?.value;
      if (typeof workflow === 'string' && !found.includes(workflow)) found.push(workflow);
    }
    n.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

/** The workflows a module shows as job aids (`<JobAid workflow>`, at any depth). */
export function jobAidWorkflows(tree: ModuleDoc['tree']): string[] {
  return workflowsIn(tree, 'JobAid');
}

/**
 * The words of every table made from a workflow's machine that the pages of an index's language
 * show: a module's job aid (`JobAid.astro`: each step's section, title, role, time limit, forms,
 * and the checks and events with the step each leads to) and an SOP's or module's step table
 * (`StepTable.astro`: the same steps, roles, time limits, forms and what each leads to), in the
 * page's language, read once per language and workflow. The tables are made from the machine,
 * not written in the page, so the page's text has none of it: a trainee searching a word of a
 * job aid, or of an SOP's procedure table, found nothing. The machines are loaded here
 * (asynchronously), before the index is built. A machine that does not load is left out: the
 * check says why.
 * @param project The loaded project.
 * @param lang The index's language; the source language when absent.
 */
export async function workflowTexts(project: Project, lang?: string): Promise<WorkflowTexts> {
  const sourceLang = project.locales[0]?.code ?? 'en';
  const language = lang ?? sourceLang;
  const texts = new Map<string, { title: string; text: string }>();
  const shown = projectIn(project, language);
  const pages = [...shown.sops, ...shown.modules].filter((page) => page.tree && page.data && (language === sourceLang || page.data.language === language));
  for (const page of pages) {
    const pageLang = page.data!.language ?? sourceLang;
    const view = projectIn(project, pageLang);
    for (const workflow of [...workflowsIn(page.tree, 'JobAid'), ...workflowsIn(page.tree, 'StepTable')]) {
      const key = workflowKey(pageLang, workflow);
      if (texts.has(key)) continue;
      let loaded;
      try {
        loaded = await getWorkflow(project.root, workflow);
      } catch {
        continue;
      }
      const steps = jobAidStepsIn(project, loaded, workflow, pageLang, (r) => view.roles.find((x) => x.id === r)?.title);
      const text = steps.map((s) => [s.step, s.title, s.who, s.sla, ...s.forms, ...[...s.checks, ...s.next].map((l) => `${l.when} ${l.to}`)].filter(Boolean).join(' ')).join(' ');
      texts.set(key, { title: workflowTitle(view, workflow, pageLang), text });
    }
  }
  return texts;
}
