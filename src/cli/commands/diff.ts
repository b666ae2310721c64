import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../lib/content/project.ts';
import { refuseCheckErrors, sopSources, unreadable } from '../print-gate.ts';
import { SopkitError } from '../../lib/errors.ts';
import { compareSop } from '../../lib/lifecycle/diff/compare.ts';
import { compareVersions } from '../../lib/lifecycle/comments.ts';
import { componentWords } from '../../lib/content/component-words.ts';
import { renderRedlineHtml } from '../../lib/lifecycle/diff/redline-html.ts';
import { renderRedlinePdf } from '../../lib/lifecycle/diff/redline-pdf.ts';
import { ansiMarks, diffText, plainMarks } from '../../lib/lifecycle/diff/text-output.ts';
import type { Command } from '../command.ts';
import { outDir } from '../out.ts';

/** Colours only on a terminal that shows them, and never when NO_COLOR is set. */
export function useColour(stream: { isTTY?: boolean } = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

export const diff: Command = {
  name: 'diff',
  help: `Usage: sopkit diff <sop> --from <version|git-ref|file> [--to <version|git-ref|file>]
                   [--out DIR] [--json]

Compares two versions of an SOP: sections aligned by number and title (a renumbered section with
the same title and similar text is "moved"), words inserted and deleted inside each, sections
added and removed, frontmatter changes (status, version, roles, legal basis, forms, owner,
approval, history) and workflow changes (states, arrows, conditions and time limits).

A version is
  1.2.0        the text as it last stood at that frontmatter version in the file's git history
  <git ref>    a commit, branch or tag (HEAD~3, main, v1.2.0)
  <file>       an SOP file; a <name>.machine.ts beside it is its workflow
--to defaults to the working tree. The format is in ARCHITECTURE.md (The diff).

Options:
  --from V     the older version (required)
  --to V       the newer version (default: the working tree)
  --out DIR    also write the redline: <sop>-changes.pdf and <sop>-changes.html
  --json       print the comparison as JSON

Examples:
  sopkit diff birth-registration --from 1.2.0
  sopkit diff birth-registration --from 1.1.0 --to 1.2.0 --out redline/
  sopkit diff birth-registration --from drafts/birth-v1.mdx --json`,
  maxArguments: 1,
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals, root, io }) {
    const [id, extra] = positionals;
    if (!id || extra) throw new SopkitError('diff/usage', 'name one SOP: sopkit diff <sop> --from <version|git-ref|file> (run `sopkit diff --help`)');
    if (typeof values.from !== 'string') throw new SopkitError('diff/no-from', 'say which version to compare with: --from 1.2.0, --from <git ref> or --from <file>');
    // Refused before the comparison is printed, not after it (mkdir failed once the diff was out).
    const dir = typeof values.out === 'string' ? outDir(root, values.out, values.out) : undefined;
    // Components read as the project words them now (terms, role titles, parameter values).
    const project = loadProject(root);
    const sop = project.sops.find((s) => s.id === id);
    const words = componentWords(project, sop?.data?.language ?? project.site?.language ?? 'en', id);
    // Compared with the file as it is now, the SOP and its workflow must pass the check first (its
    // workflow under the time limit): an unclosed tag read as every section removed, exit 0, and a
    // machine that loops while loading hung the command.
    // Checked once both versions are found: a mistyped --from is refused at once, not after the check.
    const found = async () => {
      if (typeof values.to !== 'string' && sop) {
        await refuseCheckErrors(root, `SOP ${id} as it is now`, sopSources(project, [id]), { codes: unreadable, refusal: 'nothing compared', why: 'a text that does not parse compares as every section removed, and a workflow that does not load is not compared' });
      }
    };
    const result = await compareSop(root, id, { from: values.from, ...(typeof values.to === 'string' ? { to: values.to } : {}), words, found });
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else io.out(diffText(result, useColour() ? ansiMarks : plainMarks));
    // --from is the older version: given the other way round, what was added reads as removed.
    const [older, newer] = [result.from.version, result.to.version];
    if (older && newer && compareVersions(older, newer) > 0) {
      io.err(`warning: --from ${older} is newer than --to ${newer}, so the comparison runs backwards (what ${older} added reads as removed); give the older version as --from: --from ${newer} --to ${older}`);
    }
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const organisation = project.site?.organisation;
      writeFileSync(join(dir, `${id}-changes.pdf`), await renderRedlinePdf(result, { ...(organisation ? { organisation } : {}) }));
      writeFileSync(join(dir, `${id}-changes.html`), renderRedlineHtml(result));
      io.err(`wrote ${id}-changes.pdf, ${id}-changes.html to ${values.out}`);
    }
    return 0;
  },
};
