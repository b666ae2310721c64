import { runChecks } from '../../lib/check/index.ts';
import { formatDiagnostic, hasErrors } from '../../lib/diagnostics.ts';
import type { Command } from '../command.ts';

export const check: Command = {
  name: 'check',
  summary: 'check SOPs, workflows and quizzes; exit 1 on any error',
  help: `Usage: sopkit check [--json] [--today YYYY-MM-DD]

Checks every file under content/, workflows/ and quizzes/ and prints each problem as
  path:line:col  error|warning  code  message
Exits 1 when there is any error (warnings alone exit 0).

Options:
  --json               print {"diagnostics": [...], "errors": n, "warnings": n}
  --today YYYY-MM-DD   judge review dates against this day instead of today`,
  options: {
    json: { type: 'boolean' },
    today: { type: 'string' },
  },
  async run({ values, root, io }) {
    const today = typeof values.today === 'string' ? values.today : undefined;
    const { project, diagnostics } = await runChecks(root, { today });
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    if (values.json) {
      io.out(JSON.stringify({ diagnostics, errors, warnings }, null, 2));
    } else {
      for (const d of diagnostics) io.out(formatDiagnostic(d));
      io.err(`${project.sops.length} SOPs checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
