import { refuseNonProject } from '../not-a-project.ts';
import { runChecksWithTimeLimit } from '../../lib/check/in-worker.ts';
import { formatDiagnostic, hasErrors } from '../../lib/diagnostics.ts';
import { timeLimitMs } from '../../lib/time-limit/run-in-worker.ts';
import { dateOption } from '../args.ts';
import type { Command } from '../command.ts';

export const check: Command = {
  name: 'check',
  help: `Usage: sopkit check [--json] [--today YYYY-MM-DD] [--time-limit SECONDS]

Checks every file under content/, workflows/ and quizzes/ and prints each problem as
  path:line:col  error|warning  code  message
Exits 1 when there is any error (warnings alone exit 0).

Workflow files are code: each one gets a time limit to load and to run its scenarios, and
one that does not finish is reported as workflow/timeout. Whatever that code prints goes
to stderr, so --json output is only JSON.

Options:
  --json                 print {"diagnostics": [...], "errors": n, "warnings": n}
  --today YYYY-MM-DD     judge review dates against this day instead of today
  --time-limit SECONDS   time limit of each workflow file (default 20, or SOPKIT_TIME_LIMIT)`,
  maxArguments: 0,
  options: {
    json: { type: 'boolean' },
    today: { type: 'string' },
    'time-limit': { type: 'string' },
  },
  async run({ values, root, io }) {
    refuseNonProject(root, 'check');
    const today = dateOption('--today', values.today);
    const limit = timeLimitMs(typeof values['time-limit'] === 'string' ? values['time-limit'] : undefined);
    const { sops, diagnostics } = await runChecksWithTimeLimit(root, { ...(today ? { today } : {}), timeLimitMs: limit });
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    if (values.json) {
      io.out(JSON.stringify({ diagnostics, errors, warnings }, null, 2));
    } else {
      for (const d of diagnostics) io.out(formatDiagnostic(d));
      io.err(`${sops} SOPs checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
