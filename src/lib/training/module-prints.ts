import type { Project, SopDoc } from '../content/project.ts';
import type { WorkflowPrint } from '../handbook/print-context.ts';
import { loadWorkflowPrints } from '../handbook/workflow-print.ts';
import { getWorkflow } from '../workflow/cache.ts';
import { fixedWordsIn, graphIn, workflowLabelsIn } from '../translation/workflow-labels.ts';
import { humanise } from '../workflow/humanise.ts';
import { jobAidSteps, type JobAidStep } from './job-aid.ts';
import type { LoadedWorkflow } from '../workflow/load.ts';
import type { ModuleDoc } from './modules.ts';
import { allOf } from './outline.ts';

/**
 * A module seen as the handbook engine sees an SOP: its body, its component uses, no sections
 * and no SOP frontmatter (SOP-only components such as `<Roles />` print nothing in a module).
 */
export function moduleAsDoc(m: ModuleDoc): SopDoc {
  return { id: m.id, file: m.file, absPath: m.absPath, source: m.source, data: undefined, yaml: m.yaml, tree: m.tree, sections: [], paragraphs: [], uses: m.uses };
}

/**
 * The title of a workflow for captions and job aids: the title of the SOP that owns it, in the
 * reader's language. An SOP not translated into that language keeps its source title, so the
 * title of the workflow's words file (`workflows/<lang>/<id>.yaml`) is used when it gives one: a
 * French job aid of an English-only SOP was headed in English over French steps.
 * @param project The project, or its view in the reader's language (`projectIn`).
 * @param id The workflow's id.
 * @param lang The reader's language (undefined: the SOP's title as the project has it).
 */
export function workflowTitle(project: Project, id: string, lang?: string): string {
  const sop = project.sops.find((s) => s.data?.workflow === id);
  if (lang && sop?.data?.language !== lang) {
    const words = project.translations[lang]?.workflows.find((w) => w.id === id)?.labels.title;
    if (words) return words;
  }
  return sop?.data?.title ?? humanise(id);
}

/**
 * A job aid's steps in a language: the step words of `workflows/<lang>/<id>.yaml` where they
 * exist, with that language's "Otherwise" and condition punctuation (`… santé\u00a0?` in French),
 * else the machine's own words. One rule for the module page (`JobAid.astro`), its PDF and the
 * search index, which each wrote it out.
 * @param project The project whose translations hold the workflow's words.
 * @param loaded The loaded machine.
 * @param id The workflow's id.
 * @param lang The page's or document's language (undefined: the source's).
 * @param roleTitle A role's title in that language.
 */
export function jobAidStepsIn(project: Project, loaded: LoadedWorkflow, id: string, lang: string | undefined, roleTitle: (role: string) => string | undefined): JobAidStep[] {
  const words = workflowLabelsIn(project, lang, id);
  const otherwise = words && lang ? fixedWordsIn(lang).otherwise : loaded.module.labels?.otherwise;
  return jobAidSteps(graphIn(loaded, words, lang), roleTitle, otherwise ? otherwise.charAt(0).toUpperCase() + otherwise.slice(1) : undefined, words ? lang : undefined);
}

/**
 * The workflows a module draws, tabulates or turns into job aids, loaded and laid out before the
 * synchronous mdast conversion. A machine that fails to load prints a pointer to the web page.
 */
export async function moduleWorkflowPrints(project: Project, m: ModuleDoc): Promise<Map<string, WorkflowPrint>> {
  // In the module's language: a French module drew its workflows in English (moduleAsDoc has no SOP data to say so).
  const prints = (await loadWorkflowPrints(project, [moduleAsDoc(m)], { language: m.data?.language })).get(m.id) ?? new Map<string, WorkflowPrint>();
  for (const [id, print] of prints) prints.set(id, { ...print, title: workflowTitle(project, id, m.data?.language) });
  for (const id of new Set(allOf(m.outline, 'jobAids').map((a) => a.workflow))) {
    const steps = await jobAidOf(project, id, m.data?.language);
    if (steps) prints.set(id, { ...(prints.get(id) ?? { title: workflowTitle(project, id, m.data?.language) }), jobAid: steps });
  }
  return prints;
}

/**
 * A job aid's steps in a module's language, without the module's diagrams (what `sopkit check`
 * measures); undefined when the machine does not load (sopkit check reports it, the renderer
 * prints a pointer instead).
 * @param project The project in the module's language (`projectIn`).
 * @param id The workflow's id.
 * @param lang The module's language.
 */
export async function jobAidOf(project: Project, id: string, lang: string | undefined): Promise<JobAidStep[] | undefined> {
  const roleTitle = (role: string) => project.roles.find((r) => r.id === role)?.title;
  try {
    return jobAidStepsIn(project, await getWorkflow(project.root, id), id, lang, roleTitle);
  } catch {
    return undefined;
  }
}
