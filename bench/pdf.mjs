#!/usr/bin/env node
// Handbook speed and size against headless Chromium printing the same SOP pages, in one run on one
// machine (benchmarks compare against a reference run, never timed assertions in tests).
//   node bench/pdf.mjs [--dist DIR] [--runs N]
// Without --dist the site is built first (astro build into .sopkit-cache/e2e-dist).
import { register } from 'tsx/esm/api';

register();
const { parseArgs } = await import('node:util');
const { values } = parseArgs({ options: { dist: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const runs = Math.max(1, Number(values.runs));
const { loadProject } = await import('../src/lib/content/project.ts');
const { renderPackHandbook } = await import('../src/lib/handbook/handbook.ts');
const { pageCountOf } = await import('../src/lib/handbook/document.ts');
const { buildSiteForBench, launchBrowser, serveStatic } = await import('../tests/e2e/harness.ts');

const project = loadProject(process.cwd());
const ids = project.sops.filter((s) => s.data && s.tree).map((s) => s.id);

/** Runs fn `runs` times after one warm-up; returns the median time in seconds and the last result. */
async function timed(fn) {
  let result = await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], result };
}

const coldStart = performance.now();
await renderPackHandbook(loadProject(process.cwd()), { edition: 'participant', paper: 'a4' });
const cold = (performance.now() - coldStart) / 1000;
const engine = await timed(async () => {
  const bytes = await renderPackHandbook(project, { edition: 'participant', paper: 'a4' });
  return { bytes: bytes.length, pages: pageCountOf(bytes) ?? 0 };
});

const dist = values.dist ?? (await buildSiteForBench());
const site = await serveStatic(dist);
const launchStart = performance.now();
const browser = await launchBrowser();
const launch = (performance.now() - launchStart) / 1000;
let chromium;
try {
  const page = await browser.newPage();
  chromium = await timed(async () => {
    let bytes = 0;
    let pages = 0;
    for (const id of ids) {
      await page.goto(`${site.url}/sops/${id}/`, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, outline: true, margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' } });
      bytes += pdf.length;
      pages += (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    }
    return { bytes, pages };
  });
} finally {
  await browser.close();
  await site.close();
}

const row = (name, r) => {
  const pps = r.result.pages / r.seconds;
  return { name, pages: r.result.pages, seconds: r.seconds.toFixed(2), 'pages/s': pps.toFixed(0), bytes: r.result.bytes, 'kB/page': (r.result.bytes / 1024 / r.result.pages).toFixed(1) };
};
const a = row('sopkit whole-pack handbook (pdf-lib)', engine);
const b = row(`chromium page.pdf of the ${ids.length} SOP pages`, chromium);
console.log(`${ids.length} SOPs, median of ${runs} warm runs each (one warm-up run first)`);
console.table([a, b]);
console.log(`speed ratio (pages/s, sopkit / chromium): ${(Number(a['pages/s']) / Number(b['pages/s'])).toFixed(2)}`);
console.log(`size ratio (bytes/page, sopkit / chromium): ${(Number(a['kB/page']) / Number(b['kB/page'])).toFixed(2)}`);
console.log(`first run of the handbook in a fresh process (fonts, workflows, layouts): ${cold.toFixed(2)} s; chromium launch: ${launch.toFixed(2)} s`);
