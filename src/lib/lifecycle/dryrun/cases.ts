import { stateTitle } from '../../workflow/boxes.ts';
import { findState, graphOf, wordsOf } from '../../workflow/graph.ts';
import type { LoadedWorkflow } from '../../workflow/load.ts';
import { runEvents } from '../../workflow/run.ts';
import type { DryRun } from '../../../schemas/dryrun.ts';
import { sectionAt } from '../../content/sections.ts';
import type { SopDoc } from '../../content/project.ts';
import { substituteParams } from '../../params/substitute.ts';

/** One step of a case as the observer sees it: a state the case passes through. */
export interface CaseStep {
  /** State path in the machine. */
  state: string;
  /** SOP section that describes it (`meta.step`): the results file's `step`. */
  step: string;
  /** What should happen (`meta.title`). */
  title: string;
  /** Role id that acts. */
  role?: string;
  /** Time limit in words (`meta.sla`, else the SOP's `<Step time>` of its section: `slaFrom`). */
  sla?: string;
  /** Where `sla` came from when the state has no `meta.sla`: the `<Step time>` of the SOP's section. */
  slaFrom?: 'sop';
  /**
   * The limit in the source's words, which `limitMinutes` reads, where `sla` is printed in another
   * language (`dryRunIn`): "15 jours ouvrables" and "يوم عمل واحد" are no limit in minutes to it, so
   * figures computed again from a translated dry run's cases compared nothing with a limit.
   */
  slaSource?: string;
  forms: string[];
  /** What ends the step in this case, in words (`declaration checked`). */
  next?: string;
}

/** A case of the dry run: a scenario of the SOP's workflow, as a list of steps. */
export interface DryRunCase {
  /** Scenario id: the results file's `case`. */
  id: string;
  title: string;
  description: string;
  steps: CaseStep[];
  /** Where the case ends: the final state's title. */
  outcome: string;
  /** The path of that state, to give its title in another language. */
  outcomeState?: string;
}

/**
 * The cases of a dry run: the scenarios it lists (or all the workflow's scenarios), each run
 * through the machine to list the states it passes through, in order, with their meta. Final
 * states are the outcome, not a step.
 * @param dryRun The record.
 * @param workflow The SOP's workflow, loaded.
 */
export function dryRunCases(dryRun: Pick<DryRun, 'cases'>, workflow: LoadedWorkflow): DryRunCase[] {
  const graph = graphOf(workflow);
  const words = wordsOf(workflow.module.labels);
  const { machine, scenarios } = workflow.module;
  const chosen = dryRun.cases ? dryRun.cases.flatMap((id) => scenarios.filter((s) => s.id === id)) : scenarios;
  return chosen.map((scenario) => {
    const run = runEvents(machine, scenario.input, scenario.steps.map((s) => s.event));
    const visited: { path: string; next?: string }[] = [];
    const start = run.steps[0]?.from ?? run.final;
    let current = start;
    for (const s of run.steps) {
      visited.push({ path: current, next: words(s.event) });
      current = s.to;
    }
    const steps: CaseStep[] = [];
    for (const v of visited) {
      for (const leaf of v.path.split(',')) {
        const state = findState(graph, leaf);
        if (!state || state.kind === 'final') continue;
        const meta = state.meta ?? {};
        steps.push({
          state: leaf,
          step: typeof meta.step === 'string' ? meta.step : '',
          title: stateTitle(state),
          ...(typeof meta.role === 'string' ? { role: meta.role } : {}),
          ...(typeof meta.sla === 'string' ? { sla: meta.sla } : {}),
          forms: Array.isArray(meta.forms) ? meta.forms.filter((f): f is string => typeof f === 'string') : [],
          ...(v.next ? { next: v.next } : {}),
        });
      }
    }
    const last = findState(graph, current.split(',')[0] ?? '');
    return { id: scenario.id, title: scenario.title, description: scenario.description, steps, outcome: last ? stateTitle(last) : current, ...(last ? { outcomeState: last.path } : {}) };
  });
}

/**
 * The time limit each section of an SOP gives in its `<Step time="...">` (parameters written
 * out in `lang`): a section with one `<Step>` that has a `time`, or several that all give the same.
 * A section whose steps give different times has none (which of its states takes which is not said).
 */
export function sopStepTimes(sop: Pick<SopDoc, 'sections' | 'uses'>, paramText: (id: string) => string | undefined = () => undefined): Map<string, string> {
  const times = new Map<string, Set<string>>();
  for (const use of sop.uses) {
    const time = use.name === 'Step' ? use.attributes.time?.trim() : undefined;
    const section = time ? sectionAt(sop.sections, use.at.line) : undefined;
    if (!time || !section) continue;
    times.set(section.number, (times.get(section.number) ?? new Set()).add(substituteParams(time, paramText)));
  }
  return new Map([...times].flatMap(([number, set]) => (set.size === 1 ? [[number, [...set][0]!] as const] : [])));
}

/**
 * The cases with the SOP's time limits where the workflow gives none: a state without `meta.sla`
 * takes the `<Step time>` of its section (`sopStepTimes`), as a consultant reading the SOP expects
 * its limits to be measured against; `meta.sla` stays first where there is one.
 */
export function withSopTimes(cases: readonly DryRunCase[], times: ReadonlyMap<string, string>): DryRunCase[] {
  return cases.map((c) => ({ ...c, steps: c.steps.map((s) => (s.sla === undefined && times.has(s.step) ? { ...s, sla: times.get(s.step)!, slaFrom: 'sop' as const } : s)) }));
}
