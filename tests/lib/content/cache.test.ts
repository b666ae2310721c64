import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getProject, holdProject, releaseProject } from '../../../src/lib/content/cache.ts';

const fixture = join(import.meta.dirname, '../../fixtures/check/base');
let root = '';
let alpha = '';

/** Rewrites a file with a later modification time, as an editor saving it would. */
function edit(file: string, change: (text: string) => string, secondsLater: number): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
  const at = new Date(Date.now() + secondsLater * 1000);
  utimesSync(file, at, at);
}

const title = (id: string) => getProject(root).sops.find((s) => s.id === id)?.data?.title;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sopkit-project-cache-'));
  cpSync(fixture, root, { recursive: true });
  alpha = join(root, 'content/sops/alpha.mdx');
});
afterEach(() => {
  releaseProject();
  rmSync(root, { recursive: true, force: true });
});

describe('getProject', () => {
  it('gives the same loaded project until a source changes, then loads it again', () => {
    const first = getProject(root);
    expect(getProject(root)).toBe(first);
    edit(alpha, (text) => text.replace(/^title: .*$/m, 'title: Renamed outside a build'), 10);
    expect(getProject(root)).not.toBe(first);
    expect(title('alpha')).toBe('Renamed outside a build');
  });

  it('while a build holds the project, reads no source again; after it, sees the edits', () => {
    getProject(root);
    // An edit made before the build starts is in the project the build holds.
    edit(alpha, (text) => text.replace(/^title: .*$/m, 'title: Before the build'), 10);
    holdProject(root);
    const held = getProject(root);
    expect(title('alpha')).toBe('Before the build');
    edit(alpha, (text) => text.replace(/^title: .*$/m, 'title: During the build'), 20);
    expect(getProject(root)).toBe(held);
    expect(title('alpha')).toBe('Before the build');
    releaseProject();
    expect(getProject(root)).not.toBe(held);
    expect(title('alpha')).toBe('During the build');
  });

  it('holds only the root it was given', () => {
    const other = mkdtempSync(join(tmpdir(), 'sopkit-project-cache-other-'));
    try {
      cpSync(fixture, other, { recursive: true });
      holdProject(root);
      expect(getProject(other).root).toBe(other);
      expect(getProject(root).root).toBe(root);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
