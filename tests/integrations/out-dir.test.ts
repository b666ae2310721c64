import { existsSync, mkdirSync, mkdtempSync, promises, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyInBackground, synchronousWrites } from '../../src/integrations/out-dir.ts';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A project with a last build's output: pages, nested folders and a .git folder to keep. */
function project(): { dist: string; trash: string } {
  const root = mkdtempSync(join(tmpdir(), 'sopkit-out-dir-'));
  roots.push(root);
  const dist = join(root, 'dist');
  for (let i = 0; i < 20; i++) {
    mkdirSync(join(dist, 'sops', `s${i}`), { recursive: true });
    writeFileSync(join(dist, 'sops', `s${i}`, 'index.html'), '<p>old</p>');
  }
  writeFileSync(join(dist, 'index.html'), 'old');
  mkdirSync(join(dist, '.git'));
  writeFileSync(join(dist, '.git', 'HEAD'), 'ref: refs/heads/main');
  return { dist, trash: join(root, '.sopkit-cache', 'trash') };
}

describe('emptyInBackground', () => {
  it('leaves the output folder empty at once (but .git) and deletes the old files by the time it settles', async () => {
    const { dist, trash } = project();
    const { moved, removed } = emptyInBackground(dist, trash);
    expect(moved).toBe(2);
    expect(readdirSync(dist)).toEqual(['.git']);
    await removed;
    expect(readdirSync(trash)).toEqual([]);
    expect(existsSync(join(dist, '.git', 'HEAD'))).toBe(true);
  });

  it('also deletes what a stopped build left in the trash, but not what a running one holds', async () => {
    const { dist, trash } = project();
    // No process has pid 2^22 + 1 (above Linux's pid_max default); this one is running.
    mkdirSync(join(trash, `${2 ** 22 + 1}-1700000000000`, 'sops'), { recursive: true });
    mkdirSync(join(trash, `${process.pid}-1700000000000`), { recursive: true });
    await emptyInBackground(dist, trash).removed;
    expect(readdirSync(trash)).toEqual([`${process.pid}-1700000000000`]);
  });

  it('leaves the folder to Astro when it cannot make its trash folder', async () => {
    const { dist, trash } = project();
    mkdirSync(join(trash, '..'), { recursive: true });
    writeFileSync(trash, 'a file where the trash folder would be');
    const { moved, removed } = emptyInBackground(dist, trash);
    await removed;
    expect(moved).toBe(0);
    expect(readdirSync(dist).sort()).toEqual(['.git', 'index.html', 'sops']);
  });

  it('does nothing when there is no output folder yet', async () => {
    const { trash } = project();
    const { moved, removed } = emptyInBackground(join(trash, '..', 'nowhere'), trash);
    await removed;
    expect(moved).toBe(0);
    expect(existsSync(trash)).toBe(false);
  });
});

describe('synchronousWrites', () => {
  it('writes pages before the promise is awaited, as Astro awaits them, and puts the originals back', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sopkit-sync-writes-'));
    roots.push(root);
    const original = promises.writeFile;
    const restore = synchronousWrites();
    try {
      const made = promises.mkdir(join(root, 'sops/a'), { recursive: true });
      expect(existsSync(join(root, 'sops/a'))).toBe(true);
      await expect(made).resolves.toBe(join(root, 'sops'));
      const written = promises.writeFile(join(root, 'sops/a/index.html'), Buffer.from('<p>é</p>'));
      expect(readFileSync(join(root, 'sops/a/index.html'), 'utf8')).toBe('<p>é</p>');
      await written;
      await promises.writeFile(join(root, 'latin1.txt'), 'é', { encoding: 'latin1' });
      expect(readFileSync(join(root, 'latin1.txt'))).toEqual(Buffer.from([0xe9]));
      // A write that fails still rejects, naming the path.
      await expect(promises.writeFile(join(root, 'missing/x.html'), 'x')).rejects.toThrow(/missing/);
      // A file handle and an iterable of chunks go to the original.
      const handle = await promises.open(join(root, 'handle.txt'), 'w');
      await promises.writeFile(handle, 'by handle');
      await handle.close();
      await promises.writeFile(join(root, 'chunks.txt'), (async function* () { yield 'a'; yield 'b'; })());
      expect(readFileSync(join(root, 'handle.txt'), 'utf8')).toBe('by handle');
      expect(readFileSync(join(root, 'chunks.txt'), 'utf8')).toBe('ab');
    } finally {
      restore();
    }
    expect(promises.writeFile).toBe(original);
  });
});
