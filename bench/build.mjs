#!/usr/bin/env node
// Build speed, memory and search weight at library scale: SOPKit (site and every PDF) against
// Astro Starlight 0.37 (site only) on the same generated SOP pages, alternating the two builds in
// one run on one machine (a comparison, never a timed assertion in the tests).
//   npm run bench:build -- [--sizes 100,300,1000] [--no-dev] [--no-search] [--json out.json]
// Starlight is installed from npm into a folder under the system temp dir the first time.
import { register } from 'tsx/esm/api';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lineAt, outputSize, run } from './build/measure.mjs';
import { editSop, installStarlight, makeCold, makeSopkit, makeStarlight, starlightVersion } from './build/projects.mjs';

register();
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,300,1000' },
    'no-dev': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    json: { type: 'string' },
    work: { type: 'string', default: join(tmpdir(), 'sopkit-bench-build') },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
const log = (text) => process.stderr.write(`${text}\n`);
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const s = (seconds) => (seconds === undefined ? 'n/a' : seconds.toFixed(1));

function astroBuild(project) {
  return run(process.execPath, ['node_modules/astro/astro.js', 'build'], { cwd: project.dir });
}

function checked(result, what) {
  if (result.code !== 0) {
    log(result.lines.map((l) => l.text).join('\n'));
    throw new Error(`${what} failed with exit code ${result.code}`);
  }
  return result;
}

/** SOPKit's stages, from the moments its log lines appeared. */
function sopkitStages(r) {
  const checkMs = Number(r.lines.map((l) => /checked in (\d+) ms/.exec(l.text)?.[1]).find(Boolean) ?? NaN);
  const sync = lineAt(r.lines, /\[content\] Syncing content/);
  const entry = lineAt(r.lines, /Building static entrypoints/);
  const routes = lineAt(r.lines, /generating static routes/);
  // Rendering ends where astro:build:done starts: the PDF summary, the wait for it, or the next
  // integration. Lines the PDF workers log while the pages build (notes of the jobs) come before.
  const afterRoutes = routes === undefined ? [] : r.lines.filter((l) => l.at >= routes);
  const rendered = lineAt(afterRoutes, /Waiting for integration "sopkit:handbooks"|\[sopkit:handbooks\] \d+ PDFs|\[sopkit:licenses\]/);
  // The summary line: "603 PDFs, 6122 pages in 126.8 s (48 pages/s)" (older) or
  // "... PDFs ... in 12.3 s on 2 worker threads beside the site (the build waited 0.4 s for them)":
  // the PDF stage's own seconds and, when it ran beside the site, what it added to the build.
  const pdfLine = r.lines.find((l) => /\[sopkit:handbooks\] \d+ PDFs/.test(l.text));
  const pdfSeconds = Number(/ in ([\d.]+) s\b/.exec(pdfLine?.text ?? '')?.[1]);
  const waited = /waited ([\d.]+) s/.exec(pdfLine?.text ?? '')?.[1];
  return {
    check: checkMs / 1000,
    content: entry !== undefined && sync !== undefined ? entry - sync : undefined,
    bundle: routes !== undefined && entry !== undefined ? routes - entry : undefined,
    render: rendered !== undefined && routes !== undefined ? rendered - routes : undefined,
    pdfs: Number.isFinite(pdfSeconds) ? pdfSeconds : undefined,
    pdfWait: waited === undefined ? undefined : Number(waited),
    pdfSummary: pdfLine?.text.replace(/^.*\[sopkit:handbooks\]\s*/, ''),
  };
}

async function searchBytes(dist, which, query) {
  const { launchBrowser, serveStatic } = await import('../tests/e2e/harness.ts');
  const { sopkitFirstQuery, starlightFirstQuery } = await import('./build/search.mjs');
  const site = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    return await (which === 'sopkit' ? sopkitFirstQuery : starlightFirstQuery)(browser, site.url, query);
  } finally {
    await browser.close();
    await site.close();
  }
}

const results = [];
const deps = installStarlight(log);
let port = 4400;
for (const n of sizes) {
  log(`\n== ${n} pages ==`);
  const sk = makeSopkit(join(values.work, `sopkit-${n}`), n);
  const sl = makeStarlight(join(values.work, `starlight-${n}`), n, deps);
  const row = { pages: n };

  makeCold(sk.dir);
  makeCold(sl.dir);
  log('cold builds (SOPKit, then Starlight)');
  row.sopkitCold = checked(await astroBuild(sk), 'SOPKit cold build');
  row.starlightCold = checked(await astroBuild(sl), 'Starlight cold build');
  row.stages = sopkitStages(row.sopkitCold);
  row.sopkitOut = outputSize(join(sk.dir, 'dist'), /\/sops\/gen-\d+\/index\.html$/);
  row.starlightOut = outputSize(join(sl.dir, 'dist'), /\/sops\/gen-\d+\/index\.html$/);

  log('rebuilds with no change');
  row.sopkitWarm = checked(await astroBuild(sk), 'SOPKit rebuild');
  row.starlightWarm = checked(await astroBuild(sl), 'Starlight rebuild');

  log('rebuilds after editing one SOP');
  editSop(sk.sopFile(Math.ceil(n / 2)), 'An edited sentence');
  editSop(sl.sopFile(Math.ceil(n / 2)), 'An edited sentence');
  row.sopkitEdit = checked(await astroBuild(sk), 'SOPKit rebuild after an edit');
  row.starlightEdit = checked(await astroBuild(sl), 'Starlight rebuild after an edit');

  // The first command after the sources were copied compiles the CLI (.sopkit-cache/cli); the
  // figure is the next one, the check an author runs after every edit. Both are printed.
  log('sopkit check, twice');
  row.checkFirst = checked(await run(process.execPath, ['bin/sopkit.mjs', 'check'], { cwd: sk.dir }), 'sopkit check (first run)');
  row.check = checked(await run(process.execPath, ['bin/sopkit.mjs', 'check'], { cwd: sk.dir }), 'sopkit check');

  if (!values['no-search']) {
    log('first search query in Chromium');
    row.searchSopkit = await searchBytes(join(sk.dir, 'dist'), 'sopkit', 'witness');
    row.searchStarlight = await searchBytes(join(sl.dir, 'dist'), 'starlight', 'witness');
  }
  if (!values['no-dev']) {
    log('dev servers');
    const { devLoop } = await import('./build/dev.mjs');
    row.devSopkit = await devLoop(sk, port++);
    row.devStarlight = await devLoop(sl, port++);
  }
  results.push(row);
}

const cpu = execFileSync('nproc').toString().trim();
const out = [];
out.push(`SOPKit (site + PDFs) against Starlight ${starlightVersion} (site), ${cpu} cores, ${new Date().toISOString().slice(0, 10)}`);
out.push('');
out.push('Wall seconds depend on how busy the machine is; CPU seconds (user + system of every process and thread) do not.');
out.push('');
out.push('| pages | build | SOPKit s | Starlight s | ratio | SOPKit CPU s | Starlight CPU s | SOPKit peak RSS MB | Starlight peak RSS MB |');
out.push('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  for (const [label, a, b] of [
    ['cold', r.sopkitCold, r.starlightCold],
    ['no change', r.sopkitWarm, r.starlightWarm],
    ['one SOP edited', r.sopkitEdit, r.starlightEdit],
  ]) {
    out.push(`| ${r.pages} | ${label} | ${s(a.seconds)} | ${s(b.seconds)} | ${(a.seconds / b.seconds).toFixed(2)} | ${s(a.cpu)} | ${s(b.cpu)} | ${mb(a.peakRss)} | ${mb(b.peakRss)} |`);
  }
}
out.push('');
out.push('| pages | SOPKit output MB (PDFs) | Starlight output MB | SOPKit HTML kB/page (gzip) | Starlight HTML kB/page (gzip) | edit rebuild / cold | sopkit check s (CPU s) | check / Starlight build |');
out.push('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  out.push(
    `| ${r.pages} | ${mb(r.sopkitOut.bytes)} (${r.sopkitOut.pdfs}) | ${mb(r.starlightOut.bytes)} | ${kb(r.sopkitOut.pageBytes)} (${kb(r.sopkitOut.pageGzip)}) | ${kb(r.starlightOut.pageBytes)} (${kb(r.starlightOut.pageGzip)}) | ${(r.sopkitEdit.seconds / r.sopkitCold.seconds).toFixed(2)} | ${s(r.check.seconds)} (${s(r.check.cpu)}) | ${(r.check.seconds / r.starlightCold.seconds).toFixed(2)} |`,
  );
}
if (results.some((r) => r.checkFirst)) {
  out.push(`sopkit check s (CPU s): the first run after the builds, which also compiles the CLI: ${results.filter((r) => r.checkFirst).map((r) => `${s(r.checkFirst.seconds)} (${s(r.checkFirst.cpu)}) at ${r.pages}`).join(', ')}`);
}
out.push('');
out.push('SOPKit cold build by stage (wall seconds): check (inside the build), content sync, bundling, page rendering, PDFs (on worker threads they run beside bundling and rendering: "PDFs waited" is what they added after the pages)');
out.push('| pages | check | content | bundle | render | PDFs | PDFs waited | PDF summary |');
out.push('|---|---|---|---|---|---|---|---|');
for (const r of results) out.push(`| ${r.pages} | ${s(r.stages.check)} | ${s(r.stages.content)} | ${s(r.stages.bundle)} | ${s(r.stages.render)} | ${s(r.stages.pdfs)} | ${s(r.stages.pdfWait ?? r.stages.pdfs)} | ${r.stages.pdfSummary ?? ''} |`);
if (results.some((r) => r.searchSopkit)) {
  out.push('');
  out.push('First search query ("witness"), bytes downloaded (gzip), in Chromium');
  out.push('| pages | SOPKit kB (requests) | Starlight/Pagefind kB (requests) | ratio |');
  out.push('|---|---|---|---|');
  for (const r of results.filter((x) => x.searchSopkit)) {
    out.push(`| ${r.pages} | ${kb(r.searchSopkit.bytes)} (${r.searchSopkit.requests}) | ${kb(r.searchStarlight.bytes)} (${r.searchStarlight.requests}) | ${(r.searchSopkit.bytes / r.searchStarlight.bytes).toFixed(2)} |`);
  }
}
if (results.some((r) => r.devSopkit)) {
  out.push('');
  out.push('astro dev: seconds to the first SOP page, and from saving an SOP to the page serving the change');
  out.push('| pages | SOPKit first page | Starlight first page | SOPKit edit → page | Starlight edit → page |');
  out.push('|---|---|---|---|---|');
  for (const r of results.filter((x) => x.devSopkit)) out.push(`| ${r.pages} | ${s(r.devSopkit.firstPage)} | ${s(r.devStarlight.firstPage)} | ${s(r.devSopkit.reload)} | ${s(r.devStarlight.reload)} |`);
}
out.push('');
out.push('Targets (wall time, this run): cold ratio ≤ 1.00 at 300 and 1,000 pages; edit rebuild ≤ 0.25 of the cold build; sopkit check ≤ 0.10 of Starlight\'s build at 300; peak RSS below Starlight\'s; first query ≤ 2× Pagefind\'s bytes');
out.push('| pages | cold ratio | edit / cold | check / Starlight | RSS SOPKit / Starlight | search ratio |');
out.push('|---|---|---|---|---|---|');
const mark = (value, limit, applies = true) => (Number.isFinite(value) ? `${value.toFixed(2)} ${applies ? (value <= limit ? 'ok' : 'MISSED') : ''}`.trim() : 'n/a');
for (const r of results) {
  const peak = Math.max(r.sopkitCold.peakRss, r.sopkitWarm.peakRss, r.sopkitEdit.peakRss) / Math.max(r.starlightCold.peakRss, r.starlightWarm.peakRss, r.starlightEdit.peakRss);
  out.push(
    `| ${r.pages} | ${mark(r.sopkitCold.seconds / r.starlightCold.seconds, 1, r.pages >= 300)} | ${mark(r.sopkitEdit.seconds / r.sopkitCold.seconds, 0.25)} | ${mark(r.check.seconds / r.starlightCold.seconds, 0.1, r.pages === 300)} | ${mark(peak, 0.999)} | ${r.searchSopkit ? mark(r.searchSopkit.bytes / r.searchStarlight.bytes, 2, r.pages >= 1000) : 'n/a'} |`,
  );
}
console.log(out.join('\n'));
if (values.json) {
  const strip = (r) => (r && typeof r === 'object' && 'lines' in r ? { seconds: r.seconds, cpu: r.cpu, peakRss: r.peakRss } : r);
  writeFileSync(values.json, JSON.stringify(results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, strip(v)]))), null, 2));
}
