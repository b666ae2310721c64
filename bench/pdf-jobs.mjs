#!/usr/bin/env node
// The PDF stage of a build measured alone, in this thread: every PDF job of a project (each SOP's
// handbook and review copy, the whole-pack ones when the pack is small enough), made one after
// another into a temporary folder, printing CPU seconds (user + system of this process), the
// PDFs and pages made and peak RSS against a reference run saved earlier on the same machine
// (a comparison, never a timed assertion). CPU seconds do not depend on how busy the machine is.
//   node bench/pdf-jobs.mjs [--root DIR] [--limit N] [--save ref.json] [--ref ref.json]
// --root is a project (a generated bench pack: `npm run bench:build` writes them under the
// system temp dir); --limit makes only the first N jobs. It also lists the five longest jobs (CPU s
// each): the stage's workers share the jobs, so the longest one is the least the stage can take.
import { register } from 'tsx/esm/api';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

register();
const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, limit: { type: 'string' }, save: { type: 'string' }, ref: { type: 'string' }, edition: { type: 'string', default: 'participant' } } });
const root = resolve(values.root);
process.env.SOPKIT_ROOT = root;
const { pdfKeys } = await import('../src/lib/handbook/input-keys.ts');
const { makePdfJob, pdfJobs } = await import('../src/lib/handbook/build-jobs.ts');

const today = '2026-12-01';
const cpu0 = process.cpuUsage();
const keys = pdfKeys(root, values.edition, today);
let jobs = pdfJobs(keys);
if (values.limit) jobs = jobs.slice(0, Number(values.limit));
const out = mkdtempSync(join(tmpdir(), 'sopkit-pdf-jobs-'));
let pdfs = 0;
let pages = 0;
let peakRss = 0;
const each = [];
try {
  for (const [i, job] of jobs.entries()) {
    const before = process.cpuUsage();
    const result = await makePdfJob({ job, root, outDir: join(out, String(i)), edition: values.edition, today, sopCount: keys.sops.size, stage: 'bench' });
    const spent = process.cpuUsage(before);
    each.push({ name: job.name, cpu: (spent.user + spent.system) / 1e6, pdfs: result.written.length });
    pdfs += result.written.length;
    pages += result.written.reduce((n, w) => n + (w.pages ?? 0), 0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
const used = process.cpuUsage(cpu0);
const run = { jobs: jobs.length, pdfs, pages, cpu: (used.user + used.system) / 1e6, peakRssMb: peakRss / 1024 / 1024 };
const ref = values.ref && existsSync(values.ref) ? JSON.parse(readFileSync(values.ref, 'utf8')) : undefined;
const f = (n) => (typeof n === 'number' ? (Number.isInteger(n) ? String(n) : n.toFixed(1)) : 'n/a');
console.log('| run | jobs | PDFs | pages | CPU s | CPU ms per page | peak RSS MB |');
console.log('|---|---|---|---|---|---|---|');
for (const [label, r] of [['this run', run], ['reference', ref]]) if (r) console.log(`| ${label} | ${r.jobs} | ${r.pdfs} | ${f(r.pages)} | ${f(r.cpu)} | ${f((r.cpu * 1000) / Math.max(1, r.pages))} | ${f(r.peakRssMb)} |`);
console.log('\n| longest jobs | CPU s | PDFs |\n|---|---|---|');
for (const j of each.sort((a, b) => b.cpu - a.cpu).slice(0, 5)) console.log(`| ${j.name} | ${f(j.cpu)} | ${j.pdfs} |`);
if (values.save) writeFileSync(values.save, `${JSON.stringify({ root, date: new Date().toISOString(), ...run }, null, 2)}\n`);
