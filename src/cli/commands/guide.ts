import { loadProject, type Project } from '../../lib/content/project.ts';
import { didYouMean } from '../../lib/did-you-mean.ts';
import { SopkitError } from '../../lib/errors.ts';
import type { Edition } from '../../lib/handbook/editions.ts';
import type { WrittenPdf } from '../../lib/handbook/write.ts';
import { knownIds } from '../../lib/known-ids.ts';
import { langOption } from '../../lib/translation/lang-option.ts';
import { idsOrAll } from '../args.ts';
import type { Command } from '../command.ts';
import { outDir as resolveOutDir } from '../out.ts';
import { moduleSources, quizFile, refuseCheckErrors } from '../print-gate.ts';
import { parsePaper, report } from './handbook.ts';

/** `--edition participant|trainer` for a guide: the trainer's unless asked (there is one guide per file, not both). */
function guideEditionOption(value: unknown): Edition {
  if (value === undefined) return 'trainer';
  if (value === 'trainer' || value === 'participant') return value;
  throw new SopkitError('guide/edition', `--edition ${String(value)}: use trainer (the default) or participant`);
}

/** Whether a root-relative file is one a course's guide is made from: the course (and its translations), its modules, tests and evaluation forms. */
export function courseSources(project: Project, ids: readonly string[]): (file: string) => boolean {
  const courses = project.courses.filter((c) => ids.includes(c.id));
  const modules = moduleSources(project, courses.flatMap((c) => c.data?.modules ?? []));
  const quizzes = courses.flatMap((c) => [c.data?.pretest, c.data?.posttest].filter((q): q is string => !!q));
  const forms = courses.flatMap((c) => [c.data?.evaluation, ...(c.data?.modules ?? []).map((m) => project.modules.find((x) => x.id === m)?.data?.evaluation)].filter((e): e is string => !!e));
  return (file) =>
    courses.some((c) => file === c.file || new RegExp(`^content/[^/]+/courses/${c.id}\\.ya?ml$`).test(file)) ||
    modules(file) ||
    quizzes.some((q) => quizFile(q, file)) ||
    forms.some((f) => new RegExp(`^quizzes/(?:[^/]+/)?evaluations/${f}\\.ya?ml$`).test(file));
}

export const guide: Command = {
  name: 'guide',
  help: `Usage: sopkit guide <course...|--all> [--edition trainer|participant] [--lang L] [--paper a4|letter] [--out DIR]

Writes the trainer's guide of each course named (ids from content/courses/) as <course>-guide.pdf,
the file the site links from the course's page: what to prepare two weeks, one week and the day
before, the room, the print pack with the copies of each file, how to run, score and report the
tests and the session evaluation, and the timetable day by day.
The session evaluation forms it names print with \`sopkit evaluation-form\`.

Options:
  --all         every course in content/courses/
  --edition E   trainer (default): the guide with the trainer-only files (answer keys, trainer
                manuals) and the scoring page linked; participant: the guide the participant
                site publishes, which names those files without linking them
  --lang L      the guide's words in language L (a language of content/site.yaml), the course's
                words from content/L/courses/<course>.yaml where it has them, as <course>-guide.L.pdf
  --paper P     a4 (default) or letter
  --out DIR     where to write (default: handbooks)

Examples:
  sopkit guide registry-officers
  sopkit guide registry-officers --lang fr --out print/`,
  options: {
    all: { type: 'boolean' },
    edition: { type: 'string' },
    lang: { type: 'string' },
    paper: { type: 'string' },
    out: { type: 'string' },
  },
  async run(ctx) {
    const started = performance.now();
    const { values, positionals, root } = ctx;
    idsOrAll('guide', values.all, positionals, 'course id', "every course's guide");
    const edition = guideEditionOption(values.edition);
    const paper = parsePaper(values.paper);
    const outDir = resolveOutDir(root, values.out, 'handbooks');
    const project = loadProject(root);
    const known = project.courses.map((c) => c.id);
    if (values.all && !known.length) throw new SopkitError('guide/no-courses', knownIds(root, []).startsWith('none:') ? `no course: ${knownIds(root, []).slice('none: '.length)}` : 'no course in content/courses/; add one: sopkit new course <id>');
    // A course named twice is printed once.
    const ids = values.all ? known : [...new Set(positionals)];
    // An unknown id is refused before the check of the pack (seconds), not after it.
    for (const id of ids) {
      if (!known.includes(id)) {
        const module = project.modules.some((m) => m.id === id) ? ` ("${id}" is a module: its trainer manual prints with \`sopkit handbook ${id} --edition trainer\`)` : '';
        throw new SopkitError('guide/unknown-course', `no course "${id}" in content/courses/${didYouMean(id, known)}${module}; known: ${knownIds(root, known)}`);
      }
    }
    const sourceLang = project.locales[0]?.code ?? 'en';
    const lang = langOption(project, values.lang, sourceLang);
    const translated = lang !== sourceLang;
    const ofCourses = courseSources(project, ids);
    await refuseCheckErrors(root, ids.length === 1 ? `course ${ids[0]}` : `courses ${ids.join(', ')}`, translated ? (file) => ofCourses(file) || file.startsWith(`content/${lang}/`) : ofCourses);
    for (const id of ids) if (!project.courses.find((c) => c.id === id)?.data) throw new SopkitError('guide/invalid-course', `content/courses/${id}.yaml has errors; run \`sopkit check\` and fix them first`);
    // The print engine loads only when a command prints: `sopkit check` starts faster without it.
    const { renderTrainerGuide } = await import('../../lib/training/guide-pdf.ts');
    const { guideFileName } = await import('../../lib/training/write.ts');
    const { save } = await import('../../lib/handbook/write.ts');
    const { projectIn } = await import('../../lib/translation/localize.ts');
    const { translatedPdfName } = await import('../../lib/translation/paths.ts');
    // The same files the build writes (`writeTrainingPrints`, `writeTranslatedTrainingPrints`).
    const view = translated ? projectIn(project, lang) : project;
    const written: WrittenPdf[] = [];
    for (const id of ids) {
      const file = translated ? translatedPdfName(guideFileName(id), lang) : guideFileName(id);
      written.push(save(outDir, file, await renderTrainerGuide(view, id, paper, translated ? lang : undefined, edition)));
    }
    report(ctx, outDir, written, started);
    return 0;
  },
};
