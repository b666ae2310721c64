#!/usr/bin/env node
// The search index of a project built alone, in this thread, as the build's
// `src/pages/search-index/[file].json.ts` builds it: the documents (`searchDocuments`), the lunr
// index (`buildSearchBundle`) and its files (`shardFiles`), a few times over, printing the median
// milliseconds of each and a hash of the files written against a reference run saved earlier on
// the same machine (a comparison, never a timed assertion). The same hash means the same files.
//   node bench/search-index.mjs [--root DIR] [--runs 5] [--save ref.json] [--ref ref.json]
// --root is a project (a generated bench pack: `npm run bench:build` writes them under the
// system temp dir).
import { register } from 'tsx/esm/api';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

register();
const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, runs: { type: 'string', default: '5' }, save: { type: 'string' }, ref: { type: 'string' } } });
const root = resolve(values.root);
process.env.SOPKIT_ROOT = root;
const { loadProject } = await import('../src/lib/content/project.ts');
const { searchDocuments } = await import('../src/lib/search/documents.ts');
const { buildSearchBundle } = await import('../src/lib/search/index.ts');
const { shardFiles } = await import('../src/lib/search/shards.ts');

const project = loadProject(root);
const times = { documents: [], index: [], files: [] };
let hash = '';
let documents = 0;
let files = 0;
for (let i = 0; i < Number(values.runs); i++) {
  const t0 = performance.now();
  documents = searchDocuments(project, 'participant').length;
  const t1 = performance.now();
  // buildSearchBundle reads the documents again: the index's own time is the difference.
  const bundle = buildSearchBundle(project, 'participant');
  const t2 = performance.now();
  const written = shardFiles(bundle.index, bundle.docs);
  const t3 = performance.now();
  times.documents.push(t1 - t0);
  times.index.push(t2 - t1 - (t1 - t0));
  times.files.push(t3 - t2);
  const h = createHash('sha256');
  for (const [name, text] of [...written].sort((a, b) => (a[0] < b[0] ? -1 : 1))) h.update(`${name}\0${text}\0`);
  hash = h.digest('hex').slice(0, 16);
  files = written.size;
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const run = { documents, files, hash, documentsMs: median(times.documents), indexMs: median(times.index), filesMs: median(times.files) };
const ref = values.ref && existsSync(values.ref) ? JSON.parse(readFileSync(values.ref, 'utf8')) : undefined;
const ms = (n) => (typeof n === 'number' ? n.toFixed(0) : 'n/a');
console.log('| run | documents | files | documents ms | lunr index ms | files ms | total ms | files hash |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [label, r] of [['this run', run], ['reference', ref]]) if (r) console.log(`| ${label} | ${r.documents} | ${r.files} | ${ms(r.documentsMs)} | ${ms(r.indexMs)} | ${ms(r.filesMs)} | ${ms(r.documentsMs + r.indexMs + r.filesMs)} | ${r.hash} |`);
if (ref && ref.hash !== run.hash) console.log('The files differ from the reference run\'s (another pack, or the index changed).');
if (values.save) writeFileSync(values.save, `${JSON.stringify({ root, date: new Date().toISOString(), ...run }, null, 2)}\n`);
