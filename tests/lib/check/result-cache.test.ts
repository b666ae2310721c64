import { appendFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckSummary } from '../../../src/lib/check/in-worker.ts';
import { cachedCheck, checkKey } from '../../../src/lib/check/result-cache.ts';
import { repo, tempFolder } from '../../params/project.ts';

// The parameters fixture's content and workflows, with a file of code under src/.
const root = tempFolder('sopkit-check-cache-');
cpSync(join(repo, 'tests/fixtures/params/project'), root, { recursive: true });
mkdirSync(join(root, 'src/lib'), { recursive: true });
writeFileSync(join(root, 'src/lib/rule.ts'), 'export const rule = 1;\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A check that counts its runs and reports one warning naming the run. */
let runs = 0;
const check = async (): Promise<CheckSummary> => {
  runs++;
  return { sops: 1, diagnostics: [{ file: 'content/sops/registration.mdx', line: 1, column: 1, severity: 'warning', code: 'test/run', message: `run ${runs}` }] };
};

describe('check result cache', () => {
  it('gives the last result back while nothing the check reads changes', async () => {
    const first = await cachedCheck(root, checkKey(root, '2026-06-01', 5000), check);
    const again = await cachedCheck(root, checkKey(root, '2026-06-01', 5000), check);
    expect(first.reused).toBe(false);
    expect(again).toEqual({ summary: first.summary, reused: true });
    expect(runs).toBe(1);
  });

  it('checks again after a change to the content, the workflows, the code, an image, the date or the time limit', async () => {
    const key = () => checkKey(root, '2026-06-01', 5000);
    const keys = [key()];
    appendFileSync(join(root, 'content/sops/registration.mdx'), '\nOne more sentence.\n');
    keys.push(key());
    appendFileSync(join(root, 'workflows', 'registration.machine.ts'), '\n// note\n');
    keys.push(key());
    appendFileSync(join(root, 'src/lib/rule.ts'), 'export const other = 2;\n');
    keys.push(key());
    mkdirSync(join(root, 'public'), { recursive: true });
    writeFileSync(join(root, 'public/seal.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
    keys.push(key());
    keys.push(checkKey(root, '2026-06-02', 5000));
    keys.push(checkKey(root, '2026-06-01', 6000));
    expect(new Set(keys).size).toBe(keys.length);
    const before = runs;
    const result = await cachedCheck(root, key(), check);
    expect(result.reused).toBe(false);
    expect(runs).toBe(before + 1);
    expect(result.summary.diagnostics[0]?.message).toBe(`run ${runs}`);
  });

  it('keeps a result per key, so that runs on two dates (or two time limits) taking turns each reuse their own', async () => {
    const [june, july] = [checkKey(root, '2026-06-01', 5000), checkKey(root, '2026-07-01', 5000)];
    await cachedCheck(root, june, check);
    await cachedCheck(root, july, check);
    const before = runs;
    expect((await cachedCheck(root, june, check)).reused).toBe(true);
    expect((await cachedCheck(root, july, check)).reused).toBe(true);
    expect(runs).toBe(before);
    // Eight are kept: after eight other keys, the first is checked again.
    for (let day = 10; day < 18; day++) await cachedCheck(root, checkKey(root, `2026-08-${day}`, 5000), check);
    expect((await cachedCheck(root, june, check)).reused).toBe(false);
  });

  it("leaves out of the key the settings the check does not read (the build's edition, its PDFs), and not the others", async () => {
    const saved = { ...process.env };
    try {
      const plain = checkKey(root, '2026-06-01', 5000);
      Object.assign(process.env, { SOPKIT_EDITION: 'trainer', SOPKIT_NO_PDFS: '1', SOPKIT_PDF_WORKERS: '1', SOPKIT_DEBUG: '1', SOPKIT_FROM_SOURCE: '1' });
      expect(checkKey(root, '2026-06-01', 5000)).toBe(plain);
      // The date and the limit are in the key by their value, given as settings or not.
      Object.assign(process.env, { SOPKIT_TODAY: '2026-06-01', SOPKIT_TIME_LIMIT: '5' });
      expect(checkKey(root, '2026-06-01', 5000)).toBe(plain);
      // A setting the check may read (a new one included) is part of the key.
      process.env.SOPKIT_SOMETHING_NEW = 'x';
      expect(checkKey(root, '2026-06-01', 5000)).not.toBe(plain);
    } finally {
      for (const k of Object.keys(process.env)) if (k.startsWith('SOPKIT_') && !(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
