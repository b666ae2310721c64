import type { Project, SopDoc } from '../content/project.ts';
import type { WorkflowPrint } from '../handbook/print-context.ts';
import { loadWorkflowPrints } from '../handbook/workflow-print.ts';
import { getWorkflow } from '../workflow/cache.ts';
import { fixedWordsIn, graphIn, workflowLabelsIn } from '../translation/workflow-labels.ts';
import { humanise } from '../workflow/humanise.ts';
import { jobAidSteps } from './job-aid.ts';
import type { ModuleDoc } from './modules.ts';
import { allOf } from './outline.ts';

/**
 * A module seen as the handbook engine sees an SOP: its body, its component uses, no sections
 * and no SOP frontmatter (SOP-only components such as `<Roles />` print nothing in a module).
 */
export function moduleAsDoc(m: ModuleDoc): SopDoc {
  return { id: m.id, file: m.file, absPath: m.absPath, source: m.source, data: undefined, yaml: m.yaml, tree: m.tree, sections: [], paragraphs: [], uses: m.uses };
}

/** The title of a workflow for captions and job aids: the title of the SOP that owns it. */
export function workflowTitle(project: Project, id: string): string {
  return project.sops.find((s) => s.data?.workflow === id)?.data?.title ?? humanise(id);
}

/**
 * The workflows a module draws, tabulates or turns into job aids, loaded and laid out before the
 * synchronous mdast conversion. A machine that fails to load prints a pointer to the web page.
 */
export async function moduleWorkflowPrints(project: Project, m: ModuleDoc): Promise<Map<string, WorkflowPrint>> {
  // In the module's language: a French module drew its workflows in English (moduleAsDoc has no SOP data to say so).
  const prints = (await loadWorkflowPrints(project, [moduleAsDoc(m)], { language: m.data?.language })).get(m.id) ?? new Map<string, WorkflowPrint>();
  for (const [id, print] of prints) prints.set(id, { ...print, title: workflowTitle(project, id) });
  const roleTitle = (role: string) => project.roles.find((r) => r.id === role)?.title;
  for (const id of new Set(allOf(m.outline, 'jobAids').map((a) => a.workflow))) {
    try {
      const loaded = await getWorkflow(project.root, id);
      // In the module's language: the step words of `workflows/<lang>/<id>.yaml` where they exist.
      const lang = m.data?.language;
      const words = workflowLabelsIn(project, lang, id);
      const otherwise = words && lang ? fixedWordsIn(lang).otherwise : loaded.module.labels?.otherwise;
      // The punctuation of a condition is the language's its words are in (`… santé\u00a0?` in French).
      const steps = jobAidSteps(graphIn(loaded, words, lang), roleTitle, otherwise ? otherwise.charAt(0).toUpperCase() + otherwise.slice(1) : undefined, words ? lang : undefined);
      prints.set(id, { ...(prints.get(id) ?? { title: workflowTitle(project, id) }), jobAid: steps });
    } catch {
      // sopkit check reports a machine that does not load; the renderer prints a pointer instead.
    }
  }
  return prints;
}
