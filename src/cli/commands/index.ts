import type { Command } from '../command.ts';

/**
 * Every `sopkit` command, in the order `--help` lists them, with its line for `--help`, each
 * loaded only when it runs: a command starts with its own libraries, not every command's (the
 * print engine, statistics), and `--help` loads none.
 */
const catalogue: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: 'check SOPs, workflows and quizzes; exit 1 on any error', load: async () => (await import('./check.ts')).check },
  simulate: { summary: 'run a workflow: a scenario, every scenario, or a list of events', load: async () => (await import('./simulate.ts')).simulate },
  score: { summary: 'score pre/post test responses: item analysis, gains, report', load: async () => (await import('./score.ts')).score },
  report: { summary: 'the training report of a course: attendance, pre/post results, evaluation, notes', load: async () => (await import('./report.ts')).report },
  quiz: { summary: 'export a quiz to Moodle (GIFT, XML) or a blank CSV template; import GIFT', load: async () => (await import('./quiz.ts')).quizCommand },
  handbook: { summary: 'print SOP handbooks (PDF): one SOP, several, or the whole pack', load: async () => (await import('./handbook.ts')).handbook },
  booklet: { summary: 'print test booklets, answer sheets and answer keys (PDF) for quiz forms', load: async () => (await import('./booklet.ts')).booklet },
  guide: { summary: "print a course's trainer's guide (PDF): preparation, print pack, tests, timetable", load: async () => (await import('./guide.ts')).guide },
  'evaluation-form': { summary: 'print session evaluation forms (PDF) to fill in on paper', load: async () => (await import('./evaluation-form.ts')).evaluationForm },
  new: { summary: 'create a new SOP (or other source) from a template that passes check', load: async () => (await import('./new.ts')).newCommand },
  'review-copy': { summary: 'print an SOP for consultation: line numbers, ¶ markers, watermark, comment sheet, register templates', load: async () => (await import('./review-copy.ts')).reviewCopy },
  comments: { summary: 'check comment registers (CSV, XLSX) against the SOP versions they comment on', load: async () => (await import('./comments.ts')).comments },
  diff: { summary: 'compare two versions of an SOP: text word by word, sections, frontmatter, workflow; redline PDF', load: async () => (await import('./diff.ts')).diff },
  dryrun: { summary: 'a dry run of an SOP: test plan, observation sheets, results template; the dry-run report', load: async () => (await import('./dryrun.ts')).dryrun },
};

/** The names of the commands, in the order `--help` lists them. */
export const commandNames: readonly string[] = Object.keys(catalogue);

/** The command of a name, loaded; `undefined` for a name that is not a command. */
export function loadCommand(name: string): Promise<Command> | undefined {
  return Object.hasOwn(catalogue, name) ? catalogue[name]?.load() : undefined;
}

/** Every command's name and its line for `--help`, in order, without loading any. */
export function commandSummaries(): { name: string; summary: string }[] {
  return Object.entries(catalogue).map(([name, { summary }]) => ({ name, summary }));
}
