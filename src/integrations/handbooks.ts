import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadQuizzes } from '../lib/assessment/quiz-load.ts';
import { inputsHash, restore, store } from '../lib/handbook/build-cache.ts';
import { loadProject } from '../lib/content/project.ts';
import { writePackHandbooks, writeQuizPrints, writeSopHandbooks, type WrittenPdf } from '../lib/handbook/write.ts';
import { writeAdaptationPdfs } from '../lib/handbook/adaptation.ts';

/**
 * Writes the printed outputs into the built site: `handbooks/<id>.pdf` and
 * `<id>-trainer.pdf` for every SOP, the whole-pack handbook in both editions, and for every quiz
 * form its booklet, answer sheet and key under `handbooks/quizzes/`. Logs what it wrote and how long
 * it took; a failure stops the build with the cause. When no source of the PDFs changed since the
 * last build, the PDFs it wrote are reused (they would be byte-identical).
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
        const cacheDir = join(root, '.sopkit-cache', 'handbooks');
        const hash = inputsHash(root);
        if (restore(cacheDir, hash, outDir)) {
          logger.info(`sources unchanged: reused the PDFs of the last build (${Math.round(performance.now() - started)} ms) → handbooks/`);
          return;
        }
        const project = loadProject(root);
        const ids = project.sops.filter((s) => s.data && s.tree).map((s) => s.id);
        const editions = ['participant', 'trainer'] as const;
        const written: WrittenPdf[] = [];
        try {
          written.push(...(await writeSopHandbooks(project, ids, { editions, paper: 'a4', outDir })));
          written.push(...(await writePackHandbooks(project, { editions, paper: 'a4', outDir })));
          written.push(...(await writeAdaptationPdfs(project, { paper: 'a4', outDir })));
          const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
          written.push(...(await writeQuizPrints(project, quizzes, { paper: 'a4', outDir: join(outDir, 'quizzes') })));
        } catch (cause) {
          const error = new Error(`handbooks: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
          error.stack = error.message;
          throw error;
        }
        store(cacheDir, hash, outDir);
        const pages = written.reduce((n, f) => n + f.pages, 0);
        const seconds = (performance.now() - started) / 1000;
        logger.info(`${written.length} PDFs, ${pages} pages in ${seconds.toFixed(1)} s (${Math.round(pages / seconds)} pages/s) → handbooks/`);
      },
    },
  };
}
