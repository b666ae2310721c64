import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../check/context.ts';
import type { SopDoc } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { getWorkflow } from '../workflow/cache.ts';
import { sopsOfWorkflow } from '../workflow/check.ts';
import { graphOf } from '../workflow/graph.ts';
import { workflowFiles } from '../workflow/load.ts';
import { sourcePositions } from '../workflow/positions.ts';
import { stateCitations, textCitations } from './concordance.ts';

function known(sop: SopDoc): string {
  return sop.data?.legalBasis.map((l) => l.id).join(', ') || 'none';
}

/** Ids unique in each SOP's legal basis, and every `<Step legal>` naming one of them. */
function sopRules(sop: SopDoc): Diagnostic[] {
  const data = sop.data;
  if (!data) return [];
  const out: Diagnostic[] = [];
  const first = new Map<string, number>();
  data.legalBasis.forEach((entry, i) => {
    const earlier = first.get(entry.id);
    if (earlier === undefined) first.set(entry.id, i);
    else out.push(diagnostic('error', 'legal/duplicate-id', sop.file, `legalBasis[${i}].id "${entry.id}" is already used by legalBasis[${earlier}]; give each entry its own id`, sop.yaml.positionOf(['legalBasis', i, 'id'])));
  });
  for (const c of textCitations(sop)) {
    for (const id of c.ids) {
      if (!first.has(id)) out.push(diagnostic('error', 'legal/unknown', sop.file, `<Step legal="${id}">: no legalBasis entry with id "${id}" in this SOP (known: ${known(sop)}); add it to legalBasis or fix the id`, c.at));
    }
  }
  return out;
}

/** Every `meta.legal` of a workflow names an entry of its SOP's legal basis. */
async function workflowRules(ctx: CheckContext, abs: string): Promise<Diagnostic[]> {
  const id = abs.slice(abs.lastIndexOf('/') + 1, -'.machine.ts'.length);
  const sop = sopsOfWorkflow(ctx.project.sops, id)[0];
  if (!sop?.data) return [];
  let graph;
  try {
    graph = graphOf(await getWorkflow(ctx.project.root, id));
  } catch {
    return []; // the workflow checker reports a file that does not load
  }
  const ids = new Set(sop.data.legalBasis.map((l) => l.id));
  const bad = stateCitations(graph).flatMap((s) => s.legal.filter((l) => !ids.has(l)).map((l) => ({ path: s.path, id: l })));
  if (!bad.length) return [];
  const at = await sourcePositions(readFileSync(abs, 'utf8'), bad.map((b) => b.path));
  const file = join('workflows', `${id}.machine.ts`).split('\\').join('/');
  return bad.map((b) => diagnostic('error', 'legal/unknown', file, `state "${b.path}": meta.legal "${b.id}" is not an id of the legalBasis of ${sop.file} (known: ${known(sop)}); add it there or fix the id`, at.states.get(b.path) ?? at.machine));
}

/** The legal-concordance rules of `sopkit check`. */
export async function checkLegal(ctx: CheckContext): Promise<Diagnostic[]> {
  const out = ctx.project.sops.flatMap(sopRules);
  for (const abs of workflowFiles(ctx.project.root)) out.push(...(await workflowRules(ctx, abs)));
  return out;
}
