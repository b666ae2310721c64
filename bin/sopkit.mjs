#!/usr/bin/env node
// Entry point for `npx sopkit`. Registers tsx so that the CLI, and the TypeScript workflow files it
// loads from the project, run straight from source: no build step before the first command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
