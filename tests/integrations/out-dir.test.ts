import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyInBackground } from '../../src/integrations/out-dir.ts';

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

  it('does nothing when there is no output folder yet', async () => {
    const { trash } = project();
    const { moved, removed } = emptyInBackground(join(trash, '..', 'nowhere'), trash);
    await removed;
    expect(moved).toBe(0);
    expect(existsSync(trash)).toBe(false);
  });
});
