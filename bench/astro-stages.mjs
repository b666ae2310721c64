#!/usr/bin/env node
// The HTML side of a SOPKit build at library scale, measured alone: one generated pack of N SOPs
// (the pages of `npm run bench:build`), built cold and then again with no change, printing per
// stage the wall seconds, and for the whole build the CPU seconds and peak RSS, against a
// reference run saved earlier on the same machine (a comparison, never a timed assertion).
// --edit adds a third build after editing one SOP (the author's rebuild).
//   node bench/astro-stages.mjs [--size 300] [--runs 1] [--edit] [--save ref.json] [--ref ref.json]
// The pack is written into --work (default: a folder under the system temp dir) with this
// checkout's src/, so a run measures the code as it is now.
import { register } from 'tsx/esm/api';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lineAt, run } from './build/measure.mjs';
import { editSop, makeCold, makeSopkit } from './build/projects.mjs';

register();
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '300' },
    runs: { type: 'string', default: '1' },
    save: { type: 'string' },
    ref: { type: 'string' },
    edit: { type: 'boolean', default: false },
    work: { type: 'string', default: join(tmpdir(), 'sopkit-bench-astro') },
  },
});
const size = Number(values.size);
const log = (text) => process.stderr.write(`${text}\n`);

/** Seconds between the log lines that open each stage of the build. */
function stages(r) {
  const at = (pattern) => lineAt(r.lines, pattern);
  const checkMs = Number(r.lines.map((l) => /checked in (\d+) ms/.exec(l.text)?.[1]).find(Boolean) ?? NaN);
  const span = (from, to) => (from !== undefined && to !== undefined ? to - from : NaN);
  // Rendering ends where astro:build:done starts. The handbooks integration also logs while the
  // check and the bundle run (notes of the PDF jobs), so only the lines after the routes count.
  const routes = at(/generating static routes/);
  const after = (pattern) => (routes === undefined ? undefined : lineAt(r.lines.filter((l) => l.at >= routes), pattern));
  const done = after(/Waiting for integration "sopkit:handbooks"|\[sopkit:handbooks\] \d+ PDFs|\[sopkit:licenses\]/);
  return {
    check: checkMs / 1000,
    content: span(at(/\[content\] Syncing content/), at(/Building static entrypoints/)),
    bundle: span(at(/Building static entrypoints/), routes),
    render: span(routes, done),
    pdfs: span(done, after(/\[sopkit:licenses\]|\[sopkit:offline\]/)),
  };
}

async function build(dir) {
  const r = await run(process.execPath, ['node_modules/astro/astro.js', 'build'], { cwd: dir });
  if (r.code !== 0) {
    log(r.lines.slice(-30).map((l) => l.text).join('\n'));
    throw new Error(`astro build failed with exit code ${r.code}`);
  }
  return { seconds: r.seconds, cpu: r.cpu, peakRssMb: r.peakRss / 1024 / 1024, stages: stages(r) };
}

const dir = join(values.work, `sopkit-${size}`);
log(`writing ${size} SOPs into ${dir}`);
const project = makeSopkit(dir, size);
const results = [];
for (let i = 0; i < Number(values.runs); i++) {
  makeCold(project.dir);
  const cold = await build(project.dir);
  const again = await build(project.dir);
  const result = { cold, noChange: again };
  if (values.edit) {
    editSop(project.sopFile(Math.ceil(size / 2)), `An edited sentence ${i + 1}`);
    result.edited = await build(project.dir);
  }
  results.push(result);
  log(`run ${i + 1}: cold ${cold.seconds.toFixed(1)} s, no change ${again.seconds.toFixed(1)} s${result.edited ? `, one SOP edited ${result.edited.seconds.toFixed(1)} s` : ''}`);
}

const ref = values.ref && existsSync(values.ref) ? JSON.parse(readFileSync(values.ref, 'utf8')) : undefined;
const f = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const keys = ['seconds', 'cpu', 'peakRssMb', 'check', 'content', 'bundle', 'render', 'pdfs'];
const value = (r, k) => (k in r.stages ? r.stages[k] : r[k]);
console.log(`| ${size} SOPs | build | ${keys.join(' | ')} |`);
console.log(`|---|---|${keys.map(() => '---').join('|')}|`);
for (const [label, runs] of [['this run', results], ['reference', ref?.results ?? []]]) {
  runs.forEach((r, i) => {
    for (const which of ['cold', 'noChange', 'edited'].filter((w) => r[w])) console.log(`| ${label} ${i + 1} | ${which} | ${keys.map((k) => f(value(r[which], k))).join(' | ')} |`);
  });
}
if (values.save) writeFileSync(values.save, `${JSON.stringify({ size, date: new Date().toISOString(), results }, null, 2)}\n`);
