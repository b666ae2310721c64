import type { Project, SopDoc } from '../content/project.ts';
import { findSection, sectionAt } from '../content/sections.ts';
import { compareSteps } from '../workflow/steps.ts';
import { getWorkflow } from '../workflow/cache.ts';
import { graphOf, type WorkflowGraph } from '../workflow/graph.ts';

/** A state of an SOP's workflow that cites legal provisions (`meta.legal`). */
export interface StateCitation {
  /** State path. */
  path: string;
  /** SOP section the state belongs to (`meta.step`). */
  step?: string;
  title: string;
  legal: string[];
}

/** One line of the concordance: a step of the procedure and one provision it rests on. */
export interface ConcordanceRow {
  /** Section number of the step (`6.5`); empty for provisions no step cites. */
  step: string;
  /** Section title (`Late registration`). */
  stepTitle: string;
  /** Section anchor on the SOP page; empty when there is no step. */
  anchor: string;
  /** The `legalBasis` entry. */
  legalId: string;
  instrument: string;
  provision: string;
  /** Where the citation is written: the SOP text (`<Step legal>`), the workflow (`meta.legal`), or neither. */
  citedBy: ('text' | 'workflow')[];
}

/** `<Step legal="a b">` in an SOP: the section each is in and the ids it cites. */
export function textCitations(sop: SopDoc): { step: string; ids: string[]; at: { line: number; column: number } }[] {
  return sop.uses.flatMap((use) => {
    if (use.name !== 'Step' || !use.attributes.legal) return [];
    const section = sectionAt(sop.sections, use.at.line);
    const attr = use.node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'legal');
    const start = attr?.position?.start;
    return [{ step: section?.number ?? '', ids: use.attributes.legal.split(/[\s,]+/).filter(Boolean), at: start ? { line: start.line, column: start.column } : use.at }];
  });
}

/** States of a workflow graph with `meta.legal`. */
export function stateCitations(graph: WorkflowGraph): StateCitation[] {
  return graph.states.flatMap((s) => {
    const legal = s.meta?.legal;
    if (!Array.isArray(legal) || !legal.length) return [];
    return [{ path: s.path, ...(typeof s.meta?.step === 'string' ? { step: s.meta.step } : {}), title: typeof s.meta?.title === 'string' ? s.meta.title : s.path, legal: legal.filter((x): x is string => typeof x === 'string') }];
  });
}

/**
 * The concordance of one SOP: for each step (section) that cites a provision, in the SOP text or
 * in its workflow, one row per provision, in section order; then every provision of the legal
 * basis that no step cites (it underpins the whole procedure), so nothing is left out when the
 * working committee fills in the national provisions.
 * @param sop The SOP (valid frontmatter).
 * @param states The citing states of its workflow, if it has one.
 */
export function concordanceRows(sop: SopDoc, states: readonly StateCitation[] = []): ConcordanceRow[] {
  const basis = sop.data?.legalBasis ?? [];
  const byStep = new Map<string, Map<string, Set<'text' | 'workflow'>>>();
  const cite = (step: string, id: string, by: 'text' | 'workflow') => {
    const ids = byStep.get(step) ?? new Map<string, Set<'text' | 'workflow'>>();
    ids.set(id, (ids.get(id) ?? new Set()).add(by));
    byStep.set(step, ids);
  };
  for (const c of textCitations(sop)) for (const id of c.ids) cite(c.step, id, 'text');
  for (const s of states) for (const id of s.legal) cite(s.step ?? '', id, 'workflow');
  const rows: ConcordanceRow[] = [];
  const cited = new Set<string>();
  for (const step of [...byStep.keys()].sort(compareSteps)) {
    const section = step ? findSection(sop.sections, step) : undefined;
    for (const entry of basis) {
      const by = byStep.get(step)?.get(entry.id);
      if (!by) continue;
      cited.add(entry.id);
      rows.push({ step, stepTitle: section?.title ?? '', anchor: section?.anchor ?? '', legalId: entry.id, instrument: entry.instrument, provision: entry.provision, citedBy: [...by].sort() });
    }
  }
  for (const entry of basis) {
    if (!cited.has(entry.id)) rows.push({ step: '', stepTitle: '', anchor: '', legalId: entry.id, instrument: entry.instrument, provision: entry.provision, citedBy: [] });
  }
  return rows;
}

/** The SOPs of a pack in document-code order, with valid frontmatter. */
export function concordanceSops(project: Project): (SopDoc & { data: NonNullable<SopDoc['data']> })[] {
  return project.sops.filter((s): s is SopDoc & { data: NonNullable<SopDoc['data']> } => Boolean(s.data)).sort((a, b) => a.data.code.localeCompare(b.data.code));
}

/**
 * The citing states of the workflow an SOP declares (`workflow:`), loaded through the build's
 * cache; none when it has no workflow or the workflow does not load (the checker reports that).
 */
export async function workflowCitations(project: Project, sop: SopDoc): Promise<StateCitation[]> {
  const id = sop.data?.workflow;
  if (!id) return [];
  try {
    return stateCitations(graphOf(await getWorkflow(project.root, id)));
  } catch {
    return [];
  }
}
