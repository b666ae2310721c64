import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/lib/heap-growth.ts';

const churn = fileURLToPath(new URL('../fixtures/heap-growth/churn.ts', import.meta.url));
/** Runs the fixture in a fresh node (the setting is process-wide) and reads what it printed. */
function run(args: string[]): { largestMb: number; liveMb: number; kept: number } {
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', churn, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as { largestMb: number; liveMb: number; kept: number };
}

describe('limitHeapGrowth', () => {
  it('keeps the heap within the growth it sets past what is live, where V8 alone lets it grow further', () => {
    const limited = run(['20']);
    const free = run([]);
    expect(limited.kept).toBe(1040);
    // 20 % past what is live, plus the young generation (at most 48 MB) and what is allocated
    // while a collection marks.
    const bound = limited.liveMb * 1.2 + 96;
    expect(limited.largestMb).toBeLessThanOrEqual(bound);
    expect(Math.abs(free.liveMb - limited.liveMb)).toBeLessThanOrEqual(2);
    expect(free.largestMb).toBeGreaterThan(bound);
  });

  it('leaves the setting to the user who started node with it', () => {
    expect(limitHeapGrowth(50, ['--heap-growing-percent=200'])).toBe(false);
    expect(limitHeapGrowth(50, ['--max-old-space-size=4096', '--heap_growing_percent=80'])).toBe(false);
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
  });
});
