import type { Project } from '../content/project.ts';
import type { Quiz } from '../../schemas/quiz.ts';

/**
 * The code a reader knows a quiz by, for the running footers of its prints and reports: its
 * module's code (`M1`, as the timetable names a module's test) or, for a quiz about one SOP, the
 * SOP's code (`SOP-CR-01`); undefined for a quiz with neither (its prints name it by its title).
 * Never the quiz's file id.
 * @param project The modules and SOPs of the pack.
 * @param quiz The quiz (its id, `module` and `sop`).
 */
export function quizCode(project: Pick<Project, 'modules' | 'sops'>, quiz: Pick<Quiz, 'id' | 'module' | 'sop'>): string | undefined {
  const module = project.modules.find((m) => m.data?.quiz === quiz.id) ?? project.modules.find((m) => m.id === quiz.module);
  if (module?.data?.code) return module.data.code;
  return project.sops.find((s) => s.id === quiz.sop)?.data?.code || undefined;
}

/** The pack's SOP codes by id (`birth-registration` → `SOP-CR-01`): an answer key names a cited SOP by its code. */
export function sopCodes(project: Pick<Project, 'sops'>): Record<string, string> {
  return Object.fromEntries(project.sops.flatMap((s) => (s.data?.code ? [[s.id, s.data.code]] : [])));
}
