#!/usr/bin/env node
// Memory from one rebuild to the next, in one long-running process: the pack is checked (project
// loaded, every checker run, as `sopkit check` and the build do) and the PDFs of one SOP are made,
// again and again, the same SOP edited before each round, as in an author's session.
// After each round it prints the heap live after a full collection, the heap's size and the RSS:
// what the process keeps from round to round must not grow (the caches keep one entry per SOP,
// not one per saved version). With --dev N, then the same pack served by `astro dev` while one
// SOP is edited N times: the server's RSS after each edit was served. A measurement, never a
// timed assertion.
//   node bench/memory-rebuilds.mjs [--size 300] [--rounds 6] [--dev 0] [--work DIR]
import { register } from 'tsx/esm/api';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { devMemory } from './build/dev-memory.mjs';
import { editSop, makeSopkit } from './build/projects.mjs';

register();
const { values } = parseArgs({ options: { size: { type: 'string', default: '300' }, rounds: { type: 'string', default: '6' }, dev: { type: 'string', default: '0' }, work: { type: 'string', default: join(tmpdir(), 'sopkit-bench-memory') } } });
// A full collection before each reading, so it counts what is kept, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const log = (text) => process.stderr.write(`${text}\n`);

const size = Number(values.size);
const project = makeSopkit(join(values.work, `sopkit-${size}`), size);
// Outside a build the loaders read the root from here, as the CLI's do.
process.env.SOPKIT_ROOT = project.dir;
execFileSync('git', ['init', '-q'], { cwd: project.dir });
const { runChecks } = await import('../src/lib/check/index.ts');
const { getProject } = await import('../src/lib/content/cache.ts');
const { parseCacheMemory } = await import('../src/lib/content/parse-cache.ts');
const { pdfKeys } = await import('../src/lib/handbook/input-keys.ts');
const { makePdfJob, pdfJobs } = await import('../src/lib/handbook/build-jobs.ts');

const mb = (n) => (n / 1024 / 1024).toFixed(1);
console.log(`| round | check s | live heap MB | heap MB | RSS MB | trees kept in memory (MB) |`);
console.log('|---|---|---|---|---|---|');
for (let round = 1; round <= Number(values.rounds); round++) {
  if (round > 1) editSop(project.sopFile(1), `Edited in round ${round}`);
  const started = performance.now();
  await runChecks(project.dir, { today: '2026-12-01' });
  const seconds = (performance.now() - started) / 1000;
  // The PDFs of the edited SOP, from the project the pages read.
  getProject(project.dir);
  const keys = pdfKeys(project.dir, 'participant', '2026-12-01');
  const job = pdfJobs(keys).find((j) => j.sop === 'gen-0001');
  const out = mkdtempSync(join(tmpdir(), 'sopkit-memory-pdf-'));
  try {
    if (job) await makePdfJob({ job, root: project.dir, outDir: out, edition: 'participant', today: '2026-12-01', sopCount: size, stage: 'bench' });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  gc();
  const heap = getHeapStatistics();
  const trees = parseCacheMemory();
  console.log(`| ${round} | ${seconds.toFixed(1)} | ${mb(heap.used_heap_size)} | ${mb(heap.total_heap_size)} | ${mb(process.memoryUsage().rss)} | ${trees.trees} (${mb(trees.bytes)}) |`);
}
if (Number(values.dev) > 0) {
  const rss = await devMemory(project, 4399, Number(values.dev));
  console.log(`\n| astro dev | ${rss.map((_, i) => (i ? `edit ${i}` : 'first page')).join(' | ')} |`);
  console.log(`|---|${rss.map(() => '---').join('|')}|`);
  console.log(`| RSS MB | ${rss.map((b) => mb(b)).join(' | ')} |`);
}
log(`pack in ${project.dir}`);
