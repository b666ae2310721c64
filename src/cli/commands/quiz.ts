import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { csvFile } from '../../lib/assessment/csv-write.ts';
import { responsesCsv } from '../../lib/assessment/export-csv.ts';
import { decodeText } from '../../lib/assessment/csv.ts';
import { quizToGift } from '../../lib/assessment/interchange/gift-export.ts';
import { giftToQuiz } from '../../lib/assessment/interchange/gift-import.ts';
import { quizToMoodleXml, type OrderAs } from '../../lib/assessment/interchange/moodle-xml.ts';
import { importedQuizProblems } from '../../lib/assessment/interchange/import-check.ts';
import { moodleCutWarning, moodleMarkingWarning } from '../../lib/assessment/interchange/moodle-marking.ts';
import { quizToYaml } from '../../lib/assessment/interchange/yaml.ts';
import { formatDiagnostic } from '../../lib/diagnostics.ts';
import { resolveQuiz } from '../../lib/assessment/quiz-load.ts';
import type { FormId } from '../../lib/assessment/types.ts';
import { layout, loadProject, relPath } from '../../lib/content/project.ts';
import { SopkitError } from '../../lib/errors.ts';
import { inputFile } from '../../lib/input-file.ts';
import { readUtf8File } from '../../lib/utf8-file.ts';
import { kebabId } from '../../schemas/common.ts';
import { checkAction, refuseOtherActionOptions } from '../args.ts';
import type { Command, CommandContext } from '../command.ts';
import { outFile } from '../out.ts';

const formats = ['gift', 'moodle-xml', 'template'] as const;
type Format = (typeof formats)[number];
const extension: Record<Format, string> = { gift: 'gift.txt', 'moodle-xml': 'xml', template: 'csv' };

function formOf(value: unknown): FormId | undefined {
  if (value === undefined) return undefined;
  if (value === 'pre' || value === 'post') return value;
  throw new SopkitError('quiz/bad-form', `--form ${String(value)}: use --form pre or --form post`);
}

function write({ root, io }: CommandContext, out: unknown, text: string, fallbackName: string): void {
  if (out === undefined || out === '-') {
    io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
    return;
  }
  const abs = outFile(root, String(out), fallbackName);
  mkdirSync(dirname(abs), { recursive: true });
  // A template written to a file is opened in a spreadsheet: Excel needs the byte order mark.
  writeFileSync(abs, abs.endsWith('.csv') ? csvFile(text) : text);
  io.err(`wrote ${String(out) || fallbackName}`);
}

/** --order-as: how order items go to Moodle XML; GIFT has one way. */
function orderAsOf(value: unknown, format: Format): OrderAs {
  if (value === undefined) return format === 'moodle-xml' ? 'ordering' : 'matching';
  if (value !== 'ordering' && value !== 'matching') throw new SopkitError('quiz/bad-order-as', `--order-as ${String(value)}: use --order-as ordering (Moodle 4.4 and later) or --order-as matching (older Moodle)`);
  if (format !== 'moodle-xml') {
    throw new SopkitError('quiz/bad-order-as', `--order-as is for --format moodle-xml: ${format === 'gift' ? 'GIFT always sends order items as matching questions (its ordering syntax cannot carry every step text); export Moodle XML for the ordering question' : 'a template has no questions'}`);
  }
  return value;
}

function exportQuiz(ctx: CommandContext): number {
  const [, idOrPath] = ctx.positionals;
  if (!idOrPath) throw new SopkitError('quiz/usage', 'usage: sopkit quiz export <id|path.yaml> --format gift|moodle-xml|template [--form pre|post] [--out FILE]');
  const format = (ctx.values.format ?? 'gift') as Format;
  if (!formats.includes(format)) throw new SopkitError('quiz/bad-format', `--format ${format}: use one of ${formats.join(', ')}`);
  const form = formOf(ctx.values.form);
  const orderAs = orderAsOf(ctx.values['order-as'], format);
  const { quiz, file } = resolveQuiz(ctx.root, idOrPath);
  if (format === 'template' && !form) throw new SopkitError('quiz/template-form', 'a responses template is for one form: add --form pre or --form post');
  const text = format === 'gift' ? quizToGift(quiz, form) : format === 'moodle-xml' ? quizToMoodleXml(quiz, form, { orderAs }) : responsesCsv(quiz, form ?? 'pre');
  // An export never belongs over a source of the pack: `--out quizzes/<id>.yaml` replaced the quiz
  // itself with GIFT text, and `--out content/sops/x.mdx` an SOP with a CSV, exit 0.
  const name = `${quiz.id}${form ? `-${form}` : ''}.${extension[format]}`;
  if (typeof ctx.values.out === 'string' && ctx.values.out !== '-') {
    const target = outFile(ctx.root, ctx.values.out, name);
    const rel = relPath(resolve(ctx.root), target);
    if (existsSync(target) && /^(content|quizzes|workflows)\//.test(rel)) {
      throw new SopkitError('quiz/overwrite-source', `--out ${ctx.values.out}: that file is a source of the pack (${rel}); write the export elsewhere, e.g. --out exports/${name}`);
    }
    // A blank template never goes over answers typed into one: `--out pre.csv`, the help's own
    // example, emptied the file of the course's 18 participants' answers, exit 0.
    const rows = format === 'template' && existsSync(target) && statSync(target).isFile() ? answerRows(readFileSync(target)) : 0;
    if (rows > 0) throw new SopkitError('quiz/overwrite-responses', `--out ${ctx.values.out}: that file already has ${rows} row${rows === 1 ? '' : 's'} of answers, which a blank template would replace; write the template elsewhere (e.g. --out ${name}), or delete the file first if its answers are not needed`);
  }
  write(ctx, ctx.values.out, text, name);
  // On stderr, so an export to the screen stays a clean file; the file itself is still valid.
  const warning = format === 'template' ? undefined : moodleMarkingWarning(quiz, file, form, orderAs);
  if (warning) ctx.io.err(warning);
  const cut = format === 'moodle-xml' ? moodleCutWarning(quiz, file, form, orderAs) : undefined;
  if (cut) ctx.io.err(cut);
  return 0;
}

/** Rows after the header with anything in them: a file of answers, not a blank template (its separators alone count as empty). */
function answerRows(bytes: Uint8Array): number {
  const lines = decodeText(bytes).split(/\r?\n/).slice(1);
  return lines.filter((line) => /[^,;\t\s"]/.test(line)).length;
}

/** A quiz id from a file name: `questions_in_category.gift.txt` → `questions-in-category`. */
const idFromName = (name: string) => basename(name).replace(/(\.gift)?\.(ya?ml|gift|txt)$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function importQuiz(ctx: CommandContext): number {
  const [, file] = ctx.positionals;
  if (!file) throw new SopkitError('quiz/usage', 'usage: sopkit quiz import <file.gift> --out quizzes/<id>.yaml [--sop <sop-id>] [--strict]');
  const abs = inputFile(ctx.root, file, 'quiz/not-found');
  const out = typeof ctx.values.out === 'string' && ctx.values.out !== '-' ? ctx.values.out : undefined;
  const id = typeof ctx.values.id === 'string' ? ctx.values.id : idFromName(out ?? file);
  if (!kebabId.safeParse(id).success) throw new SopkitError('quiz/bad-id', `"${id}" is not a valid quiz id; give --id in lower case with hyphens, like birth-registration`);
  if (out) outFile(ctx.root, out, `${idFromName(file)}.yaml`);
  if (out && existsSync(resolve(ctx.root, out)) && !ctx.values.force) throw new SopkitError('quiz/exists', `${out} already exists; choose another --out or add --force`);
  const sop = typeof ctx.values.sop === 'string' ? ctx.values.sop : undefined;
  if (sop !== undefined) {
    // Refs and the quiz's sop are written from it: one that names no SOP gives a quiz check refuses.
    const known = loadProject(ctx.root).sops.map((s) => s.id);
    if (!known.includes(sop)) throw new SopkitError('quiz/unknown-sop', `--sop ${sop}: no SOP with that id in ${layout.sops}/; known: ${known.join(', ') || 'none'}`);
  }
  const { quiz, notes, skipped } = giftToQuiz(readUtf8File(abs, file), { id, file, strict: ctx.values.strict === true, ...(sop ? { sop } : {}) });
  for (const s of skipped) ctx.io.err(`warning: ${file}:${s.line}: question "${s.name}" (${s.type}) not imported: ${s.reason}`);
  const yaml = quizToYaml(quiz);
  write(ctx, out, yaml, `${id}.yaml`);
  for (const note of notes) ctx.io.err(`todo: ${note}`);
  // What `sopkit check` would say about the quiz itself, at its lines in the file just written.
  const problems = importedQuizProblems(yaml, out ?? `${id}.yaml`);
  for (const p of problems) ctx.io.err(formatDiagnostic(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  ctx.io.err(`imported ${quiz.items.length} question${quiz.items.length === 1 ? '' : 's'}, skipped ${skipped.length}; ${errors ? `${errors} error${errors === 1 ? '' : 's'} to fix in the quiz` : 'then run `sopkit check` to see what is still missing'}`);
  return errors ? 1 : 0;
}

export const quizCommand: Command = {
  name: 'quiz',
  help: `Usage: sopkit quiz export <id|path.yaml> [--format gift|moodle-xml|template] [--form pre|post]
                          [--order-as ordering|matching] [--out FILE]
       sopkit quiz import <file.gift> [--out quizzes/<id>.yaml] [--id ID] [--sop SOP-ID] [--force] [--strict]

export   writes the quiz (or one form of it) as
           gift        Moodle GIFT text (default); imports back into SOPKit unchanged; order
                       items as matching questions (each step to its position)
           moodle-xml  Moodle XML for the question bank; order items as Moodle's ordering
                       question (Moodle 4.4 and later), graded all or nothing, or with
                       scoring: partial by the pairs of steps in the right order, as
                       \`sopkit score\` does; --order-as matching for Moodle 4.3 and older
           template    the blank responses CSV of one form, for typing in paper tests
         to FILE, or to the screen without --out. Moodle gives part marks where \`sopkit score\`
         may not (several right answers without scoring: partial; order items sent as
         matching questions): a warning names those items and what to do.
import   reads Moodle GIFT (multiple choice, true/false, ordering, matching to 1, 2, 3... as
         order items) and writes a quiz YAML; what GIFT cannot say (objectives, SOP sections) is
         listed as todo. Other questions (essay, short answer, numerical, other matching, answer
         weights or ordering gradings that SOPKit cannot score the same way, ordering questions
         that show a subset of their items) are skipped with a warning naming their line;
         --strict refuses the file instead. A question that is not valid GIFT (a brace not
         closed, a ~ = # { } : not escaped) refuses the file at its line and column, as does a
         file that is not UTF-8. [html] and [markdown] texts keep their format. --sop names an
         SOP of content/sops/. The quiz written is checked at once against its own rules (ids,
         right answers, forms, texts left to write); its errors give exit code 1. Its references
         (the SOP and its sections: --sop, or placeholders listed as todo) are for \`sopkit check\`.

Examples:
  sopkit quiz export birth-registration --format moodle-xml --out moodle/birth-registration.xml
  sopkit quiz export birth-registration --format template --form pre --out pre.csv
  sopkit quiz import questions.gift --out quizzes/marriage-registration.yaml --sop marriage-registration`,
  maxArguments: 2,
  options: {
    format: { type: 'string' },
    form: { type: 'string' },
    out: { type: 'string' },
    id: { type: 'string' },
    sop: { type: 'string' },
    force: { type: 'boolean' },
    strict: { type: 'boolean' },
    'order-as': { type: 'string' },
  },
  async run(ctx) {
    const [action] = ctx.positionals;
    checkAction('quiz', action, ['export', 'import'], 'sopkit quiz export <id>, or sopkit quiz import <file.gift>');
    refuseOtherActionOptions('quiz', action!, ctx.values, { export: ['format', 'form', 'out', 'order-as'], import: ['out', 'id', 'sop', 'force', 'strict'] });
    if (action === 'export') return exportQuiz(ctx);
    if (action === 'import') return importQuiz(ctx);
    throw new SopkitError('quiz/usage', 'use `sopkit quiz export <id>` or `sopkit quiz import <file.gift>` (see sopkit quiz --help)');
  },
};
