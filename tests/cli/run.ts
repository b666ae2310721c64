import { main } from '../../src/cli/main.ts';

/** What one in-process run of the CLI gave: its exit code and what it wrote, lines joined. */
export interface Ran {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `sopkit <argv…>` in the test's own process (no child process: fast, and a thrown error
 * fails the test with its stack), collecting what it writes to standard output and error.
 */
export async function run(...argv: string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
