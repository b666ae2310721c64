import { colon, t as tr } from '../../i18n/index.ts';
import type { WorkflowGraph } from '../workflow/graph.ts';
import { procedureTable, stepRows } from '../workflow/steps.ts';

/** One step of a job aid: a state of the machine as an officer at the counter reads it. */
export interface JobAidStep {
  /** SOP section that describes the step. */
  step?: string;
  title: string;
  /** Role title (or id when content/roles.yaml has no title for it). */
  who?: string;
  /** Time limit, as the machine's meta says it. */
  sla?: string;
  forms: string[];
  /** The conditions decided at this step, in words: `Is late?` leads to `Supervisor decides the late or foundling case (6.5)`. */
  checks: JobAidLine[];
  /** Where the step goes without a condition: `Declaration submitted` leads to `Receive and screen the declaration (6.2)`. */
  next: JobAidLine[];
}

/** A condition or an event, and the step it leads to. */
export interface JobAidLine {
  /** `Is late?`, `Otherwise`, `Declaration submitted`. */
  when: string;
  /** Title of the next step, with its section: `Register the birth (6.8)`. */
  to: string;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The steps of a machine as a counter checklist: every state that is not an end, in the order of
 * the SOP's sections, with who acts, the time limit, the forms and the checks made there (the
 * guards of its transitions, in the machine's own words).
 * @param graph The machine's graph.
 * @param roleTitle Title of a role id (content/roles.yaml).
 * @param otherwise The word for the fallback after guarded alternatives (the machine's `labels.otherwise`).
 * @param lang The language the machine's words are in, for the punctuation a condition takes:
 *   `Is late?`, `Déclarée en retard\u00a0?` (a no-break space before it in French), `متأخر؟`.
 */
export function jobAidSteps(graph: WorkflowGraph, roleTitle: (role: string) => string | undefined = () => undefined, otherwise = 'Otherwise', lang?: string): JobAidStep[] {
  const rows = procedureTable(stepRows(graph, roleTitle)).filter((r) => r.kind !== 'final' && r.kind !== 'history');
  return rows.map((row) => {
    const checks: (JobAidLine & { event?: string })[] = [];
    const next: JobAidLine[] = [];
    for (const t of graph.transitions.filter((x) => x.source === row.path && x.kind !== 'initial')) {
      const target = row.next.find((n) => n.target === t.target);
      const to = `${target?.targetTitle ?? t.target}${target?.targetStep ? ` (${target.targetStep})` : ''}`;
      const event = t.eventLabel ? { event: capital(t.eventLabel) } : {};
      if (t.guardLabel) checks.push({ when: `${capital(t.guardLabel)}${tr('punct.question', lang)}`, to, ...event });
      else if (t.otherwise) checks.push({ when: otherwise, to, ...event });
      else next.push({ when: capital(t.eventLabel ?? t.label), to });
    }
    // A condition checked after two events can lead to two places ("Is registered?" after the
    // integrity check clears, and after it finds misuse): those checks name their event.
    const leadsTo = new Map<string, Set<string>>();
    for (const c of checks) leadsTo.set(c.when, (leadsTo.get(c.when) ?? new Set()).add(c.to));
    const lines = checks.map(({ when, to, event }) => ({ when: event && (leadsTo.get(when)?.size ?? 0) > 1 ? `${event}${colon(lang)} ${when.charAt(0).toLowerCase()}${when.slice(1)}` : when, to }));
    return {
      ...(row.step ? { step: row.step } : {}),
      title: row.title,
      ...(row.roleTitle || row.role ? { who: row.roleTitle ?? row.role } : {}),
      ...(row.sla ? { sla: row.sla } : {}),
      forms: row.forms,
      checks: lines,
      next,
    };
  });
}
