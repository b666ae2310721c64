// Saving the pack when the connection drops part way: the progress counts what is on the device,
// not what was tried (a full bar and "1177 of 1177 files" were shown with 51 saved).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PackFile } from '../../../src/lib/offline/pack.ts';
import { saveFiles, type SaveProgress } from '../../../src/scripts/offline/save.ts';

const file = (i: number, bytes: number): PackFile => ({ path: `sops/s${i}/`, bytes, revision: `r${i}`, kind: 'page' }) as PackFile;

afterEach(() => vi.unstubAllGlobals());

describe('saving files for offline use', () => {
  it('counts the bytes and files saved, and the failed apart, when the connection drops', async () => {
    const stored = new Map<string, Response>();
    vi.stubGlobal('caches', { open: async () => ({ match: async (url: string) => stored.get(url), put: async (url: string, r: Response) => void stored.set(url, r) }) });
    let calls = 0;
    // The first two files come; then the network is gone (one file half sent before it fails).
    vi.stubGlobal('fetch', async (url: string) => {
      calls++;
      if (calls <= 2) return new Response('x'.repeat(100), { status: 200 });
      if (calls === 3) {
        const body = new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode('x'.repeat(40))); c.error(new Error('connection reset')); } });
        return new Response(body, { status: 200 });
      }
      throw new TypeError('Failed to fetch');
    });
    const files = [100, 100, 100, 100, 100].map((b, i) => file(i, b));
    let last: SaveProgress | undefined;
    const result = await saveFiles(files, { scope: 'http://localhost/', mode: 'current', concurrency: 1, onProgress: (p) => (last = p) });
    expect(result.saved).toBe(2);
    expect(result.failed).toHaveLength(3);
    expect(last).toEqual({ done: 5, total: 5, bytes: 200, totalBytes: 500, failed: 3 });
    expect(stored.size).toBe(2);
  });
});
