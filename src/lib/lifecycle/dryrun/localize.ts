import type { Project } from '../../content/project.ts';
import { dryRunTranslationFreshness, localizeDryRun, untranslatedFields } from '../../translation/dryruns.ts';
import { siteIn } from '../../translation/locales.ts';
import { projectIn, translatedSop } from '../../translation/localize.ts';
import { translationLayout } from '../../translation/paths.ts';
import { workflowLabelsIn } from '../../translation/workflow-labels.ts';
import { sopStepTimes } from './cases.ts';
import type { DryRunModel } from './model.ts';

/**
 * A dry run as a reader of another language sees its plan, sheets and report (`sopkit dryrun
 * plan|report --lang`): the record's words from `content/<lang>/dryruns/<id>.yaml` (title,
 * objectives, sites, observers, who plays each role, the debrief), the source's where it has none;
 * the SOP's translation when there is one that loads (its section titles), else the source SOP with
 * the language set, so every word the report prints is that language's; role titles from
 * `content/<lang>/roles.yaml`; the cases' titles and stories from the workflow's words in that
 * language (`workflows/<lang>/<id>.yaml`), where it gives them. Figures, case ids and site ids are
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
  // A limit taken from the SOP's <Step time> is printed as the SOP's translation gives it.
  const params = projectIn(project, lang).parameters;
  const trTimes = tr?.data ? sopStepTimes(tr, (id) => params.text(id, lang)) : undefined;
  // The steps' titles, time limits and the outcome too: the French observation sheets printed
  // French headings over English steps ("Notify the birth · within 7 days of the birth").
  const cases = model.cases.map((c) => ({
    ...c,
    title: scenarios[c.id]?.title ?? c.title,
    description: scenarios[c.id]?.description ?? c.description,
    // The limit keeps the source's words to be measured from (`slaSource`): the figures are the
    // same in every language, also when computed again from these cases.
    steps: c.steps.map((s) => ({ ...s, title: labels?.states[s.state] ?? s.title, ...(s.sla !== undefined ? { sla: (s.slaFrom === 'sop' ? trTimes?.get(s.step) : labels?.sla[s.state]) ?? s.sla, slaSource: s.slaSource ?? s.sla } : {}) })),
    outcome: (c.outcomeState && labels?.states[c.outcomeState]) || c.outcome,
  }));
  const words = recordWords(project, lang, model.id);
  const data = words ? localizeDryRun(model.data, words.words) : model.data;
  // The publisher as that locale names it (content/site.yaml), as on every other print in it.
  const organisation = siteIn(project.site, lang).organisation;
  return { ...model, data, sop, cases, organisation, roleTitle: (role) => (role && roles.get(role)) || model.roleTitle(role) };
}

const recordWords = (project: Project, lang: string, id: string) => project.translations[lang]?.dryruns.find((d) => d.id === id);

/**
 * What a plan or report in another language prints in the source's words, or from a translation
 * the source has changed since, as warnings naming the record's file and fields: a missing
 * translation does not stop the print (the offices still get their sheets, as an untranslated SOP
 * falls back to the source), but the user is told which words will not be in their language.
 * @param model The dry run as recorded (the source's words).
 * @param project The loaded project.
 * @param lang The language printed.
 */
export function dryRunWordsWarnings(model: DryRunModel, project: Project, lang: string): string[] {
  if (lang === model.sop.data.language) return [];
  const label = project.locales.find((l) => l.code === lang)?.label ?? lang;
  const words = recordWords(project, lang, model.id);
  const path = `${translationLayout(lang).dryruns}/${model.id}.yaml`;
  if (!words) return [`warning: ${model.doc.file} has no translation in ${lang} (${label}): its title, objectives, sites, observers, roles and debrief are printed in the source's words; translate them in ${path}`];
  const missing = untranslatedFields(model.data, words.words);
  const out: string[] = [];
  if (missing.length) {
    const shown = missing.slice(0, 6).join(', ') + (missing.length > 6 ? ` and ${missing.length - 6} more` : '');
    out.push(`warning: ${words.file} does not translate ${shown} of ${model.doc.file}: printed in the source's words`);
  }
  const fresh = dryRunTranslationFreshness(project.root, model.doc, words);
  if (fresh.status === 'outdated') out.push(`warning: ${words.file} is older than ${model.doc.file}: ${fresh.items.join(', ')} changed since it was translated, and are printed in the old words; translate them again (sopkit check says since which commit)`);
  return out;
}
