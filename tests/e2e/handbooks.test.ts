import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveStatic, type StaticSite } from './harness.ts';

let site: StaticSite;
let browser: Browser;
let dist: string;

// The trainer edition has every printed output; what the participant edition leaves out is
// tested by editions.test.ts.
beforeAll(async () => {
  dist = inject('trainerDistDir');
  site = await serveStatic(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('handbooks in the built site', () => {
  it('every SOP page links its handbook and trainer edition, and both download as valid PDFs', async () => {
    const page = await browser.newPage();
    const ids = readdirSync(join(dist, 'sops')).filter((d) => existsSync(join(dist, 'sops', d, 'index.html')));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      await page.goto(`${site.url}/sops/${id}/`);
      for (const file of [`${id}.pdf`, `${id}-trainer.pdf`]) {
        const link = page.locator(`a[href$="/handbooks/${file}"]`);
        expect(await link.count(), `${id} links ${file}`).toBe(1);
        const response = await page.request.get(`${site.url}/handbooks/${file}`);
        expect(response.status()).toBe(200);
        expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
      }
    }
    await page.close();
  });

  it('the whole-pack handbook passes qpdf --check', () => {
    for (const file of ['sopkit-handbook.pdf', 'sopkit-handbook-trainer.pdf']) {
      const r = spawnSync('qpdf', ['--check', join(dist, 'handbooks', file)], { encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }
  });

  it('every quiz form has a booklet, an answer sheet and a key', () => {
    const quizzes = join(dist, 'handbooks', 'quizzes');
    const files = new Set(readdirSync(quizzes));
    const booklets = [...files].filter((f) => /-(pre|post)\.pdf$/.test(f));
    expect(booklets.length).toBeGreaterThan(0);
    for (const b of booklets) {
      expect(files.has(b.replace(/\.pdf$/, '-answer-sheet.pdf'))).toBe(true);
      expect(files.has(b.replace(/\.pdf$/, '-key.pdf'))).toBe(true);
    }
  });
});
