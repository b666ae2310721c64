import type { Project } from '../../content/project.ts';
import { projectIn, translatedSop } from '../../translation/localize.ts';
import { workflowLabelsIn } from '../../translation/workflow-labels.ts';
import type { DryRunModel } from './model.ts';

/**
 * A dry run as a reader of another language sees its report (`sopkit dryrun report --lang`): the
 * SOP's translation when there is one that loads (its section titles), else the source SOP with the
 * language set, so every word the report prints is that language's; role titles from
 * `content/<lang>/roles.yaml`; the cases' titles and stories from the workflow's words in that
 * language (`workflows/<lang>/<id>.yaml`), where it gives them. Figures, case ids and sites are
 * unchanged.
 * @param model The dry run.
 * @param project The loaded project.
 * @param lang Language of the report.
 */
export function dryRunIn(model: DryRunModel, project: Project, lang: string): DryRunModel {
  if (lang === model.sop.data.language) return model;
  const tr = translatedSop(project, lang, model.sop.id);
  const sop = tr?.data ? { ...tr, data: tr.data } : { ...model.sop, data: { ...model.sop.data, language: lang } };
  const roles = new Map(projectIn(project, lang).roles.map((r) => [r.id, r.title]));
  const labels = model.sop.data.workflow ? workflowLabelsIn(project, lang, model.sop.data.workflow) : undefined;
  const scenarios = labels?.scenarios ?? {};
  // The steps' titles, time limits and the outcome too: the French observation sheets printed
  // French headings over English steps ("Notify the birth · within 7 days of the birth").
  const cases = model.cases.map((c) => ({
    ...c,
    title: scenarios[c.id]?.title ?? c.title,
    description: scenarios[c.id]?.description ?? c.description,
    steps: c.steps.map((s) => ({ ...s, title: labels?.states[s.state] ?? s.title, ...(s.sla !== undefined ? { sla: labels?.sla[s.state] ?? s.sla } : {}) })),
    outcome: (c.outcomeState && labels?.states[c.outcomeState]) || c.outcome,
  }));
  return { ...model, sop, cases, roleTitle: (role) => (role && roles.get(role)) || model.roleTitle(role) };
}
