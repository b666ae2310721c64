import { resolve } from 'node:path';
import { loadProject, type Project } from '../../lib/content/project.ts';
import { didYouMean } from '../../lib/did-you-mean.ts';
import { SopkitError } from '../../lib/errors.ts';
import { editions, type Edition } from '../../lib/handbook/editions.ts';
import { paperSizes, type Paper } from '../../lib/handbook/theme.ts';
import type { WrittenPdf } from '../../lib/handbook/write.ts';
import { idsOrAll } from '../args.ts';
import type { Command, CommandContext } from '../command.ts';
import { outDir as resolveOutDir } from '../out.ts';
import { moduleSources, refuseCheckErrors, sopSources } from '../print-gate.ts';
import { knownIds } from '../../lib/known-ids.ts';

/** `--edition participant|trainer|both` → the editions to print. */
export function parseEditions(value: unknown): Edition[] {
  if (value === undefined) return ['participant'];
  if (value === 'both') return [...editions];
  if (typeof value === 'string' && (editions as readonly string[]).includes(value)) return [value as Edition];
  throw new SopkitError('handbook/edition', `--edition ${String(value)}: use participant, trainer or both`);
}

/** `--paper a4|letter`. */
export function parsePaper(value: unknown): Paper {
  if (value === undefined) return 'a4';
  if (typeof value === 'string' && value.toLowerCase() in paperSizes) return value.toLowerCase() as Paper;
  throw new SopkitError('handbook/paper', `--paper ${String(value)}: use a4 or letter`);
}

/** Prints one line per written file. */
export function report(ctx: CommandContext, outDir: string, written: readonly WrittenPdf[], started: number): void {
  // A review copy also writes its comment register (CSV and XLSX): counted as files, not as PDFs of 0 pages.
  const isPdf = (f: WrittenPdf) => f.file.toLowerCase().endsWith('.pdf');
  for (const f of written) ctx.io.out(`wrote ${resolve(outDir, f.file)}  (${isPdf(f) ? `${f.pages} page${f.pages === 1 ? '' : 's'}, ` : ''}${Math.round(f.bytes / 1024)} kB)`);
  const pdfs = written.filter(isPdf);
  const pages = pdfs.reduce((n, f) => n + f.pages, 0);
  const others = written.length - pdfs.length;
  ctx.io.err(`${pdfs.length} PDF${pdfs.length === 1 ? '' : 's'}, ${pages} page${pages === 1 ? '' : 's'}${others ? ` and ${others} other file${others === 1 ? '' : 's'}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * `--lang L`: a language the site publishes translations in, or undefined for the source's (no
 * `--lang`, or the source language named).
 */
function translationLanguage(project: Project, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const codes = project.locales.map((l) => l.code);
  if (typeof value === 'string' && value === codes[0]) return undefined;
  if (typeof value !== 'string' || !codes.includes(value)) {
    throw new SopkitError('handbook/lang', `--lang ${String(value)}: not a language of the site; content/site.yaml's locales: ${codes.join(', ') || 'none'}`);
  }
  return value;
}

export const handbook: Command = {
  name: 'handbook',
  help: `Usage: sopkit handbook <id...|--all> [--edition participant|trainer|both] [--paper a4|letter] [--lang L] [--out DIR]

Writes the printable handbook of each SOP named (ids from content/sops/) as <id>.pdf, and the
trainer edition (with trainer notes) as <id>-trainer.pdf. A module id (content/modules/) writes
its participant workbook <id>.pdf, its trainer manual <id>-trainer.pdf (speaker notes,
facilitator keys, answer keys), a job aid <id>-job-aid-<workflow>.pdf for each <JobAid> it
has (one page, its table set down to 7 pt to fit; a longer procedure prints on both sides,
"Continued overleaf", under its table's header again), its slides <id>-slides.pdf (one landscape slide a page), handouts
<id>-handouts.pdf (three slides a page beside lines for notes) and, with the trainer edition,
<id>-speaker-notes.pdf. With --all, every SOP and the
whole-pack handbook sopkit-handbook.pdf (sopkit-handbook-trainer.pdf), one volume with a master
table of contents, and the working committee's country-profile.pdf (every parameter, its
value, the model's and why) and concordance.pdf (every step and the provision it rests on). The
same sources always give byte-identical files.

Options:
  --all               every SOP, the whole-pack handbook, and the country profile and
                      concordance (country-profile.pdf, concordance.pdf)
  --edition E         participant (default), trainer, or both
  --paper P           a4 (default) or letter
  --lang L            the translation in language L (content/L/), as <id>.L.pdf, <id>-slides.L.pdf...
                      (with --all: every translated SOP, country-profile.L.pdf and
                      concordance.L.pdf); the site's languages are in content/site.yaml
  --out DIR           where to write (default: handbooks)

Test booklets, answer sheets and answer keys: see \`sopkit booklet --help\`.

Examples:
  sopkit handbook birth-registration
  sopkit handbook legal-identity-foundations --edition both
  sopkit handbook legal-identity-foundations --lang fr
  sopkit handbook --all --edition both --out dist/handbooks`,
  options: {
    all: { type: 'boolean' },
    edition: { type: 'string' },
    paper: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
  },
  runsContentCode: true,
  async run(ctx) {
    const started = performance.now();
    const { values, positionals, root } = ctx;
    const chosen = parseEditions(values.edition);
    const paper = parsePaper(values.paper);
    const outDir = resolveOutDir(root, values.out, 'handbooks');
    idsOrAll('handbook', values.all, positionals, 'SOP id', 'every SOP');
    const project = loadProject(root);
    // An id named twice (`handbook a b a`) is printed once: it wrote the same files twice and counted them twice.
    const ids = values.all ? project.sops.filter((s) => s.data && s.tree).map((s) => s.id) : [...new Set(positionals)];
    // The print engine loads only when a command prints: `sopkit check` starts faster without it.
    const { writePackHandbooks, writeSopHandbooks } = await import('../../lib/handbook/write.ts');
    const { writeModulePrints } = await import('../../lib/training/write.ts');
    // Module ids print the participant workbook and trainer manual (and job aids) instead.
    const modules = new Set(project.modules.map((m) => m.id));
    const [sopIds, moduleIds] = [ids.filter((id) => !modules.has(id)), ids.filter((id) => modules.has(id))];
    // An id that is neither is refused before the check of the pack (seconds), not after it.
    const unknown = sopIds.find((id) => !project.sops.some((s) => s.id === id));
    if (unknown !== undefined) {
      throw new SopkitError('handbook/unknown-sop', `no SOP or module "${unknown}"${didYouMean(unknown, [...project.sops.map((s) => s.id), ...modules])}; SOPs (content/sops/): ${project.sops.map((s) => s.id).join(', ') || 'none'}; modules (content/modules/): ${[...modules].join(', ') || (project.sops.length ? 'none' : knownIds(project.root, []))}`);
    }
    const lang = translationLanguage(project, values.lang);
    if (lang) {
      const { projectIn, translatedModule, translatedSop } = await import('../../lib/translation/localize.ts');
      const chosenSops = values.all ? project.sops.filter((s) => translatedSop(project, lang, s.id)).map((s) => s.id) : sopIds;
      for (const id of chosenSops) if (!translatedSop(project, lang, id)) throw new SopkitError('handbook/no-translation', `${id}: no translation in ${lang} (content/${lang}/sops/${id}.mdx, with frontmatter and a body that reads); the source prints without --lang`);
      for (const id of moduleIds) if (!translatedModule(project, lang, id)) throw new SopkitError('handbook/no-translation', `${id}: no translation in ${lang} (content/${lang}/modules/${id}.mdx, with frontmatter and a body that reads); the source prints without --lang`);
      const [ofSops, ofModules] = [sopSources(project, chosenSops), moduleSources(project, moduleIds)];
      await refuseCheckErrors(root, values.all ? 'the pack' : ids.join(', '), values.all ? () => true : (file) => ofSops(file) || ofModules(file) || file.startsWith(`content/${lang}/`));
      const view = projectIn(project, lang);
      const { writeTranslatedSop } = await import('../../lib/translation/handbooks.ts');
      const { writeTranslatedModule } = await import('../../lib/translation/training.ts');
      const written: WrittenPdf[] = [];
      for (const id of chosenSops) written.push(...(await writeTranslatedSop(view, id, lang, { editions: chosen, paper, outDir })));
      for (const id of moduleIds) written.push(...(await writeTranslatedModule(view, id, lang, { editions: chosen, paper, outDir })));
      if (values.all) {
        // The working committee's profile and concordance in that language, as the build prints them beside the handbooks.
        const { writeAdaptationPdfs } = await import('../../lib/handbook/adaptation.ts');
        written.push(...(await writeAdaptationPdfs(project, { paper, outDir }, lang)));
      }
      report(ctx, outDir, written, started);
      // A translation behind its source prints, with a notice on it: the translator hears it too.
      const { freshnessOf } = await import('../../lib/translation/freshness.ts');
      for (const id of chosenSops) {
        const tr = translatedSop(project, lang, id)!;
        const fresh = freshnessOf(root, project.sops.find((s) => s.id === id)!, tr.data?.translationOf?.version);
        if (fresh.status === 'outdated') ctx.io.err(`warning: ${tr.file} translates ${id} ${fresh.from}; the source is at ${fresh.to}: the PDF says so above its signatures (\`sopkit check\` names the sections changed since)`);
      }
      return 0;
    }
    const [ofSops, ofModules] = [sopSources(project, sopIds), moduleSources(project, moduleIds)];
    await refuseCheckErrors(root, values.all ? 'the pack' : ids.join(', '), values.all ? () => true : (file) => ofSops(file) || ofModules(file));
    const written = await writeSopHandbooks(project, sopIds, { editions: chosen, paper, outDir });
    written.push(...(await writeModulePrints(project, moduleIds, { editions: chosen, paper, outDir })));
    if (values.all) {
      written.push(...(await writePackHandbooks(project, { editions: chosen, paper, outDir })));
      // The working committee's two documents, as the build puts them beside the handbooks: a
      // country adapting the pack from the command line had no way to print them.
      const { writeAdaptationPdfs } = await import('../../lib/handbook/adaptation.ts');
      written.push(...(await writeAdaptationPdfs(project, { paper, outDir })));
    }
    report(ctx, outDir, written, started);
    return 0;
  },
};
