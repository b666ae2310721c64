import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getProject, projectRoot } from '../lib/content/cache.ts';
import { mdxCompileCache } from '../lib/content/mdx-compile-cache.ts';
import { remarkSopInputs } from '../lib/content/remark-sop.ts';
import { finishSopBodies } from '../lib/content/sop-body-cache.ts';

/**
 * Keeps each MDX file's compiled module in `.sopkit-cache/mdx-compiled/` across builds
 * (`src/lib/content/mdx-compile-cache.ts`): a rebuild compiles only the files whose text, or
 * whatever their compile reads, changed. The build's log says how many were compiled and how
 * many reused, and the same for the SOP bodies kept in `.sopkit-cache/sop-body/`
 * (`src/lib/content/sop-body-cache.ts`). Works in `astro dev` too: a saved file has new text, so
 * a new key.
 */
export function sopkitMdxCache(): AstroIntegration {
  let options: unknown;
  const plugin = mdxCompileCache({
    root: projectRoot,
    options: () => options,
    inputs: (id, text) => remarkSopInputs(id, text, getProject()),
  });
  return {
    name: 'sopkit:mdx-cache',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:config:done': ({ config }) => {
        options = { markdown: config.markdown, srcDir: fileURLToPath(config.srcDir), headingIdCompat: config.experimental.headingIdCompat ?? false };
      },
      'astro:build:done': ({ logger }) => {
        const { compiled, reused } = plugin.finish();
        logger.info(`MDX: ${compiled} compiled, ${reused} reused`);
        const bodies = finishSopBodies(projectRoot());
        logger.info(`SOP bodies: ${bodies.made} made, ${bodies.reused} reused`);
      },
    },
  };
}
