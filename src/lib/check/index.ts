import { loadProject, type Project } from '../content/project.ts';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { Checker, CheckContext } from './context.ts';
import { checkSops } from './sop-rules.ts';
import { checkImages } from './image-rules.ts';
import { checkQuizzes } from '../assessment/check.ts';
import { checkPrintableCharacters, checkPrintRenderers } from '../handbook/check.ts';
import { checkWorkflows } from '../workflow/check.ts';
import { checkTraining } from '../training/check.ts';
import { checkDryRuns } from '../lifecycle/dryrun/check.ts';
import { checkLifecycle } from '../lifecycle/check-rules.ts';
import { checkParameters } from '../params/check.ts';
import { checkLegal } from '../legal/check.ts';
import { checkTranslations } from '../translation/check.ts';
import { checkArabicCases } from './arabic-cases.ts';
import { checkFrenchSpacing } from './french-spacing.ts';
import { checkFormWords } from './form-word.ts';
import { checkSite } from './site-rules.ts';
import { checkOldRoleTitles } from './role-titles.ts';
import { checkUnusedRoles } from './unused-roles.ts';
import { today } from './today.ts';
import { withoutFollowOns } from './follow-on.ts';

export type { Checker, CheckContext } from './context.ts';

/** All checkers, in the order their messages are most useful. */
const checkers: Checker[] = [checkSops, checkImages, checkWorkflows, checkQuizzes, checkTraining, checkPrintRenderers, checkPrintableCharacters, checkFrenchSpacing, checkArabicCases, checkFormWords, checkParameters, checkLegal, checkLifecycle, checkDryRuns, checkTranslations, checkSite, checkOldRoleTitles, checkUnusedRoles];

// Today's date lives in its own module so the build can key a check on it without loading the checkers.
export { today } from './today.ts';

export interface CheckResult {
  project: Project;
  diagnostics: Diagnostic[];
}

/**
 * Loads the project and runs every check: what `sopkit check` prints and `astro build` enforces.
 * @param root Project root.
 * @param options.today Date to judge review deadlines against.
 */
export async function runChecks(root: string, options: { today?: string } = {}): Promise<CheckResult> {
  const project = loadProject(root);
  const ctx: CheckContext = { project, today: options.today ?? today() };
  const found: Diagnostic[] = [...project.diagnostics];
  for (const checker of checkers) found.push(...(await checker(ctx)));
  return { project, diagnostics: sortDiagnostics(withoutFollowOns(found)) };
}
