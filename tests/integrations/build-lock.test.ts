import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { takeBuildLock } from '../../src/integrations/build-lock.ts';

const temp = mkdtempSync(join(tmpdir(), 'sopkit-lock-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const lockOf = (root: string, edition: string) => join(root, '.sopkit-cache', `build-${edition}.lock`);

describe('one build of an edition at a time in a project', () => {
  it('takes the lock with its process id, again in the same process, and per edition', () => {
    const root = join(temp, 'a');
    expect(takeBuildLock(root, 'participant')).toBeUndefined();
    expect(readFileSync(lockOf(root, 'participant'), 'utf8')).toBe(String(process.pid));
    expect(takeBuildLock(root, 'participant')).toBeUndefined();
    expect(takeBuildLock(root, 'trainer')).toBeUndefined();
  });

  it('refuses while another live process holds it, and takes over once that process is gone', async () => {
    const root = join(temp, 'b');
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const ended = new Promise((done) => other.on('exit', done));
    try {
      takeBuildLock(root, 'participant');
      writeFileSync(lockOf(root, 'participant'), String(other.pid));
      expect(takeBuildLock(root, 'participant')).toBe(
        `another build of the participant edition is running in this project (process ${other.pid}); two at once overwrite each other's files: wait for it to end or stop it (if none is running, delete .sopkit-cache/build-participant.lock)`,
      );
    } finally {
      other.kill();
    }
    await ended;
    expect(takeBuildLock(root, 'participant')).toBeUndefined();
    expect(readFileSync(lockOf(root, 'participant'), 'utf8')).toBe(String(process.pid));
  });

  it('is let go when the build’s process exits', () => {
    const root = join(temp, 'c');
    const module = join(import.meta.dirname, '../../src/integrations/build-lock.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(module)}).then((m) => { console.log(String(m.takeBuildLock(${JSON.stringify(root)}, 'trainer'))); console.log(require('node:fs').existsSync(${JSON.stringify(lockOf(root, 'trainer'))})); })`], { encoding: 'utf8' });
    expect(child.stdout.trim().split('\n')).toEqual(['undefined', 'true']);
    expect(existsSync(lockOf(root, 'trainer'))).toBe(false);
  });
});
