import { refuseNonProject } from '../not-a-project.ts';
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { loadProject } from '../../lib/content/project.ts';
import { formatDiagnostic } from '../../lib/diagnostics.ts';
import { SopkitError } from '../../lib/errors.ts';
import { inputFile } from '../../lib/input-file.ts';
import { registerDiagnostic } from '../../lib/lifecycle/check-rules.ts';
import { isOpen } from '../../lib/lifecycle/comments.ts';
import { checkRegisters } from '../../lib/lifecycle/register-check.ts';
import { readRegister, type Register } from '../../lib/lifecycle/register-read.ts';
import { reviewLineCounts } from '../../lib/lifecycle/review-lines.ts';
import { outlineLookup } from '../../lib/lifecycle/versions.ts';
import { checkAction } from '../args.ts';
import type { Command } from '../command.ts';

export const comments: Command = {
  name: 'comments',
  help: `Usage: sopkit comments check <register.csv|register.xlsx...> [--json]

Reads each comment register and checks every row against the SOP version it names: the SOP,
the version (one of its history), the section and the paragraph (in the text of that version:
the current file, or the git history for an older version), the type, the decision and its
response. Every problem is printed as
  path:row:col  error|warning  code  row N, column "header": message
Several registers are merged, and a comment found twice (same commenter, SOP, version,
section, paragraph and text) is reported. Exits 1 when there is any error.

Columns: commenter, sop, version, section, paragraph, line, type (general | technical |
editorial), comment, proposal, decision (accepted | accepted-in-part | rejected | noted; empty
while open), response, changedIn. \`sopkit review-copy <sop>\` writes a template.

Options:
  --json   print {"comments": [...], "problems": [...], "errors": n, "warnings": n}

Example:
  sopkit comments check content/consultations/validation-2025-06-comments.csv returned/*.xlsx`,
  options: {
    json: { type: 'boolean' },
  },
  async run({ positionals, values, root, io }) {
    refuseNonProject(root, 'comments');
    const [action, ...files] = positionals;
    checkAction('comments', action, ['check'], 'sopkit comments check <register.csv|register.xlsx...>');
    if (!files.length) throw new SopkitError('comments/usage', 'name the registers to check: sopkit comments check <register.csv|register.xlsx...> (run `sopkit comments --help`)');
    const project = loadProject(root);
    const registers: Register[] = [];
    const named = new Map<string, string>();
    for (const file of files) {
      const abs = inputFile(root, file, 'comments/not-found');
      // One register named twice (a shell glob and a name, ./a.csv and a.csv) read every row as a
      // duplicate of itself: "row 13: the same comment as row 13".
      const real = realpathSync(abs);
      const before = named.get(real);
      if (before !== undefined) throw new SopkitError('comments/usage', `${before === file ? `${file} is named twice` : `${file}: the same register as ${before}`}; name each register once`);
      named.set(real, file);
      const shown = relative(root, abs).split(sep).join('/');
      registers.push(await readRegister(abs, shown.startsWith('..') ? file : shown));
    }
    const checked = checkRegisters(registers, project, outlineLookup(project), await reviewLineCounts(registers, project));
    const diagnostics = checked.problems.map(registerDiagnostic).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const open = checked.comments.filter(isOpen).length;
    if (values.json) io.out(JSON.stringify({ comments: checked.comments, problems: diagnostics, errors, warnings }, null, 2));
    else {
      for (const d of diagnostics) io.out(formatDiagnostic(d));
      // Every comment row counted: rows with an error are not comments yet, and 14 rows with 12
      // of them wrong read "2 comments".
      const commentRows = new Set(registers.flatMap((r) => r.rows.map((x) => `${r.file}\0${x.row}`)));
      const faulty = new Set(checked.problems.filter((p) => p.severity === 'error' && commentRows.has(`${p.file}\0${p.row}`)).map((p) => `${p.file}\0${p.row}`)).size;
      const total = checked.comments.length + faulty;
      const split = faulty ? `${faulty} with errors, left out; of the others ${open} open, ${checked.comments.length - open} decided` : `${open} open, ${checked.comments.length - open} decided`;
      io.err(`${files.length} register${files.length === 1 ? '' : 's'}, ${total} comment${total === 1 ? '' : 's'} (${split}): ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    }
    return errors ? 1 : 0;
  },
};
