import { refuseNonProject } from '../not-a-project.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { today } from '../../lib/check/index.ts';
import { layout, loadProject } from '../../lib/content/project.ts';
import { parse as parseYaml } from 'yaml';
import { SopkitError } from '../../lib/errors.ts';
import { sopScaffold } from '../../lib/scaffold/sop.ts';
import { quizScaffold } from '../../lib/assessment/scaffold.ts';
import { sopOfNewWorkflow, workflowScaffold } from '../../lib/workflow/scaffold.ts';
import { courseScaffold, moduleScaffold, titleOf } from '../../lib/training/scaffold.ts';
import { evaluationScaffold } from '../../lib/training/evaluation/scaffold.ts';
import { evaluationsDir } from '../../lib/training/evaluation/load.ts';
import { kebabId, maxNewIdLength } from '../../schemas/common.ts';
import type { Command, CommandContext } from '../command.ts';

/** A scaffold: where it goes and how its text is made. */
interface Scaffold {
  path(id: string): string;
  text(id: string, ctx: CommandContext): string | Promise<string>;
  /** Files the new one needs and that are written with it when they do not exist yet. */
  companions?(id: string, ctx: CommandContext): { path: string; text: string }[];
  /** What to do next that the file alone does not do, printed after it. */
  next?(id: string, ctx: CommandContext): string | undefined;
}

/** A module's quiz: the existing `quizzes/<id>.yaml`, or a new scaffold written with the module. */
function moduleQuiz(id: string, root: string): { path: string; text: string; exists: boolean } {
  const path = join(layout.quizzes, `${id}.yaml`);
  const abs = join(root, path);
  return existsSync(abs) ? { path, text: readFileSync(abs, 'utf8'), exists: true } : { path, text: quizScaffold(id, loadProject(root)), exists: false };
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
  module: {
    path: (id) => join(layout.modules, `${id}.mdx`),
    text: (id, { root }) => moduleScaffold(id, loadProject(root), moduleQuiz(id, root).text),
    companions: (id, { root }) => {
      const quiz = moduleQuiz(id, root);
      return quiz.exists ? [] : [quiz];
    },
  },
  course: {
    path: (id) => join(layout.courses, `${id}.yaml`),
    text: (id, { root }) => courseScaffold(id, loadProject(root)),
    // Its evaluation form, named by the course's evaluation: line and naming the course back (an
    // existing form of that id is kept, and linked).
    companions: (id, { root }) => {
      const path = join(evaluationsDir, `${id}.yaml`);
      return existsSync(join(root, path)) ? [] : [{ path, text: evaluationScaffold(id, loadProject(root), { title: titleOf(id) }) }];
    },
  },
  evaluation: {
    path: (id) => join(evaluationsDir, `${id}.yaml`),
    text: (id, { root }) => evaluationScaffold(id, loadProject(root)),
    next(id, { root }) {
      // The form names the course of its id, but the course's page, timetable and print pack take
      // the form its own `evaluation:` names: without that line the form was left out of all three.
      // A hint, not an edit: the course file is the trainer's, with their comments and layout.
      const course = loadProject(root).courses.find((c) => c.id === id && c.data);
      const named = course?.data?.evaluation;
      if (!course || named === id) return undefined;
      return named === undefined
        ? `next: add "evaluation: ${id}" to ${course.file}, so that the course's page, timetable and print pack include this form`
        : `next: ${course.file} runs evaluation ${named}; to run this form instead, set "evaluation: ${id}" there`;
    },
  },
  workflow: {
    path: (id) => join(layout.workflows, `${id}.machine.ts`),
    text: (id, { root }) => workflowScaffold(id, loadProject(root)),
    next(id, { root }) {
      // Its states name that SOP's steps, but until the SOP declares the machine nothing uses it.
      const project = loadProject(root);
      const sop = sopOfNewWorkflow(project, id);
      return sop && !sop.data?.workflow ? `next: add "workflow: ${id}" to the frontmatter of ${sop.file}, so that check holds each state to its step and the SOP's page simulates the machine` : undefined;
    },
  },
};

/** `sopkit new translation <id> --lang <code>`: the source's file, to translate in place. */
async function startTranslation(root: string, id: string | undefined, lang: unknown, of: unknown, io: CommandContext['io']): Promise<number> {
  const project = loadProject(root);
  const codes = project.locales.map((l) => l.code);
  if (!id || lang === undefined) throw new SopkitError('new/usage', `usage: sopkit new translation <sop, module or quiz id> --lang <${codes.slice(1).join('|') || 'code'}>`);
  if (typeof lang !== 'string' || !codes.slice(1).includes(lang)) {
    throw new SopkitError('new/lang', `--lang ${String(lang)}: ${lang === codes[0] ? "that is the pack's own language" : 'not a language of the site'}; a translation is in one of content/site.yaml's other locales: ${codes.slice(1).join(', ') || 'none (add one to locales: first)'}`);
  }
  if (of !== undefined && of !== 'sop' && of !== 'module' && of !== 'quiz') throw new SopkitError('new/of', `--of ${String(of)}: write sop, module or quiz (what the id names)`);
  const { translationStart } = await import('../../lib/translation/scaffold.ts');
  const start = translationStart(project, id, lang, of);
  if (existsSync(join(root, start.path))) {
    // The SOP's translation exists, and its quiz (or module) of the same id was meant: say how.
    const others = start.alsoOf;
    const hint = others.length ? `; for the ${others.join(' or the ')} of that id: sopkit new translation ${id} --lang ${lang} --of ${others[0]}` : '';
    throw new SopkitError('new/exists', `${start.path} already exists: edit it (sopkit check says what is out of date in it)${hint}`);
  }
  mkdirSync(dirname(join(root, start.path)), { recursive: true });
  writeFileSync(join(root, start.path), start.text);
  io.out(`created ${start.path}`);
  io.out(start.next);
  return 0;
}

/** Whether `id: <id>` in a YAML file reads back as that text (not as a number, a boolean or null). */
function readsAsText(id: string): boolean {
  return parseYaml(`id: ${id}`)?.id === id;
}

export const newCommand: Command = {
  name: 'new',
  help: `Usage: sopkit new <kind> <id>
       sopkit new translation <id> --lang <code> [--of sop|module|quiz]

Kinds: ${Object.keys(scaffolds).join(', ')}, translation
Writes the file (content/sops/<id>.mdx for an SOP) with the standard sections and refuses to
overwrite an existing one. A module (content/modules/<id>.mdx) uses the objectives of
quizzes/<id>.yaml, which is written with it when it does not exist; a course
(content/courses/<id>.yaml) puts the first module on a generated timetable, lists the others
as lines to take in, and is written with its evaluation form (quizzes/evaluations/<id>.yaml,
unless that exists); an evaluation
(quizzes/evaluations/<id>.yaml) is an anonymous form on a 5-point scale; named after a course, it
names that course, and the command says the evaluation: line to add to the course. The id is lower case with hyphens, e.g. marriage-registration.

A translation starts from its source: \`sopkit new translation national-id-enrolment --lang ar\`
writes content/ar/sops/national-id-enrolment.mdx (a module: content/ar/modules/<id>.mdx; a quiz:
quizzes/ar/<id>.yaml), the source's file with language and translationOf set, to translate in
place; \`sopkit check\` lists the passages still in the source's words. An SOP and its quiz (or a
module and its quiz) often share an id: the SOP is taken first, then the module, then the quiz;
--of sop|module|quiz says which (\`sopkit new translation certified-copies --lang fr --of quiz\`).`,
  maxArguments: 2,
  options: { lang: { type: 'string' }, of: { type: 'string' } },
  async run({ positionals, root, io, values }) {
    // A kind or an id missing is a usage line first; then a folder that is no project is refused.
    if (positionals[0] && positionals[1]) refuseNonProject(root, 'new');
    const [kind, id] = positionals;
    if (kind === 'translation') return startTranslation(root, id, values.lang, values.of, io);
    if (values.of !== undefined) throw new SopkitError('new/of', `--of is for \`sopkit new translation <id> --lang <code> --of sop|module|quiz\``);
    if (values.lang !== undefined) throw new SopkitError('new/lang', `--lang is for \`sopkit new translation <id> --lang <code>\`; a ${kind ?? 'new file'} is written in the pack's language`);
    const scaffold = kind && Object.hasOwn(scaffolds, kind) ? scaffolds[kind] : undefined;
    if (kind && !scaffold) throw new SopkitError('new/kind', `"${kind}" is not a kind of file sopkit new makes; kinds: ${Object.keys(scaffolds).join(', ')}`);
    if (!scaffold || !id) {
      throw new SopkitError('new/usage', `usage: sopkit new <${Object.keys(scaffolds).join('|')}> <id>`);
    }
    if (id.length > maxNewIdLength) {
      throw new SopkitError('new/long-id', `"${id.slice(0, 24)}…" is ${id.length} characters long: an id has at most ${maxNewIdLength}; use a short one, like marriage-registration`);
    }
    if (!kebabId.safeParse(id).success) {
      throw new SopkitError('new/bad-id', `"${id}" is not a valid id: use lower case letters, digits and hyphens, like marriage-registration`);
    }
    // The file written must pass the check: `id: 123`, `id: true` or `id: 1e5` read back as a
    // number or a boolean, and a title made from "a" is shorter than a title may be.
    if (id.length < 3 || !readsAsText(id)) {
      throw new SopkitError('new/bad-id', `"${id}" cannot be an id: an id has at least 3 characters and is not read as a number or a value (123, 1e5, true, null); use one like marriage-registration`);
    }
    const rel = scaffold.path(id);
    const abs = join(root, rel);
    if (existsSync(abs)) throw new SopkitError('new/exists', `${rel} already exists; choose another id or edit that file`);
    // An SOP and a module share the handbooks' folder: one of each with the same id wrote
    // handbooks/<id>.pdf twice, and the module's workbook replaced the SOP's handbook.
    const other = kind === 'sop' ? `content/modules/${id}.mdx` : kind === 'module' ? `content/sops/${id}.mdx` : undefined;
    if (other && existsSync(join(root, other))) throw new SopkitError('new/exists', `${other} already has the id ${id}: an SOP and a module share the handbooks' file names (handbooks/${id}.pdf), so one would replace the other; choose another id`);
    const ctx = { positionals, root, io, values };
    const text = await scaffold.text(id, ctx);
    for (const file of [...(scaffold.companions?.(id, ctx) ?? []), { path: rel, text }]) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.text);
      io.out(`created ${file.path}`);
    }
    const next = scaffold.next?.(id, ctx);
    if (next) io.out(next);
    return 0;
  },
};
