#!/usr/bin/env node
// Entry point for `npx sopkit`. Runs the CLI compiled to JavaScript (bin/compiled-cli.mjs: made
// on the first run after any change under src/, then reused), or straight from the TypeScript
// sources through tsx when SOPKIT_FROM_SOURCE=1 or when the compiled copy cannot be made (a
// read-only installation). Either way no build step is needed before the first command.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { compiledCli } from './compiled-cli.mjs';
import { missingPackageMessage } from './missing-package.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

async function loadMain() {
  if (!process.env.SOPKIT_FROM_SOURCE) {
    try {
      const dir = await compiledCli(root);
      return (await import(pathToFileURL(join(dir, 'src/cli/main.js')).href)).main;
    } catch (error) {
      if (process.env.SOPKIT_DEBUG) process.stderr.write(`sopkit: running from source: the compiled CLI could not be made: ${error instanceof Error ? error.message : error}\n`);
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

// A reader that stops early (`sopkit diff ... --json | head`) closes the pipe: stop quietly, as
// other command-line tools do, rather than print Node's "Unhandled 'error' event" and a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

let main;
try {
  main = await loadMain();
} catch (error) {
  const message = missingPackageMessage(error, root, 'sopkit');
  if (message === undefined) throw error;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
process.exitCode = await main(process.argv.slice(2));
