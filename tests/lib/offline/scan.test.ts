import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesToKeep, formatBytes, packTotals, savedPageNames, testsFolderIn, type Pack } from '../../../src/lib/offline/pack.ts';
import { addressOf, scanBuild } from '../../../src/lib/offline/scan.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { buildSearchBundle } from '../../../src/lib/search/index.ts';
import { shardFiles, type LunrJson } from '../../../src/lib/search/shards.ts';
import { translatedLocales } from '../../../src/lib/translation/locales.ts';

const site = 'tests/fixtures/offline-site';
const paths = (files: { path: string }[]) => files.map((f) => f.path);
const file = (pack: Pack, path: string) => {
  const found = pack.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} is not in the pack`);
  return found;
};

describe('scanBuild', () => {
  const pack = scanBuild(site);

  it('lists every file under the address a link uses, with its kind and size', () => {
    expect(addressOf('index.html')).toBe('');
    expect(addressOf('sops/a/index.html')).toBe('sops/a/');
    expect(addressOf('handbooks/a.pdf')).toBe('handbooks/a.pdf');
    expect(paths(pack.files)).toContain('');
    expect(file(pack, 'sops/a/').kind).toBe('page');
    expect(file(pack, 'handbooks/a.pdf').kind).toBe('pdf');
    expect(file(pack, '_astro/site.AbC123.css').kind).toBe('asset');
    expect(file(pack, 'search-index.json').kind).toBe('asset');
    expect(file(pack, 'third-party-licenses.txt').kind).toBe('file');
    expect(file(pack, 'handbooks/a.pdf').bytes).toBe(Buffer.byteLength('%PDF-1.7\n% fixture, not a real handbook\n'));
    expect(packTotals(pack.files)).toMatchObject({ count: 18, pages: 8, pdfs: 1, other: 9 });
  });

  it('decodes page titles for the list of saved pages', () => {
    expect(file(pack, 'sops/a/').title).toBe('Births & deaths: “late” cases · Model pack');
  });

  it("keeps a page's language and direction, and names saved pages without the site's name in their own language", () => {
    // The offline page's list showed 'حزمة SOPKit النموذجية · الإجراءات' left to right, with the
    // Arabic site name left on: only the English site name was taken off, and no lang or dir said
    // how to read the title.
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-scan-'));
    try {
      const page = (path: string, lang: string, dirAttr: string, title: string) => {
        mkdirSync(join(dir, path), { recursive: true });
        writeFileSync(join(dir, path, 'index.html'), `<!DOCTYPE html><html lang="${lang}" dir="${dirAttr}" data-base="/"><head><title>${title}</title></head></html>`);
      };
      page('', 'en', 'ltr', 'SOPKit model pack');
      page('sops', 'en', 'ltr', 'Procedures · SOPKit model pack');
      page('fr', 'fr', 'ltr', 'Ensemble modèle SOPKit');
      page('fr/sops', 'fr', 'ltr', 'Procédures · Ensemble modèle SOPKit');
      page('ar', 'ar', 'rtl', 'حزمة SOPKit النموذجية');
      page('ar/sops', 'ar', 'rtl', 'الإجراءات · حزمة SOPKit النموذجية');
      const scanned = scanBuild(dir);
      expect(file(scanned, 'ar/sops/')).toMatchObject({ lang: 'ar', dir: 'rtl' });
      expect(file(scanned, 'sops/')).toMatchObject({ lang: 'en', dir: 'ltr' });
      const named = savedPageNames(scanned.files);
      const name = (path: string) => named(file(scanned, path));
      expect(name('sops/')).toEqual({ text: 'Procedures', lang: 'en', dir: 'ltr' });
      expect(name('fr/sops/')).toEqual({ text: 'Procédures', lang: 'fr', dir: 'ltr' });
      expect(name('ar/sops/')).toEqual({ text: 'الإجراءات', lang: 'ar', dir: 'rtl' });
      // A home page keeps its whole title.
      expect(name('ar/')).toEqual({ text: 'حزمة SOPKit النموذجية', lang: 'ar', dir: 'rtl' });
      expect(name('').text).toBe('SOPKit model pack');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("marks the part of a title in another language with that language and direction: an untranslated page's English name", () => {
    // /ar/offline/ listed 'Certified copies and extracts of civil-status records: pre- and post-test: الاختبار القبلي'
    // with the page's lang="ar" dir="rtl": at 360 px it broke as "civil-" / ":status records…",
    // and screen readers read the English with an Arabic voice (the French list, with a French one).
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-scan-'));
    try {
      const page = (path: string, lang: string, dirAttr: string, title: string, part?: string) => {
        mkdirSync(join(dir, path), { recursive: true });
        const meta = part ? `<meta name="sopkit:title-part" content="${part}" lang="en" dir="ltr">` : '';
        writeFileSync(join(dir, path, 'index.html'), `<!DOCTYPE html><html lang="${lang}" dir="${dirAttr}" data-base="/"><head><title>${title}</title>${meta}</head></html>`);
      };
      const name = 'Certified copies &amp; extracts: pre- and post-test';
      page('ar', 'ar', 'rtl', 'حزمة SOPKit النموذجية');
      page('ar/sops/certified-copies', 'ar', 'rtl', 'Certified copies &amp; extracts · حزمة SOPKit النموذجية', 'Certified copies &amp; extracts');
      page('ar/assessments/certified-copies/pre', 'ar', 'rtl', `${name}: الاختبار القبلي · حزمة SOPKit النموذجية`, name);
      page('ar/modules/m2/slides', 'ar', 'rtl', 'شرائح M2: Birth registration · حزمة SOPKit النموذجية', 'Birth registration');
      page('fr', 'fr', 'ltr', 'Ensemble modèle SOPKit');
      page('fr/sops/certified-copies', 'fr', 'ltr', 'Certified copies &amp; extracts · Ensemble modèle SOPKit', 'Certified copies &amp; extracts');
      page('fr/sops/birth', 'fr', 'ltr', 'Enregistrement des naissances · Ensemble modèle SOPKit');
      const scanned = scanBuild(dir);
      expect(file(scanned, 'ar/sops/certified-copies/').titlePart).toEqual({ text: 'Certified copies & extracts', lang: 'en', dir: 'ltr' });
      const named = savedPageNames(scanned.files);
      const nameOf = (path: string) => named(file(scanned, path));
      // A title that is the English name only is English, left to right.
      expect(nameOf('ar/sops/certified-copies/')).toEqual({ text: 'Certified copies & extracts', lang: 'en', dir: 'ltr' });
      expect(nameOf('fr/sops/certified-copies/')).toEqual({ text: 'Certified copies & extracts', lang: 'en', dir: 'ltr' });
      // A mixed title stays the page's (its colon and its test name are Arabic), the English a run of its own.
      expect(nameOf('ar/assessments/certified-copies/pre/')).toEqual({
        text: 'Certified copies & extracts: pre- and post-test: الاختبار القبلي',
        lang: 'ar',
        dir: 'rtl',
        parts: [{ text: 'Certified copies & extracts: pre- and post-test', lang: 'en', dir: 'ltr' }, { text: ': الاختبار القبلي' }],
      });
      expect(nameOf('ar/modules/m2/slides/').parts).toEqual([{ text: 'شرائح M2: ' }, { text: 'Birth registration', lang: 'en', dir: 'ltr' }]);
      // A translated page's title is all its own.
      expect(nameOf('fr/sops/birth/')).toEqual({ text: 'Enregistrement des naissances', lang: 'fr', dir: 'ltr' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds what a page loads, through scripts, dynamic imports and data fetched by name', () => {
    expect(paths(filesToKeep(pack, ['sops/a/']))).toEqual(['_astro/machine.Mno345.js', '_astro/sim.Ghi789.js', '_astro/site.AbC123.css', 'sops/a/']);
    expect(paths(filesToKeep(pack, ['search/']))).toEqual(['_astro/search.Pqr678.js', 'search-index.json', 'search/']);
    // Links are not needs: the home page does not bring the PDF or the licences with it.
    expect(paths(filesToKeep(pack, ['']))).toEqual(['_astro/site.AbC123.css', 'favicon.svg', '']);
  });

  it('finds a name only as a whole word: not inside a longer name, and also a name with no extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-scan-'));
    try {
      mkdirSync(join(dir, '_astro'));
      mkdirSync(join(dir, 'a'));
      for (const name of ['app.Ab1.js', 'x-app.Ab1.js', 'chunk.Zz9.js', 'data.Q1.css', 'worker']) writeFileSync(join(dir, '_astro', name), '');
      // x-app.Ab1.js holds app.Ab1.js, which must not count; a name next to a full stop or a
      // quote counts; a name with no dot is searched for as it is.
      writeFileSync(join(dir, 'a/index.html'), '<title>A</title><script src="/_astro/x-app.Ab1.js"></script> Load chunk.Zz9.js. and "/_astro/worker" <p>Version 2.0 of the text.</p>');
      const scanned = scanBuild(dir);
      expect(paths(filesToKeep(scanned, ['a/']))).toEqual(['_astro/worker', '_astro/x-app.Ab1.js', 'a/']);
      writeFileSync(join(dir, 'a/index.html'), '<title>A</title>import("./chunk.Zz9.js");<link href="/_astro/data.Q1.css">app.Ab1.js');
      expect(paths(filesToKeep(scanBuild(dir), ['a/']))).toEqual(['_astro/app.Ab1.js', '_astro/chunk.Zz9.js', '_astro/data.Q1.css', 'a/']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps an opened test page and what it loads, never the other tests; a folder asked for whole', () => {
    // Opening one test kept every test of the pack (`together: ['assessments/']`): 1.5 MB on a
    // trainee's prepaid data where the page and its languages are 0.15 MB.
    expect(paths(filesToKeep(pack, ['assessments/q/pre/']))).toEqual(['_astro/page.Def456.js', '_astro/shared.Jkl012.js', 'assessments/q/pre/']);
    expect(pack).not.toHaveProperty('together');
    // Kiosk set-up, the assessments page and "Save all tests" ask for the folder.
    const tests = ['assessments/', 'assessments/q/post/', 'assessments/q/pre/'];
    expect(paths(filesToKeep(pack, [], [testsFolderIn()]))).toEqual(['_astro/page.Def456.js', '_astro/shared.Jkl012.js', ...tests]);
    expect(testsFolderIn('fr')).toBe('fr/assessments/');
    expect(filesToKeep(pack, [], [testsFolderIn('fr')])).toEqual([]);
    expect(filesToKeep(pack, ['no/such/page/'])).toEqual([]);
  });

  it('changes a revision and the pack version exactly when a file changes', () => {
    const again = scanBuild(site);
    expect(again).toEqual(pack);
    expect(new Set(pack.files.map((f) => f.revision)).size).toBe(pack.files.length);
  });
});

describe('the search index of every language in the pack', () => {
  it("lists every file of each language's sharded index, and the search page keeps the manifests only", () => {
    // Every language's index is served as files (`search-index/`, `fr/search-index/`,
    // `ar/search-index/`): each is in the pack, so saving the whole pack makes search work with no
    // connection in every language. A page keeps what it loads by name: the island names
    // `manifest.json`, so the search page keeps each language's manifest; the shards and snippets
    // come with the whole pack or as queries fetch them. The island once also named
    // `search-index.json`, the translated locales' one-file indexes, and the search page kept
    // both whole (820 kB for the sample pack's French and Arabic).
    const fixture = join(import.meta.dirname, '../../fixtures/translation/pack');
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-scan-search-'));
    try {
      const root = join(dir, 'project');
      cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
      cpSync(join(fixture, 'versions/late-registration-1.0.0.mdx'), join(root, 'content/sops/late-registration.mdx'));
      const project = loadProject(root);
      const locales = translatedLocales(project.site).map((l) => l.code);
      expect(locales).toEqual(['fr', 'ar']);
      const site = join(dir, 'dist');
      const written: string[] = [];
      for (const lang of [undefined, ...locales]) {
        const bundle = buildSearchBundle(project, 'participant', lang);
        const folder = lang ? `${lang}/search-index` : 'search-index';
        mkdirSync(join(site, folder), { recursive: true });
        for (const [name, text] of shardFiles(JSON.parse(JSON.stringify(bundle.index)) as LunrJson, bundle.docs)) {
          writeFileSync(join(site, folder, name), text);
          written.push(`${folder}/${name}`);
        }
      }
      // Shards and snippets in each translated locale, not its manifest alone.
      for (const lang of locales) expect(written.filter((p) => p.startsWith(`${lang}/search-index/`)).length, lang).toBeGreaterThan(2);
      // The island as the search pages load it (its name hashed as the bundler does).
      mkdirSync(join(site, '_astro'));
      writeFileSync(join(site, '_astro/search.Zx81.js'), readFileSync(join(import.meta.dirname, '../../../src/scripts/search/search.ts'), 'utf8'));
      for (const lang of ['', ...locales.map((l) => `${l}/`)]) {
        mkdirSync(join(site, `${lang}search`), { recursive: true });
        const shards = lang ? [`/${lang}search-index/`, '/search-index/'] : ['/search-index/'];
        writeFileSync(join(site, `${lang}search/index.html`), `<title>Search</title><form data-indexes='${JSON.stringify(shards.map((s) => ({ shards: s })))}'></form><script type="module" src="/_astro/search.Zx81.js"></script>`);
      }
      const scanned = scanBuild(site);
      for (const path of written) expect(file(scanned, path).kind, path).toBe('asset');
      const manifests = ['ar/search-index/manifest.json', 'fr/search-index/manifest.json', 'search-index/manifest.json'];
      for (const lang of ['', 'fr/', 'ar/']) expect(paths(filesToKeep(scanned, [`${lang}search/`])).sort(), lang).toEqual(['_astro/search.Zx81.js', ...manifests, `${lang}search/`].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scanBuild with the revisions of the last scan', () => {
  it('gives the same pack, takes a known file’s revision without reading it, and reads a file changed since', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sopkit-scan-revisions-'));
    try {
      mkdirSync(join(dir, 'handbooks'));
      writeFileSync(join(dir, 'index.html'), '<title>Home</title><a href="handbooks/a.pdf">A</a>');
      writeFileSync(join(dir, 'handbooks/a.pdf'), '%PDF-1.7\n% first\n');
      const plain = scanBuild(dir);
      // Written just now: within a clock tick of a rewrite that would keep its key, so not kept yet.
      const racy = { known: new Map<string, string>(), seen: new Map<string, string>() };
      expect(scanBuild(dir, racy)).toEqual(plain);
      expect(racy.seen.size).toBe(0);
      // Written a minute ago (as the PDF cache's files are): kept. Only files not read as text are.
      const minuteAgo = new Date(Date.now() - 60_000);
      utimesSync(join(dir, 'handbooks/a.pdf'), minuteAgo, minuteAgo);
      utimesSync(join(dir, 'index.html'), minuteAgo, minuteAgo);
      const first = { known: new Map<string, string>(), seen: new Map<string, string>() };
      expect(scanBuild(dir, first)).toEqual(plain);
      expect(first.seen.size).toBe(1);
      const [key, revision] = [...first.seen][0]!;
      expect(revision).toBe(file(plain, 'handbooks/a.pdf').revision);
      // A known inode, size and time: the revision kept is used as it is, the file not read.
      const second = { known: new Map([[key, 'kept-revision']]), seen: new Map<string, string>() };
      expect(file(scanBuild(dir, second), 'handbooks/a.pdf').revision).toBe('kept-revision');
      expect(second.seen).toEqual(new Map([[key, 'kept-revision']]));
      // Changed in place, at the same size: a new time, so it is read again (and, being new, not kept).
      writeFileSync(join(dir, 'handbooks/a.pdf'), '%PDF-1.7\n% later\n');
      const changed = scanBuild(dir, { known: second.seen, seen: new Map() });
      expect(file(changed, 'handbooks/a.pdf').revision).not.toBe('kept-revision');
      expect(file(changed, 'handbooks/a.pdf')).toEqual(file(scanBuild(dir), 'handbooks/a.pdf'));
      expect(file(changed, 'handbooks/a.pdf').revision).not.toBe(revision);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('formatBytes', () => {
  it('says MB with one decimal, and kB for small sizes, the number kept with its unit', () => {
    expect(formatBytes(8_412_345)).toBe('8.4\u00a0MB');
    expect(formatBytes(62_495)).toBe('62\u00a0kB');
    expect(formatBytes(12)).toBe('1\u00a0kB');
  });

  it('says the units as the language does: Mo and ko in French, words in Arabic (a Latin MB in an Arabic sentence took the colon and the next number into its left-to-right run)', () => {
    expect(formatBytes(8_412_345, 'fr')).toBe('8,4\u00a0Mo');
    expect(formatBytes(62_495, 'fr-CA')).toBe('62\u00a0ko');
    const arabic = formatBytes(30_600_000, 'ar');
    expect(arabic).toMatch(/^\S+\u00a0ميغابايت$/);
    expect(formatBytes(62_495, 'ar')).toMatch(/\u00a0كيلوبايت$/);
    // No strong left-to-right character in the Arabic size: the sentence around it keeps its order.
    expect(arabic).not.toMatch(/[A-Za-z]/);
  });
});
