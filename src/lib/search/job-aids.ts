import type { Project } from '../content/project.ts';
import { jobAidSteps } from '../training/job-aid.ts';
import { workflowTitle } from '../training/module-prints.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { projectIn } from '../translation/localize.ts';
import { fixedWordsIn, graphIn, workflowLabelsIn } from '../translation/workflow-labels.ts';
import { getWorkflow } from '../workflow/cache.ts';

/** Each job aid a module shows, by `jobAidKey`: the title its heading names (the SOP's) and its table's words, what `searchDocuments` indexes of a `<JobAid>`. */
export type JobAidTexts = ReadonlyMap<string, { title: string; text: string }>;

/** The key of a job aid's text: the module's language and the workflow. */
export const jobAidKey = (lang: string, workflow: string): string => `${lang}\u0000${workflow}`;

/** The workflows a module shows as job aids (`<JobAid workflow>`, at any depth). */
export function jobAidWorkflows(tree: ModuleDoc['tree']): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    const n = node as { type?: string; name?: string; attributes?: { name?: string; value?: unknown }[]; children?: unknown[] };
    if (n.type === 'mdxJsxFlowElement' && n.name === 'JobAid') {
      const workflow = n.attributes?.find((a) => a.name === 'workflow')?.value;
      if (typeof workflow === 'string' && !found.includes(workflow)) found.push(workflow);
    }
    n.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

/**
 * The words of every job aid table the modules of an index's language show, as the module page
 * shows them (`JobAid.astro`: each step's section, title, role, time limit, forms, and the checks
 * and events with the step each leads to), in the module's language. The table is made from the
 * workflow's machine, not written in the module, so the module's text has none of it: a trainee
 * searching a word of a job aid found nothing. The machines are loaded here (asynchronously),
 * before the index is built. A machine that does not load is left out: the check says why.
 * @param project The loaded project.
 * @param lang The index's language; the source language when absent.
 */
export async function jobAidTexts(project: Project, lang?: string): Promise<JobAidTexts> {
  const sourceLang = project.locales[0]?.code ?? 'en';
  const language = lang ?? sourceLang;
  const texts = new Map<string, { title: string; text: string }>();
  for (const mod of projectIn(project, language).modules) {
    if (!mod.tree || !mod.data) continue;
    if (language !== sourceLang && mod.data.language !== language) continue;
    const modLang = mod.data.language ?? sourceLang;
    const view = projectIn(project, modLang);
    for (const workflow of jobAidWorkflows(mod.tree)) {
      const key = jobAidKey(modLang, workflow);
      if (texts.has(key)) continue;
      let loaded;
      try {
        loaded = await getWorkflow(project.root, workflow);
      } catch {
        continue;
      }
      const words = workflowLabelsIn(project, modLang, workflow);
      const otherwise = words ? fixedWordsIn(modLang).otherwise : undefined;
      const steps = jobAidSteps(
        graphIn(loaded, words, modLang),
        (r) => view.roles.find((x) => x.id === r)?.title,
        otherwise ? otherwise.charAt(0).toUpperCase() + otherwise.slice(1) : undefined,
        words ? modLang : undefined,
      );
      const text = steps.map((s) => [s.step, s.title, s.who, s.sla, ...s.forms, ...[...s.checks, ...s.next].map((l) => `${l.when} ${l.to}`)].filter(Boolean).join(' ')).join(' ');
      texts.set(key, { title: workflowTitle(view, workflow), text });
    }
  }
  return texts;
}
