import type { CheckContext } from '../check/context.ts';
import { componentSpecs } from '../content/components.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { printRenderers } from './components/index.ts';

/** Components of the registry that have no print renderer (a platform defect). */
export function componentsWithoutPrintRenderer(): string[] {
  return Object.keys(componentSpecs).filter((name) => !printRenderers[name]).sort();
}

/**
 * Reports every use of a component that the handbook could not print: the printed SOP would
 * silently lose it. Points at the use, so the author sees it with the other messages.
 */
export function checkPrintRenderers(ctx: CheckContext): Diagnostic[] {
  const missing = new Set(componentsWithoutPrintRenderer());
  if (!missing.size) return [];
  const out: Diagnostic[] = [];
  for (const sop of [...ctx.project.sops, ...ctx.project.modules]) {
    for (const use of sop.uses) {
      if (missing.has(use.name)) {
        out.push(diagnostic('error', 'mdx/no-print-renderer', sop.file, `<${use.name}> has a web renderer but no print renderer, so the handbook would leave it out; add one in src/lib/handbook/components/`, use.at));
      }
    }
  }
  return out;
}
