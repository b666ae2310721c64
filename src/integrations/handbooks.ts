import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadQuizzes } from '../lib/assessment/quiz-load.ts';
import { PdfCache } from '../lib/handbook/build-cache.ts';
import { pdfKeys } from '../lib/handbook/input-keys.ts';
import { today } from '../lib/check/index.ts';
import { getProject } from '../lib/content/cache.ts';
import type { Project } from '../lib/content/project.ts';
import { siteEdition } from '../lib/edition.ts';
import { writeChangesPdfs } from '../lib/lifecycle/diff/changes.ts';
import { writeDryRunPrints } from '../lib/lifecycle/dryrun/write.ts';
import { writeConsultationReports, writeSopReviewPrints } from '../lib/lifecycle/publish.ts';
import { writePackHandbooks, writeQuizPrints, writeSopHandbooks, type WrittenPdf } from '../lib/handbook/write.ts';
import { writeTrainingPrints } from '../lib/training/write.ts';
import { writeAdaptationPdfs } from '../lib/handbook/adaptation.ts';
import { writeTranslatedHandbooks } from '../lib/translation/handbooks.ts';
import { writeTranslatedTrainingPrints } from '../lib/translation/training.ts';
import { writeTranslatedQuizPrints } from '../lib/translation/quiz-prints.ts';

/**
 * Largest pack whose whole-pack handbook the build writes. Past it the volume runs to thousands
 * of pages that nobody prints or downloads on a district connection, costs as much as every SOP's
 * own PDF together and is remade after any edit; `sopkit handbook --all` makes it on demand.
 */
export const PACK_HANDBOOK_MAX_SOPS = 100;

/**
 * Writes the printed outputs into the built site. The participant edition gets `handbooks/<id>.pdf`
 * for every SOP, the whole-pack handbook, and for every quiz form its booklet and answer sheet
 * under `handbooks/quizzes/` (a translated quiz's also as `<quiz>-<form>.<lang>.pdf`); the trainer edition adds `<id>-trainer.pdf`, the trainer pack
 * handbook and the answer keys (`<quiz>-<form>-key.pdf`). Logs what it wrote and how long it
 * took; a failure stops the build with the cause. Each SOP's PDFs and the whole-pack ones are
 * cached under the hash of exactly their inputs (`pdfKeys`): an edit to one SOP remakes its PDFs
 * and the whole-pack ones, and reuses the rest (they would be byte-identical).
 */
export function sopkitHandbooks(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'sopkit:handbooks',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = join(fileURLToPath(dir), 'handbooks');
        const edition = siteEdition();
        const trainer = edition === 'trainer';
        const keys = pdfKeys(root, edition, today());
        const cache = new PdfCache(join(root, '.sopkit-cache', 'pdf', edition), outDir);
        // The project the pages loaded (one copy in memory), asked for only when a job is remade.
        let project: Project | undefined;
        const model = () => (project ??= getProject(root));
        const editions = trainer ? (['participant', 'trainer'] as const) : (['participant'] as const);
        const paper = 'a4';
        const written: WrittenPdf[] = [];
        try {
          for (const [id, key] of keys.sops) {
            const files = await cache.run(`sop-${id}`, key, async (out) => {
              const p = model();
              if (!p.sops.some((s) => s.id === id && s.data && s.tree)) return [];
              return [...(await writeSopHandbooks(p, [id], { editions, paper, outDir: out })), ...(await writeSopReviewPrints(p, id, { paper, outDir: out }))];
            });
            written.push(...files);
          }
          const files = await cache.run('pack', keys.pack, async (out) => {
            const p = model();
            const made: WrittenPdf[] = [];
            if (keys.sops.size <= PACK_HANDBOOK_MAX_SOPS) made.push(...(await writePackHandbooks(p, { editions, paper, outDir: out })));
            else logger.info(`whole-pack handbook not built: ${keys.sops.size} SOPs (more than ${PACK_HANDBOOK_MAX_SOPS}); make it when it is needed with \`sopkit handbook --all\``);
            made.push(...(await writeTranslatedHandbooks(p, { editions, paper, outDir: out })));
            made.push(...(await writeTrainingPrints(p, { editions, paper, outDir: out })));
            made.push(...(await writeTranslatedTrainingPrints(p, { editions, paper, outDir: out })));
            made.push(...(await writeAdaptationPdfs(p, { paper, outDir: out })));
            const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
            made.push(...(await writeQuizPrints(p, quizzes, { paper, outDir: join(out, 'quizzes'), keys: trainer })));
            made.push(...(await writeTranslatedQuizPrints(p, quizzes, { paper, outDir: join(out, 'quizzes') })));
            made.push(...(await writeChangesPdfs(p, { outDir: out, note: (text) => logger.info(text) })));
            made.push(...(await writeDryRunPrints(p, { outDir: out, note: (text) => logger.warn(text) })));
            made.push(...(await writeConsultationReports(p, { paper, outDir: out, today: today() })));
            return made;
          });
          written.push(...files);
          cache.prune();
        } catch (cause) {
          const error = new Error(`handbooks: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
          error.stack = error.message;
          throw error;
        }
        const pdfs = written.filter((f) => f.file.endsWith('.pdf'));
        const pages = pdfs.reduce((n, f) => n + f.pages, 0);
        const seconds = (performance.now() - started) / 1000;
        const { made, reused } = cache.counts;
        logger.info(`${pdfs.length} PDFs, ${pages} pages in ${seconds.toFixed(1)} s (${made} of ${made + reused} documents remade, ${reused} reused from the cache), ${edition} edition → handbooks/`);
      },
    },
  };
}
