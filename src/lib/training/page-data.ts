import type { Project } from '../content/project.ts';
import type { ModuleDoc } from './modules.ts';
import { allOf } from './outline.ts';
import { moduleClock, type ClockedSession } from './timetable.ts';
import { workflowTitle } from './module-prints.ts';
import { evaluationFormFileName } from './evaluation/form-pdf.ts';
import { evaluationIn } from '../translation/evaluations.ts';
import { translatedPdfName } from '../translation/paths.ts';

/** What the module page lists above the sessions, from the outline (the page stays a thin shell). */
export interface ModuleOverview {
  clock: ClockedSession[];
  /** Materials named by the activities, with the activity they are for. */
  materials: { text: string; activity: string; session: number }[];
  caseStudies: { n: number; title: string; session: number; practise?: { sop: string; workflow: string; scenario: string } }[];
  handouts: { id: string; title: string; session: number }[];
  jobAids: { workflow: string; title: string; session: number }[];
}

/**
 * The overview of a module page: the running clock of its sessions, and its materials, case
 * studies (with the simulator case they open), handouts and job aids.
 * @param project The loaded project.
 * @param m The module.
 */
export function moduleOverview(project: Project, m: ModuleDoc): ModuleOverview {
  const sessions = m.outline.sessions;
  const sessionOf = (node: unknown) => sessions.find((s) => [...s.activities, ...s.caseStudies, ...s.handouts, ...s.jobAids].some((x) => x.node === node))?.n ?? 0;
  return {
    clock: moduleClock(sessions),
    materials: allOf(m.outline, 'activities').flatMap((a) => (a.materials ? [{ text: a.materials, activity: a.title, session: sessionOf(a.node) }] : [])),
    caseStudies: allOf(m.outline, 'caseStudies').map((c) => {
      const sop = c.workflow ? project.sops.find((s) => s.data?.workflow === c.workflow)?.id : undefined;
      return { n: c.n, title: c.title, session: sessionOf(c.node), ...(sop && c.workflow && c.scenario ? { practise: { sop, workflow: c.workflow, scenario: c.scenario } } : {}) };
    }),
    handouts: allOf(m.outline, 'handouts').map((h) => ({ id: h.id, title: h.title, session: sessionOf(h.node) })),
    jobAids: [...new Map(allOf(m.outline, 'jobAids').map((j) => [j.workflow, { workflow: j.workflow, title: workflowTitle(project, j.workflow, m.data?.language), session: sessionOf(j.node) }])).values()],
  };
}

/**
 * The session evaluation form a module names (`evaluation:`), as its page links it: the form's
 * page and its paper form, the translation's where the reader's language has one. None when the
 * module names no form, or one that does not load (`sopkit check` reports it).
 * @param root Project root.
 * @param evaluation The module's `evaluation:` (the source module's).
 * @param lang The reader's language.
 * @param sourceLang The pack's source language (its first locale).
 */
export function moduleEvaluationLinks(root: string, evaluation: string | undefined, lang: string, sourceLang: string): { page: string; pdf: string } | undefined {
  if (!evaluation) return undefined;
  const form = evaluationIn(root, evaluation, lang);
  if (!form) return undefined;
  const file = evaluationFormFileName(evaluation);
  return { page: `/evaluations/${evaluation}/`, pdf: lang !== sourceLang && form.translated ? translatedPdfName(file, lang) : file };
}
