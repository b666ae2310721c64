import type { Project } from '../content/project.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** What every check gets: the loaded project and the date to judge deadlines against. */
export interface CheckContext {
  project: Project;
  /** Today's date as YYYY-MM-DD (injectable so tests do not depend on the clock). */
  today: string;
}

/** A group of checks over the project. Async because workflow and quiz checks load modules. */
export type Checker = (ctx: CheckContext) => Diagnostic[] | Promise<Diagnostic[]>;
