#!/usr/bin/env node
// JavaScript each SOP page loads, gzipped, against the 25 kB budget of issue 3, next to a
// reference measured in the same run on the same machine: XState core alone, bundled and
// minified by esbuild (the floor any in-browser simulator of these machines pays).
//   node bench/js-budget.mjs [--dist DIR] [--budget 25]
// Without --dist the site is built first (astro build into .sopkit-cache/e2e-dist).
// A page's JS is what Chromium actually fetches after the simulator has started (the island, the
// shared xstate chunk and the one machine chunk), read from dist and gzipped at level 9.
import { register } from 'tsx/esm/api';

register();
const { parseArgs } = await import('node:util');
const { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } = await import('node:fs');
const { join } = await import('node:path');
const { gzipSync } = await import('node:zlib');
const { build } = await import('esbuild');
const { buildSiteForBench, launchBrowser, serveStatic } = await import('../tests/e2e/harness.ts');

const { values } = parseArgs({ options: { dist: { type: 'string' }, budget: { type: 'string', default: '25' } } });
const budget = Number(values.budget) * 1000;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kB = (n) => (n / 1000).toFixed(1);

// Reference: XState core as the simulator uses it (pure initialTransition/transition, setup, assign).
const scratch = join(process.cwd(), '.sopkit-cache', 'bench');
mkdirSync(scratch, { recursive: true });
const entry = join(scratch, 'xstate-reference.mjs');
writeFileSync(entry, "import { setup, assign, initialTransition, transition } from 'xstate';\nglobalThis.x = { setup, assign, initialTransition, transition };\n");
const ref = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent' });
const reference = ref.outputFiles[0].contents;

const dist = values.dist ?? (await buildSiteForBench());
const pages = readdirSync(join(dist, 'sops'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(dist, 'sops', d.name, 'index.html')))
  .map((d) => `/sops/${d.name}/`);
const site = await serveStatic(dist);
const browser = await launchBrowser();
const rows = [];
try {
  for (const path of pages) {
    const page = await browser.newPage();
    const scripts = new Set();
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    const simulators = await page.locator('.wf-sim').count();
    if (simulators) await page.locator('.wf-sim:not([hidden])').first().waitFor({ timeout: 10_000 });
    await page.waitForLoadState('networkidle');
    await page.close();
    let raw = 0;
    let zipped = 0;
    for (const file of scripts) {
      const bytes = readFileSync(join(dist, decodeURIComponent(file)));
      raw += bytes.length;
      zipped += gz(bytes);
    }
    rows.push({ page: path, simulator: simulators ? 'yes' : 'no', scripts: scripts.size, 'raw kB': kB(raw), 'gzip kB': kB(zipped), 'budget kB': kB(budget), verdict: zipped <= budget ? 'ok' : 'OVER' });
  }
} finally {
  await browser.close();
  await site.close();
}

console.table(rows);
const withSim = rows.filter((r) => r.simulator === 'yes').map((r) => Number(r['gzip kB']));
const without = rows.filter((r) => r.simulator === 'no');
console.log(`reference, same machine: XState core alone (esbuild, minified, gzip -9): ${kB(gz(reference))} kB (${kB(reference.length)} kB raw)`);
if (withSim.length) {
  const max = Math.max(...withSim);
  console.log(`simulator pages: ${withSim.length}, heaviest ${max.toFixed(1)} kB gzip = ${(max / (budget / 1000) * 100).toFixed(0)} % of the ${kB(budget)} kB budget, ${(max / (gz(reference) / 1000)).toFixed(2)}× XState alone`);
}
console.log(`pages without a simulator: ${without.length}, of which shipping JavaScript: ${without.filter((r) => r.scripts > 0).length}`);
process.exitCode = rows.some((r) => r.verdict === 'OVER') ? 1 : 0;
