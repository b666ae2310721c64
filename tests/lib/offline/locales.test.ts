import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE_PAGE, isOfflinePage, offlineFallbacks, offlinePageIn, packLocales, type Pack, type PackFile } from '../../../src/lib/offline/pack.ts';
import { precacheEntries, shellPages, writeOfflineFiles } from '../../../src/lib/offline/write.ts';

const page = (path: string, lang: string, dir: 'ltr' | 'rtl' = 'ltr'): PackFile => ({ path, bytes: 100, revision: `r-${path}`, kind: 'page', title: path, lang, dir });
const pack: Pack = {
  version: 'v',
  files: [
    { path: '_astro/site.A1.css', bytes: 10, revision: 'a', kind: 'asset' },
    { ...page('', 'en'), needs: [0] },
    { ...page('sops/', 'en'), needs: [0] },
    { ...page('sops/x/', 'en'), needs: [0] },
    { ...page('offline/', 'en'), needs: [0] },
    { ...page('fr/', 'fr'), needs: [0] },
    { ...page('fr/sops/', 'fr'), needs: [0] },
    { ...page('fr/sops/x/', 'fr'), needs: [0] },
    { ...page('fr/offline/', 'fr'), needs: [0] },
    { ...page('ar/', 'ar', 'rtl'), needs: [0] },
    { ...page('ar/sops/', 'ar', 'rtl'), needs: [0] },
    { ...page('ar/offline/', 'ar', 'rtl'), needs: [0] },
    // A page of the source language whose address happens to end in offline/.
    { ...page('sops/offline/', 'en'), needs: [0] },
    { ...page('assessments/q/pre/', 'en'), needs: [0] },
  ],
};

describe('the offline page of each locale', () => {
  it('is offline/ in the source language and <lang>/offline/ in a translated one', () => {
    expect(offlinePageIn()).toBe(OFFLINE_PAGE);
    expect(offlinePageIn('ar')).toBe('ar/offline/');
  });

  it('is told apart from the pages saved: every locale’s, not a page that only ends in offline/', () => {
    expect(pack.files.filter((f) => f.kind === 'page' && isOfflinePage(f)).map((f) => f.path)).toEqual(['offline/', 'fr/offline/', 'ar/offline/']);
  });

  it("stands in for a page never saved in that page's locale, else the source's", () => {
    expect(offlineFallbacks('ar/sops/birth-registration/')).toEqual(['ar/offline/', 'offline/']);
    expect(offlineFallbacks('fr/')).toEqual(['fr/offline/', 'offline/']);
    expect(offlineFallbacks('ar')).toEqual(['offline/']);
    expect(offlineFallbacks('')).toEqual(['offline/']);
    expect(offlineFallbacks('offline/')).toEqual(['offline/']);
    // A source page's first folder is tried too; it has no offline page precached, so the worker
    // goes on to the source's (the shell has only the locales').
    expect(offlineFallbacks('sops/x/')).toEqual(['sops/offline/', 'offline/']);
    expect(shellPages(pack)).not.toContain('sops/offline/');
  });
});

describe('the shell precached in each locale', () => {
  it('finds the translated locales by their home page', () => {
    expect(packLocales(pack.files)).toEqual(['fr', 'ar']);
  });

  it('is the home, the SOP index and the offline page of every locale, and nothing more', () => {
    expect(shellPages(pack)).toEqual(['', 'sops/', 'offline/', 'fr/', 'fr/sops/', 'fr/offline/', 'ar/', 'ar/sops/', 'ar/offline/']);
    const urls = precacheEntries(pack, '{}').map((e) => e.url);
    expect(urls).toEqual(['_astro/site.A1.css', './', 'sops/', 'offline/', 'fr/', 'fr/sops/', 'fr/offline/', 'ar/', 'ar/sops/', 'ar/offline/', 'offline/pack.json']);
  });
});

describe('writeOfflineFiles with translated locales', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sopkit-offline-locales-'));
    cpSync('tests/fixtures/offline-site', dir, { recursive: true });
    for (const [path, lang, dir_] of [['ar/', 'ar', 'rtl'], ['ar/sops/', 'ar', 'rtl'], ['ar/offline/', 'ar', 'rtl'], ['ar/sops/a/', 'ar', 'rtl']] as const) {
      mkdirSync(join(dir, path), { recursive: true });
      writeFileSync(join(dir, path, 'index.html'), `<!doctype html><html lang="${lang}" dir="${dir_}"><head><title>${path}</title><link rel="stylesheet" href="/_astro/site.AbC123.css"></head><body></body></html>`);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("precaches the locale's shell, not its other pages, into the worker", async () => {
    const built = await writeOfflineFiles(dir);
    const urls = built.precache.map((e) => e.url);
    expect(urls).toEqual(expect.arrayContaining(['ar/', 'ar/sops/', 'ar/offline/', 'offline/']));
    expect(urls).not.toContain('ar/sops/a/');
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).toContain('"ar/offline/"');
  });
});
