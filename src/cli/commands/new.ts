import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { today } from '../../lib/check/index.ts';
import { layout, loadProject } from '../../lib/content/project.ts';
import { SopkitError } from '../../lib/errors.ts';
import { sopScaffold } from '../../lib/scaffold/sop.ts';
import { quizScaffold } from '../../lib/assessment/scaffold.ts';
import { workflowScaffold } from '../../lib/workflow/scaffold.ts';
import { kebabId } from '../../schemas/common.ts';
import type { Command, CommandContext } from '../command.ts';

/** A scaffold: where it goes and how its text is made. */
interface Scaffold {
  path(id: string): string;
  text(id: string, ctx: CommandContext): string | Promise<string>;
}

const scaffolds: Record<string, Scaffold> = {
  sop: {
    path: (id) => join(layout.sops, `${id}.mdx`),
    text(id, { root }) {
      const role = loadProject(root).roles[0]?.id;
      if (!role) throw new SopkitError('new/no-roles', `${layout.roles} has no roles; add at least one role before creating an SOP`);
      return sopScaffold({ id, role, today: today() });
    },
  },
  quiz: {
    path: (id) => join(layout.quizzes, `${id}.yaml`),
    text: (id, { root }) => quizScaffold(id, loadProject(root)),
  },
  workflow: {
    path: (id) => join(layout.workflows, `${id}.machine.ts`),
    text: (id, { root }) => workflowScaffold(id, loadProject(root)),
  },
};

export const newCommand: Command = {
  name: 'new',
  summary: 'create a new SOP (or other source) from a template that passes check',
  help: `Usage: sopkit new <kind> <id>

Kinds: ${Object.keys(scaffolds).join(', ')}
Writes the file (content/sops/<id>.mdx for an SOP) with the standard sections and refuses to
overwrite an existing one. The id is lower case with hyphens, e.g. marriage-registration.`,
  options: {},
  async run({ positionals, root, io, values }) {
    const [kind, id] = positionals;
    const scaffold = kind ? scaffolds[kind] : undefined;
    if (!scaffold || !id) {
      throw new SopkitError('new/usage', `usage: sopkit new <${Object.keys(scaffolds).join('|')}> <id>`);
    }
    if (!kebabId.safeParse(id).success) {
      throw new SopkitError('new/bad-id', `"${id}" is not a valid id: use lower case letters, digits and hyphens, like marriage-registration`);
    }
    const rel = scaffold.path(id);
    const abs = join(root, rel);
    if (existsSync(abs)) throw new SopkitError('new/exists', `${rel} already exists; choose another id or edit that file`);
    const text = await scaffold.text(id, { positionals, root, io, values });
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    io.out(`created ${rel}`);
    return 0;
  },
};
