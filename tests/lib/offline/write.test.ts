import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACK_PATH, type Pack } from '../../../src/lib/offline/pack.ts';
import { writeOfflineFiles } from '../../../src/lib/offline/write.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sopkit-offline-unit-'));
  cpSync('tests/fixtures/offline-site', dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOfflineFiles', () => {
  it('writes the pack list and a worker with Workbox inside and the shell precached', async () => {
    writeFileSync(join(dir, 'sw.js'), 'stale worker of the last build');
    const built = await writeOfflineFiles(dir);
    const pack = JSON.parse(readFileSync(join(dir, PACK_PATH), 'utf8')) as Pack;
    expect(pack).toEqual(built.pack);
    // The worker and the list are not part of the pack they describe.
    expect(pack.files.map((f) => f.path)).not.toContain('sw.js');
    expect(pack.files.map((f) => f.path)).not.toContain(PACK_PATH);
    expect(built.precache.map((e) => e.url)).toEqual(['_astro/page.Def456.js', '_astro/shared.Jkl012.js', '_astro/site.AbC123.css', 'favicon.svg', './', 'offline/', 'sops/', PACK_PATH]);
    // Hashed names need no revision; the others carry their content hash.
    expect(built.precache.find((e) => e.url === '_astro/site.AbC123.css')?.revision).toBeNull();
    expect(built.precache.find((e) => e.url === 'sops/')?.revision).toMatch(/^[0-9a-f]{16}$/);

    const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
    expect(worker.length).toBe(built.workerBytes);
    expect(worker).toContain('"sops/"');
    expect(worker).toContain('sopkit-pages-');
    // Workbox is bundled in: nothing is imported from a CDN or elsewhere.
    expect(worker).not.toMatch(/importScripts|workbox-sw|storage\.googleapis|cdn/i);
    expect(built.precacheBytes).toBeGreaterThan(0);
  });

  it('gives a new worker when any file of the build changes, and the same one when none does', async () => {
    await writeOfflineFiles(dir);
    const first = readFileSync(join(dir, 'sw.js'), 'utf8');
    await writeOfflineFiles(dir);
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).toBe(first);
    writeFileSync(join(dir, 'handbooks/a.pdf'), '%PDF-1.7\n% revised\n');
    await writeOfflineFiles(dir);
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).not.toBe(first);
    expect(existsSync(join(dir, PACK_PATH))).toBe(true);
  });
});
