#!/usr/bin/env node
// Runs an Astro command for one edition of the site, the same on Windows, macOS and Linux (no
// `VAR=x cmd` shell syntax in package.json):
//   node bin/edition.mjs participant build   → dist/
//   node bin/edition.mjs trainer build       → dist-trainer/ (answer keys, trainer notes, scoring)
// Further arguments go to Astro (`node bin/edition.mjs trainer preview --port 4322`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingPackageMessage } from './missing-package.mjs';

const [edition, command = 'build', ...rest] = process.argv.slice(2);
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
const result = spawnSync(process.execPath, [astro, command, ...rest], {
  stdio: 'inherit',
  env: { ...process.env, SOPKIT_EDITION: edition, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' },
});
if (result.error) console.error(`bin/edition.mjs: could not start Astro: ${result.error.message}`);
process.exit(result.status ?? 1);
