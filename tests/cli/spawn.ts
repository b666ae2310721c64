import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository, where `bin/sopkit.mjs` and `node_modules/astro` are. */
export const repo = resolve(import.meta.dirname, '../..');

/** What a finished process gave. */
export interface Finished {
  /** Exit code (null when a signal ended it). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a Node script to its end without blocking the test runner's event loop, so a slow machine
 * only makes the test slower (the test's own limit is generous, set in vitest.config.ts).
 * @param args Arguments after `node`.
 * @param env Extra environment variables.
 * @param cwd Working directory (the test runner's when not given).
 */
export function runNode(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOPKIT_DEBUG: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** Runs `sopkit <args>` as a user does (`node bin/sopkit.mjs`), in its own process. */
export function runSopkit(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return runNode([join(repo, 'bin/sopkit.mjs'), ...args], env);
}
