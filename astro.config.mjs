// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { parse } from 'yaml';
import { remarkSop } from './src/lib/content/remark-sop.ts';
import { sopkitCheck } from './src/integrations/sopkit.ts';
import { sopkitHandbooks } from './src/integrations/handbooks.ts';
import { sopkitLicenses } from './src/integrations/licenses.ts';
import { workflowMachineOnly } from './src/lib/workflow/vite-plugin.ts';
import { parametersForBrowser } from './src/lib/params/vite-plugin.ts';

// No request may leave the machine at build time: switch off Astro's usage telemetry, which
// is read after this file is loaded (astro/dist/core/build: resolveConfig, then telemetry.record).
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const site = parse(readFileSync(new URL('./content/site.yaml', import.meta.url), 'utf8'));

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  integrations: [sopkitCheck(), mdx(), sopkitHandbooks(), sopkitLicenses()],
  markdown: { remarkPlugins: [remarkSop] },
  build: { inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  vite: { plugins: [workflowMachineOnly(), parametersForBrowser()] },
});
