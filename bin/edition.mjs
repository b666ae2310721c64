#!/usr/bin/env node
// Runs an Astro command for one edition of the site, the same on Windows, macOS and Linux (no
// `VAR=x cmd` shell syntax in package.json):
//   node bin/edition.mjs participant build   → dist/
//   node bin/edition.mjs trainer build       → dist-trainer/ (answer keys, trainer notes, scoring)
//   node bin/edition.mjs trainer build --no-pdfs → the pages only, no PDFs (a quicker look at the
//                                                   pages, as the dev server shows them; not to publish)
// Further arguments go to Astro (`node bin/edition.mjs trainer preview --port 4322`).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingPackageMessage } from './missing-package.mjs';
import { stagedOutDir } from './out-dir.mjs';

const [edition, command = 'build', ...given] = process.argv.slice(2);
// `--no-pdfs` is SOPKit's, not Astro's: the handbooks integration reads it as SOPKIT_NO_PDFS.
const noPdfs = given.includes('--no-pdfs');
const rest = given.filter((a) => a !== '--no-pdfs');
if (noPdfs && command !== 'build') {
  console.error(`bin/edition.mjs: --no-pdfs is an option of build (found with "${command}")`);
  process.exit(1);
}
if (edition !== 'participant' && edition !== 'trainer') {
  console.error(`bin/edition.mjs: the first argument is the edition, participant or trainer (found ${edition === undefined ? 'nothing' : `"${edition}"`})`);
  process.exit(1);
}
let astro;
try {
  astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'astro.js');
} catch (error) {
  const message = missingPackageMessage(error, fileURLToPath(new URL('..', import.meta.url)), 'bin/edition.mjs');
  if (message === undefined) throw error;
  console.error(message);
  process.exit(1);
}
// A build into a folder outside the project is made inside it, then copied there (out-dir.mjs).
let args = rest;
let target;
let staging;
if (command === 'build') {
  const staged = stagedOutDir(rest, process.cwd(), edition);
  if ('error' in staged) {
    console.error(`bin/edition.mjs: ${staged.error}`);
    process.exit(1);
  }
  ({ args, target, staging } = staged);
  if (staging) rmSync(staging, { recursive: true, force: true });
}
const result = spawnSync(process.execPath, [astro, command, ...args], {
  stdio: 'inherit',
  env: { ...process.env, SOPKIT_EDITION: edition, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true', ...(noPdfs ? { SOPKIT_NO_PDFS: '1' } : {}) },
});
if (result.error) console.error(`bin/edition.mjs: could not start Astro: ${result.error.message}`);
if (result.status === 0 && target && staging) {
  try {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    cpSync(staging, target, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
    console.log(`bin/edition.mjs: the site is in ${target} (built in ${relative(process.cwd(), staging)} and copied: Astro's build needs its output folder inside the project)`);
  } catch (error) {
    console.error(`bin/edition.mjs: the site was built in ${staging} but could not be copied to ${target}: ${error.message}`);
    process.exit(1);
  }
}
process.exit(result.status ?? 1);
