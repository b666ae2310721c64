import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { runChecks } from '../lib/check/index.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';

/**
 * Runs `sopkit check` inside Astro: `astro build` stops on any error with the same one-line
 * messages as the CLI; `astro dev` prints them and keeps serving so authors can fix as they go.
 */
export function sopkitCheck(): AstroIntegration {
  return {
    name: 'sopkit:check',
    hooks: {
      'astro:config:setup': async ({ command, logger, config }) => {
        const started = performance.now();
        const root = fileURLToPath(config.root);
        process.env.SOPKIT_ROOT = root;
        const { diagnostics } = await runChecks(root);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        for (const d of diagnostics) (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
        logger.info(`checked in ${Math.round(performance.now() - started)} ms: ${errors.length} errors, ${diagnostics.length - errors.length} warnings`);
        if (errors.length && command === 'build') {
          const error = new Error(`sopkit check found ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them and build again (first: ${formatDiagnostic(errors[0]!)})`);
          error.stack = error.message;
          throw error;
        }
      },
    },
  };
}
