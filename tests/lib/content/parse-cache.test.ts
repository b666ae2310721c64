import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMdx } from '../../../src/lib/content/mdx.ts';
import { limitParseCacheMemory, parseCacheMemory } from '../../../src/lib/content/parse-cache.ts';
import { parseYamlWithPositions, splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { parseYamlCached } from '../../../src/lib/content/yaml-cache.ts';
import { useTempSopkitRoot } from './temp-root.ts';

const source = readFileSync(join(import.meta.dirname, '../../fixtures/check/base/content/sops/alpha.mdx'), 'utf8');
let root = '';
useTempSopkitRoot('sopkit-parse-cache-', (dir) => (root = dir));

describe('parse cache', () => {
  it('gives back the same tree as a parse, as a fresh copy each time, and keeps it on disk', () => {
    // A text no other test parses, so the first call really parses.
    const body = `${splitFrontmatter(source).body}\n\nA paragraph only this test has: ${root}.\n`;
    const first = parseMdx(body);
    expect(readdirSync(join(root, '.sopkit-cache/mdx')).length).toBe(1);
    const second = parseMdx(body);
    expect(second).toEqual(first);
    if (!('tree' in first) || !('tree' in second)) throw new Error('expected trees');
    expect(second.tree).not.toBe(first.tree);
    second.tree.children.pop();
    expect(parseMdx(body)).toEqual(first);
  });

  it('does not keep syntax errors: each parse reports them with their place', () => {
    const body = `# Title\n\n<Callout>\nnever closed ${root}\n`;
    const result = parseMdx(body);
    expect('error' in result && result.error.message).toBeTruthy();
    expect(existsSync(join(root, '.sopkit-cache/mdx'))).toBe(false);
    expect(parseMdx(body)).toEqual(result);
  });
});

describe('YAML parse cache', () => {
  it('gives back the same data, and the positions and source texts of a fresh parse, from the cache', () => {
    const { yaml, yamlLine } = splitFrontmatter(source);
    const text = `${yaml}\n# only this test: ${root}\n`;
    const fresh = parseYamlWithPositions(text, yamlLine);
    expect(existsSync(join(root, '.sopkit-cache/yaml'))).toBe(false);
    parseYamlCached(text, yamlLine);
    expect(readdirSync(join(root, '.sopkit-cache/yaml')).length).toBe(1);
    // A second process would read the file: the memory layer gives the same bytes.
    const cached = parseYamlCached(text, yamlLine);
    expect(cached.data).toEqual(fresh.data);
    expect(cached.data).not.toBe(fresh.data);
    expect(cached.errors).toEqual([]);
    for (const path of [['id'], ['version'], ['roles', 1], ['history', 0, 'date'], ['nowhere']]) {
      expect(cached.positionOf(path)).toEqual(fresh.positionOf(path));
      expect(cached.sourceOf(path)).toEqual(fresh.sourceOf(path));
    }
    expect(cached.positionOf(['id']).line).toBeGreaterThan(yamlLine - 1);
    // The same text further down a file: the positions follow the line it starts on.
    expect(parseYamlCached(text, yamlLine + 10).positionOf(['id']).line).toBe(fresh.positionOf(['id']).line + 10);
  });

  it('does not keep YAML with errors: each parse reports them with their place', () => {
    const text = `id: a\nid: b # ${root}\n`;
    const first = parseYamlCached(text, 3);
    expect(first.errors[0]?.at.line).toBe(4);
    expect(existsSync(join(root, '.sopkit-cache/yaml'))).toBe(false);
    expect(parseYamlCached(text, 3).errors).toEqual(first.errors);
  });
});

describe('parse cache in memory', () => {
  afterEach(() => limitParseCacheMemory(64 * 1024 * 1024));

  it('keeps at most its limit in bytes, letting go of the trees used longest ago first', () => {
    const bodies = [1, 2, 3, 4].map((n) => `${splitFrontmatter(source).body}\n\nVersion ${n} of a file being edited in ${root}.\n`);
    const start = parseCacheMemory().bytes;
    parseMdx(bodies[0]!);
    const one = parseCacheMemory().bytes - start;
    expect(one).toBeGreaterThan(0);
    // Room for two trees of this size (the four texts differ by one character).
    limitParseCacheMemory(2.5 * one);
    for (const body of bodies.slice(1)) parseMdx(body);
    expect(parseCacheMemory().trees).toBe(2);
    expect(parseCacheMemory().bytes).toBeLessThanOrEqual(2.5 * one);
    // What was let go is still on disk: the tree comes back the same, read from the file.
    expect(readdirSync(join(root, '.sopkit-cache/mdx')).length).toBe(4);
    const fromDisk = parseMdx(bodies[0]!);
    expect('tree' in fromDisk && fromDisk.tree.children.length).toBeGreaterThan(0);
    expect(parseCacheMemory().trees).toBe(2);
  });
});
