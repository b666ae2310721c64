// The check before printing: `handbook`, `review-copy` and `booklet` print only sources that
// `sopkit check` passes, as the build does. Before, only a file whose frontmatter or MDX did not
// parse was refused: an unknown parameter printed as "{param:…}", an unknown term as its id, a
// workflow that did not load left its diagram and step table out, a quiz without a right answer
// printed an answer key with a blank, and every one of them exited 0.
import { runChecksWithTimeLimit } from '../lib/check/in-worker.ts';
import { cachedCheck, checkKey } from '../lib/check/result-cache.ts';
import { today } from '../lib/check/today.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';
import { SopkitError } from '../lib/errors.ts';
import { timeLimitMs } from '../lib/time-limit/run-in-worker.ts';

/** Sources every printed document draws on: an error in one of them concerns every print. */
const SHARED = new Set(['content/parameters.yaml', 'content/glossary.yaml', 'content/roles.yaml', 'content/site.yaml']);

/** How many errors the refusal lists before "and N more". */
const SHOWN = 8;

/**
 * Runs the check (workflow code under the time limit) and refuses to print when it finds an error
 * in a file the documents are made from, or in a source all documents share. The result of the
 * last check is reused while nothing it reads has changed (the build's `.sopkit-cache/check/`):
 * printing the plan, then the sheets, then the report of a dry run checked the pack each time,
 * seconds to a minute of waiting for the same answer.
 * @param root Project root.
 * @param what What was to be printed, for the message (`SOP birth-registration`, `every SOP`).
 * @param concerns Whether an error of this root-relative file concerns what is printed.
 * @param only For a command that only reads a text: the errors that stop it.
 * @param except Codes of errors that do not stop this print (the dry-run plan: its results file, not written yet).
 * @throws SopkitError listing the errors, `path:line:col  error  code  message`.
 */
export async function refuseCheckErrors(root: string, what: string, concerns: (file: string) => boolean, only?: ReadingErrors, except: readonly string[] = []): Promise<void> {
  const day = today();
  const limit = timeLimitMs();
  const { summary } = await cachedCheck(root, checkKey(root, day, limit), () => runChecksWithTimeLimit(root, { today: day, timeLimitMs: limit }));
  const { diagnostics } = summary;
  const errors = diagnostics.filter((d) => d.severity === 'error' && !except.includes(d.code) && (only ? only.codes(d.code) && concerns(d.file) : SHARED.has(d.file) || concerns(d.file)));
  if (!errors.length) return;
  const listed = errors.slice(0, SHOWN).map((d) => `  ${formatDiagnostic(d)}`);
  if (errors.length > SHOWN) listed.push(`  and ${errors.length - SHOWN} more (sopkit check lists them all)`);
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  const them = errors.length === 1 ? 'it' : 'them';
  if (only) throw new SopkitError('print/check-errors', `${only.refusal}: \`sopkit check\` reports ${count} in ${what} (${only.why}); fix ${them} and run again:\n${listed.join('\n')}`);
  throw new SopkitError('print/check-errors', `nothing printed: \`sopkit check\` reports ${count} in ${what}, and documents are printed only from sources the check passes (as the site is built), so that no print carries an error; fix ${them} and print again:\n${listed.join('\n')}`);
}

/** For a command that only reads a text: the errors that stop it, and what to say. */
export interface ReadingErrors {
  codes: (code: string) => boolean;
  /** "nothing compared". */
  refusal: string;
  /** Why those errors stop it. */
  why: string;
}

/** The errors after which a file cannot be read as it is meant: it does not parse, or its workflow does not load. */
export function unreadable(code: string): boolean {
  return /^(file|yaml)\//.test(code) || ['mdx/syntax', 'mdx/too-deep', 'mdx/esm', 'mdx/expression', 'sop/frontmatter', 'workflow/exit', 'workflow/timeout', 'workflow/import', 'workflow/no-machine'].includes(code);
}

/** Whether a file is an SOP's own source or its workflow's (translations included). */
export function sopSources(project: { sops: readonly { id: string; file: string; data?: { workflow?: string } | undefined }[] }, ids: readonly string[]): (file: string) => boolean {
  const files = new Set<string>();
  const workflows = new Set<string>();
  for (const id of ids) {
    const sop = project.sops.find((s) => s.id === id);
    if (!sop) continue;
    files.add(sop.file);
    if (sop.data?.workflow) workflows.add(sop.data.workflow);
  }
  return (file) =>
    files.has(file) ||
    ids.some((id) => file === `content/${file.split('/')[1]}/sops/${id}.mdx`) ||
    [...workflows].some((w) => new RegExp(`^workflows/(?:[^/]+/)?${w}\\.machine\\.[cm]?[jt]s$`).test(file));
}

/** Whether a file is a training module's own source (translations included) or its quiz's. */
export function moduleSources(project: { modules: readonly { id: string; file: string; data?: { quiz?: string } | undefined }[] }, ids: readonly string[]): (file: string) => boolean {
  const modules = project.modules.filter((m) => ids.includes(m.id));
  const quizzes = modules.flatMap((m) => (m.data?.quiz ? [m.data.quiz] : []));
  return (file) =>
    modules.some((m) => file === m.file || file === `content/${file.split('/')[1]}/modules/${m.id}.mdx`) ||
    quizzes.some((q) => quizFile(q, file));
}

/** Whether a file is the quiz's source or one of its translations (`quizzes/<lang>/<id>.yaml`). */
export function quizFile(id: string, file: string): boolean {
  return new RegExp(`^quizzes/(?:[^/]+/)?${id}\\.ya?ml$`).test(file);
}
