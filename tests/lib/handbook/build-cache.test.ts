import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfCache } from '../../../src/lib/handbook/build-cache.ts';
import { pdfKeys } from '../../../src/lib/handbook/input-keys.ts';

const fixture = join(import.meta.dirname, '../../fixtures/check/base');
const dirs: string[] = [];
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sopkit-pdf-cache-'));
  dirs.push(dir);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function edit(file: string, from: RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

describe('pdfKeys', () => {
  it('changes only the edited SOP and the whole pack when prose changes', () => {
    const root = project();
    const before = pdfKeys(root, 'participant', '2026-01-01');
    edit(join(root, 'content/sops/alpha.mdx'), /\n\n([A-Z][a-z]+ )/, '\n\nIn short, $1');
    const after = pdfKeys(root, 'participant', '2026-01-01');
    expect(after.sops.get('alpha')).not.toBe(before.sops.get('alpha'));
    const others = [...before.sops.keys()].filter((id) => id !== 'alpha');
    expect(others.length).toBeGreaterThan(0);
    for (const id of others) expect(after.sops.get(id)).toBe(before.sops.get(id));
    expect(after.pack).not.toBe(before.pack);
  });

  it('changes every key when a heading (what a <Ref> prints), the glossary or the edition changes', () => {
    const root = project();
    const before = pdfKeys(root, 'participant', '2026-01-01');
    edit(join(root, 'content/sops/alpha.mdx'), /\n## ([A-Z])/, '\n## Renamed $1');
    const renamed = pdfKeys(root, 'participant', '2026-01-01');
    for (const [id, key] of before.sops) expect(renamed.sops.get(id)).not.toBe(key);
    edit(join(root, 'content/glossary.yaml'), /definition: /, 'definition: Changed. ');
    const glossary = pdfKeys(root, 'participant', '2026-01-01');
    for (const [id, key] of renamed.sops) expect(glossary.sops.get(id)).not.toBe(key);
    const trainer = pdfKeys(root, 'trainer', '2026-01-01');
    for (const [id, key] of glossary.sops) expect(trainer.sops.get(id)).not.toBe(key);
  });

  it('makes the whole-pack key depend on the date (reports mark overdue actions) and the SOP keys not', () => {
    const root = project();
    const a = pdfKeys(root, 'participant', '2026-01-01');
    const b = pdfKeys(root, 'participant', '2026-01-02');
    expect(b.pack).not.toBe(a.pack);
    expect([...b.sops]).toEqual([...a.sops]);
  });
});

describe('PdfCache', () => {
  it('reuses a job with the same key, remakes it with a new one, and drops jobs no build asked for', async () => {
    const root = project();
    const out = join(root, 'dist');
    let made = 0;
    const job = (text: string) => async (dir: string) => {
      made++;
      writeFileSync(join(dir, 'a.pdf'), text);
      return [{ file: 'a.pdf', bytes: text.length, pages: 1 }];
    };
    const first = new PdfCache(join(root, 'cache'), out);
    await first.run('sop-a', 'k1', job('one'));
    await first.run('sop-b', 'k1', job('b'));
    const second = new PdfCache(join(root, 'cache'), join(root, 'dist2'));
    expect(await second.run('sop-a', 'k1', job('never'))).toEqual([{ file: 'a.pdf', bytes: 3, pages: 1 }]);
    expect(readFileSync(join(root, 'dist2/a.pdf'), 'utf8')).toBe('one');
    expect(made).toBe(2);
    await second.run('sop-a', 'k2', job('two'));
    expect(readFileSync(join(root, 'dist2/a.pdf'), 'utf8')).toBe('two');
    expect(second.counts).toEqual({ reused: 1, made: 1 });
    expect(readdirSync(join(root, 'cache/sop-a'))).toEqual(['k2']);
    second.prune();
    expect(existsSync(join(root, 'cache/sop-b'))).toBe(false);
  });

  it('puts each file in the output as a hard link to the cached one, and remakes a job whose file was changed in place', async () => {
    const root = project();
    let made = 0;
    const job = async (dir: string) => {
      made++;
      mkdirSync(join(dir, 'registers'));
      writeFileSync(join(dir, 'a.pdf'), 'pdf');
      writeFileSync(join(dir, 'registers/a.csv'), 'id,comment\n');
      return [{ file: 'a.pdf', bytes: 3, pages: 1 }];
    };
    const first = new PdfCache(join(root, 'cache'), join(root, 'dist'));
    await first.run('sop-a', 'k1', job);
    const cached = join(root, 'cache/sop-a/k1');
    expect(statSync(join(root, 'dist/a.pdf')).ino).toBe(statSync(join(cached, 'a.pdf')).ino);
    expect(readFileSync(join(root, 'dist/registers/a.csv'), 'utf8')).toBe('id,comment\n');
    expect(existsSync(join(root, 'dist/.written.json'))).toBe(false);
    expect(existsSync(join(root, 'dist/.stamps.json'))).toBe(false);

    // The next build reuses the job and links it again over the files already there.
    const second = new PdfCache(join(root, 'cache'), join(root, 'dist'));
    await second.run('sop-a', 'k1', job);
    expect(second.counts).toEqual({ reused: 1, made: 0 });

    // A reviewer saves a comment in the register in dist/: the cached copy changed with it, so the
    // job is made again instead of publishing the edited file.
    appendFileSync(join(root, 'dist/registers/a.csv'), 'p-1,my comment\n');
    const third = new PdfCache(join(root, 'cache'), join(root, 'dist2'));
    await third.run('sop-a', 'k1', job);
    expect(third.counts).toEqual({ reused: 0, made: 1 });
    expect(made).toBe(2);
    expect(readFileSync(join(root, 'dist2/registers/a.csv'), 'utf8')).toBe('id,comment\n');
  });
});
