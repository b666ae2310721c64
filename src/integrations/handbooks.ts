import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadQuizzes } from '../lib/assessment/quiz-load.ts';
import { inputsHash, restore, store } from '../lib/handbook/build-cache.ts';
import { today } from '../lib/check/index.ts';
import { loadProject } from '../lib/content/project.ts';
import { siteEdition } from '../lib/edition.ts';
import { writeChangesPdfs } from '../lib/lifecycle/diff/changes.ts';
import { writeDryRunPrints } from '../lib/lifecycle/dryrun/write.ts';
import { writeLifecyclePrints } from '../lib/lifecycle/publish.ts';
import { writePackHandbooks, writeQuizPrints, writeSopHandbooks, type WrittenPdf } from '../lib/handbook/write.ts';
import { writeTrainingPrints } from '../lib/training/write.ts';
import { writeAdaptationPdfs } from '../lib/handbook/adaptation.ts';
import { writeTranslatedHandbooks } from '../lib/translation/handbooks.ts';

/**
 * Writes the printed outputs into the built site. The participant edition gets `handbooks/<id>.pdf`
 * for every SOP, the whole-pack handbook, and for every quiz form its booklet and answer sheet
 * under `handbooks/quizzes/`; the trainer edition adds `<id>-trainer.pdf`, the trainer pack
 * handbook and the answer keys (`<quiz>-<form>-key.pdf`). Logs what it wrote and how long it
 * took; a failure stops the build with the cause. When no source of the PDFs changed since the
 * last build of the same edition, the PDFs it wrote are reused (they would be byte-identical).
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
        const cacheDir = join(root, '.sopkit-cache', 'handbooks', edition);
        // Consultation reports mark overdue actions against today: a new day is a new set of PDFs.
        const hash = `${inputsHash(root)}-${today()}`;
        if (restore(cacheDir, hash, outDir)) {
          logger.info(`sources unchanged: reused the PDFs of the last ${edition} build (${Math.round(performance.now() - started)} ms) → handbooks/`);
          return;
        }
        const project = loadProject(root);
        const ids = project.sops.filter((s) => s.data && s.tree).map((s) => s.id);
        const editions = trainer ? (['participant', 'trainer'] as const) : (['participant'] as const);
        const written: WrittenPdf[] = [];
        try {
          written.push(...(await writeSopHandbooks(project, ids, { editions, paper: 'a4', outDir })));
          written.push(...(await writeTranslatedHandbooks(project, { editions, paper: 'a4', outDir })));
          written.push(...(await writePackHandbooks(project, { editions, paper: 'a4', outDir })));
          written.push(...(await writeTrainingPrints(project, { editions, paper: 'a4', outDir })));
          written.push(...(await writeAdaptationPdfs(project, { paper: 'a4', outDir })));
          const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
          written.push(...(await writeQuizPrints(project, quizzes, { paper: 'a4', outDir: join(outDir, 'quizzes'), keys: trainer })));
          written.push(...(await writeChangesPdfs(project, { outDir, note: (text) => logger.info(text) })));
          written.push(...(await writeDryRunPrints(project, { outDir, note: (text) => logger.warn(text) })));
          written.push(...(await writeLifecyclePrints(project, { paper: 'a4', outDir, today: today() })));
        } catch (cause) {
          const error = new Error(`handbooks: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
          error.stack = error.message;
          throw error;
        }
        store(cacheDir, hash, outDir);
        const pages = written.reduce((n, f) => n + f.pages, 0);
        const seconds = (performance.now() - started) / 1000;
        logger.info(`${written.length} PDFs, ${pages} pages in ${seconds.toFixed(1)} s (${Math.round(pages / seconds)} pages/s), ${edition} edition → handbooks/`);
      },
    },
  };
}
