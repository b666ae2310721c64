// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';
import { rehypeTables } from './src/lib/content/rehype-tables.ts';
import { remarkSop } from './src/lib/content/remark-sop.ts';
import { remarkTraining } from './src/lib/training/remark-training.ts';
import { sopkitCheck } from './src/integrations/sopkit.ts';
import { sopkitEditions } from './src/integrations/editions.ts';
import { sopkitHandbooks } from './src/integrations/handbooks.ts';
import { sopkitLicenses } from './src/integrations/licenses.ts';
import { sopkitMdxCache } from './src/integrations/mdx-cache.ts';
import { sopkitOffline } from './src/integrations/offline.ts';
import { sopkitServerBundle } from './src/integrations/server-bundle.ts';
import { sopkitOutDir } from './src/integrations/out-dir.ts';
import { workflowMachineOnly } from './src/lib/workflow/vite-plugin.ts';
import { editionOutDir, siteEdition } from './src/lib/edition.ts';
import { parametersForBrowser } from './src/lib/params/vite-plugin.ts';
import { arabicSearchInBrowser } from './src/lib/search/vite-plugin.ts';

// No request may leave the machine at build time or while `astro dev` serves: switch off Astro's
// usage telemetry, which is read after this file is loaded (astro/dist/core/build: resolveConfig,
// then telemetry.record), and the dev server's look-up of Astro's latest version on the npm
// registry (astro/dist/core/dev/update-check.js, read once the config is loaded).
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

const site = siteSettings();

/** content/site.yaml (the site's name, address and languages), or one line saying why not and exit 1. */
function siteSettings() {
  let text;
  try {
    text = readFileSync(new URL('./content/site.yaml', import.meta.url), 'utf8');
  } catch (cause) {
    const error = /** @type {NodeJS.ErrnoException} */ (cause);
    const why = error.code === 'ENOENT' ? 'is missing' : error.code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${error.code ?? error.message})`;
    console.error(`content/site.yaml ${why}: the site's title, address and languages come from it; restore it (sopkit check says what it must hold)`);
    process.exit(1);
  }
  try {
    return parse(text) ?? {};
  } catch {
    return {}; // A YAML syntax error: the check, run next, reports it at its line and stops the build.
  }
}

export default defineConfig({
  site: site.url,
  // Astro's cache (the content layer's store) and Vite's live in the project's own .sopkit-cache/,
  // one per edition, not in node_modules/: builds that share that folder (two projects linking
  // one node_modules, or both editions of a project built at once) shared the store, and one
  // build replaced it while another ran (which failed with UnknownContentCollectionError).
  cacheDir: `./.sopkit-cache/astro-${siteEdition()}`,
  // The trainer edition (SOPKIT_EDITION=trainer, `npm run build:trainer`) never lands in dist/,
  // the folder that is published for participants.
  outDir: `./${editionOutDir(siteEdition())}`,
  trailingSlash: 'always',
  // sopkitHandbooks first: its PDF workers start beside the check. sopkitOffline lists every file
  // the build wrote: keep it last. MDX `optimize` compiles the
  // parts of a page without components to HTML strings (ARCHITECTURE.md, Data flow: pages); a
  // component mapped to a plain HTML element would have to be in its `ignoreElementNames`.
  // sopkitMdxCache keeps each MDX file's compiled module across builds (.sopkit-cache/mdx-compiled/).
  // sopkitOutDir moves the last output aside at the build's start and deletes it beside the bundling.
  integrations: [sopkitHandbooks(), sopkitCheck(), sopkitEditions(), mdx({ optimize: true }), sopkitMdxCache(), sopkitServerBundle(), sopkitOutDir(), sopkitLicenses(), sopkitOffline()],
  // smartypants off: a page shows the characters the author typed, as the handbook, the search
  // snippets and the translations do (its English curly quotes were wrong in French and Arabic
  // text, and it was 3.2 of 36 busy seconds of a cold 300-SOP build). Typed ’ “ ” « » show as typed.
  // Code blocks (the authoring guide's examples) in a light theme whose every token colour meets
  // WCAG AA on the site's light code background: Shiki's default, github-dark, left them at 1.55:1.
  markdown: { smartypants: false, remarkPlugins: [remarkSop, remarkTraining], rehypePlugins: [rehypeTables], shikiConfig: { theme: 'github-light-high-contrast' } },
  // Stylesheets under 32 kB (the site's, the workflow's, the tests') are written into each page
  // rather than linked: on slow 3G a linked sheet is one more round trip before the first paint
  // (bench/first-paint.mjs: an SOP page's first visit 1.60 -> 0.70 s at 400 ms RTT), for 5 kB
  // more gzipped HTML per page. reveal.js's sheet (61 kB, the slide decks) stays linked. Scripts
  // keep Vite's 4 kB limit (undefined: the default).
  build: { inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  vite: { build: { assetsInlineLimit: (file, content) => (file.endsWith('.css') ? content.length < 32_000 : undefined) }, cacheDir: `.sopkit-cache/vite-${siteEdition()}`, plugins: [workflowMachineOnly(), parametersForBrowser(), arabicSearchInBrowser()] },
});
