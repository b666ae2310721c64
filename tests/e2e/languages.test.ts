import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { axeViolations } from './harness.ts';
import { paramLinks } from './param-links.ts';
import { useBuiltSite } from './use-site.ts';
import { WAIT } from './simulator-helpers.ts';

const site = useBuiltSite();

/** Every HTML file of the build, as site paths. */
function pages(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) return pages(abs, `${prefix}/${name}`);
    return name.endsWith('.html') ? [`${prefix}/${name}`] : [];
  });
}

describe('pages in every language', () => {
  it('sets lang and dir on every page: fr and ltr under /fr/, ar and rtl under /ar/', () => {
    const dist = inject('distDir');
    const all = pages(dist);
    expect(all.filter((p) => p.startsWith('/fr/')).length).toBeGreaterThan(10);
    for (const path of all) {
      const head = /<html[^>]*>/.exec(readFileSync(join(dist, path), 'utf8'))?.[0] ?? '';
      const lang = /\slang="([^"]+)"/.exec(head)?.[1];
      const dir = /\sdir="([^"]+)"/.exec(head)?.[1];
      const expected = path.startsWith('/fr/') ? ['fr', 'ltr'] : path.startsWith('/ar/') ? ['ar', 'rtl'] : [lang, dir];
      expect([lang, dir], path).toEqual(expected);
      expect(lang, path).toBeTruthy();
      expect(['ltr', 'rtl'], path).toContain(dir);
    }
  });

  it('marks a glossary term not translated yet with its language on a French or Arabic page, and only such a term', async () => {
    const { getProject } = await import('../../src/lib/content/cache.ts');
    const { isTranslated } = await import('../../src/lib/translation/localize.ts');
    const source = getProject();
    const dist = inject('distDir');
    for (const [lang, path] of [['fr', 'modules/legal-identity-foundations/index.html'], ['fr', 'sops/birth-registration/index.html'], ['ar', 'sops/birth-registration/index.html']] as const) {
      const html = readFileSync(join(dist, lang, path), 'utf8');
      const terms = [...html.matchAll(/<a href="[^"]*\/glossary\/#([\w-]+)"[^>]*>[\s\S]*?<\/a><span class="term-def"([^>]*)>/g)].map((m) => ({ id: m[1]!, lang: /\slang="([^"]+)"/.exec(m[2]!)?.[1] }));
      const untranslated = terms.filter((x) => !isTranslated(source, lang, 'glossary', x.id));
      // The model pack's French and Arabic glossaries have every term, so these pages have none to
      // mark now: this checks that no translated term is marked; a term a translation lacks is
      // marked in tests/lib/translation/glossary-source-lang.test.ts (a copy without one).
      expect(terms.length - untranslated.length, `${lang}/${path}`).toBeGreaterThan(0);
      for (const x of terms) expect(x.lang, `${lang}: ${x.id}`).toBe(isTranslated(source, lang, 'glossary', x.id) ? undefined : 'en');
    }
  });

  it('switches language to the same SOP, and back, with hreflang links to each', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/sops/death-registration/`);
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`));
    expect(alternates).toEqual(['en /sops/death-registration/', 'fr /fr/sops/death-registration/', 'ar /ar/sops/death-registration/', 'x-default /sops/death-registration/']);
    await page.locator('.lang-switch a', { hasText: 'Français' }).click();
    await page.waitForURL(/\/fr\/sops\/death-registration\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('.lang-switch a[aria-current="true"]').textContent()).toBe('Français');
    await page.locator('.lang-switch a', { hasText: 'English' }).click();
    await page.waitForURL(/\/sops\/death-registration\/$/);
    expect(new URL(page.url()).pathname).toBe('/sops/death-registration/');
    await page.close();
  });

  it('shows an untranslated SOP in the source language under the French UI, with a notice', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/sops/civil-status-correction/`);
    await expect(page.locator('.translation-notice').textContent()).resolves.toContain('Cette page n’est pas encore traduite');
    expect(await page.locator('.sop-body').getAttribute('lang')).toBe('en');
    // The contents list holds the body's English titles under its French heading.
    expect(await page.locator('.sop-toc > details > ol').getAttribute('lang')).toBe('en');
    expect(await page.locator('.sop-toc summary').getAttribute('lang')).toBeNull();
    expect(await page.locator('.site-header nav a', { hasText: 'Glossaire' }).getAttribute('href')).toBe('/fr/glossary/');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('passes axe on the Arabic pages (right to left) and does not scroll sideways at 360 px', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/ar/', '/ar/sops/birth-registration/', '/ar/glossary/', '/ar/translations/']) {
      await page.goto(`${site.url}${path}`);
      expect(await page.locator('html').getAttribute('dir'), path).toBe('rtl');
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, path).toBeLessThanOrEqual(widths.client);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  it('lists every SOP on the translation status page, with its state in French and Arabic', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/translations/`);
    const rows = page.locator('table.translation-status tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(9);
    const states = await page.locator('table.translation-status td[data-state]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-state')));
    expect(states.every((s) => ['missing', 'current', 'outdated', 'unknown-version', 'unknown'].includes(s ?? ''))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // In French and Arabic each document keeps its source's English title, marked English (WCAG
    // 3.1.2): unmarked, a screen reader read it with French or Arabic sounds.
    for (const lang of ['fr', 'ar']) {
      await page.goto(`${site.url}/${lang}/translations/`);
      const titles = await page.locator('table.translation-status tbody th[scope="row"]').evaluateAll((ths) => ths.map((th) => ({ text: th.textContent!.trim(), lang: th.querySelector('span[lang], a[lang]')?.getAttribute('lang') ?? th.closest('[lang]')!.getAttribute('lang') })));
      expect(titles.find((x) => x.text.includes('Birth registration, including late and delayed registration'))?.lang, lang).toBe('en');
      expect(titles.filter((x) => x.lang !== 'en'), lang).toEqual([]);
    }
    await page.close();
  });

  it('searches from /fr/search/?q= in French words, with the count worded in French', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/search/?q=${encodeURIComponent('birth registration')}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(/^(?:\d+ résultats? pour|Les 30 premiers résultats pour) «\u00a0birth registration\u00a0»(?:$|\. )/);
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("finds a French word the pages write only after an elision: hôpital (l'hôpital, d'hôpital), typed either way", async () => {
    const page = await site.browser.newPage();
    for (const query of ['hôpital', 'l’hôpital']) {
      await page.goto(`${site.url}/fr/search/?q=${encodeURIComponent(query)}`);
      await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(new RegExp(`pour «\u00a0${query}\u00a0»(?:$|\\. )`));
      // Indexed as "l'hôpital", one word, the French pages gave no hit for "hôpital".
      expect(await page.locator('[data-search-results] li a[href^="/fr/sops/birth-registration/#"]').count(), query).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('searches from /ar/search/ in Arabic words: the Arabic stemmer runs in the browser bundle', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${site.url}/ar/search/?q=${encodeURIComponent('شهادة الميلاد')}`);
    // Every Arabic query used to end in the "could not load" message (lunr.ar.js needs a `this`).
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(/«شهادة الميلاد»(\.|$)/);
    const titles = await page.locator('[data-search-results] li a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-results] li a[href^="/ar/sops/birth-registration/"]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("labels and links the hits of untranslated pages in the reader's language: Glossaire, Procédures, /fr/ pages", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/search/?q=burial`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(/^\d+ résultats? pour «\u00a0burial\u00a0»$/);
    // An English word: its hits come from the English index (the glossary term, translated but not
    // in these words, and an SOP not translated), were labelled "Glossary" / "Procedures" and
    // linked to the English site.
    const hit = (href: string) => page.locator('[data-search-results] li', { has: page.locator(`a[href="${href}"]`) });
    const term = hit('/fr/glossary/#burial-permit');
    await expect(term.locator('a').textContent()).resolves.toBe('Burial permit');
    // The hit's language is on its own text (title, excerpt), not its list item, which keeps the list's side.
    expect(await term.locator('a').getAttribute('lang')).toBe('en');
    expect(await term.locator('p:not(.hit-context)').getAttribute('lang')).toBe('en');
    await expect(term.locator('.hit-context').textContent()).resolves.toBe('Glossaire · En anglais');
    expect(await term.locator('.hit-context').getAttribute('lang')).toBe('fr');
    let hrefs = await page.locator('[data-search-results] li a').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !h.startsWith('/fr/'))).toEqual([]);
    let contexts = await page.locator('[data-search-results] .hit-context').allTextContents();
    expect(contexts.filter((c) => /^(Glossary|Procedures)\b/.test(c))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // An English word of the correction SOP, which the pack keeps in English: its hit is labelled
    // in French and opens the /fr/ page.
    await page.goto(`${site.url}/fr/search/?q=clerical`);
    await expect.poll(() => page.locator('[data-search-results] li a[href^="/fr/sops/civil-status-correction/"]').count(), { timeout: WAIT }).toBeGreaterThan(0);
    hrefs = await page.locator('[data-search-results] li a').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
    const correction = hrefs.find((h) => h.startsWith('/fr/sops/civil-status-correction/'))!;
    // The page's hit says "Procédures", a section's its SOP's (English) title: either in English, said in French.
    await expect(hit(correction).locator('.hit-context').textContent()).resolves.toMatch(/^(Procédures|Correction and amendment of civil-status records) · En anglais$/);
    expect(hrefs.filter((h) => !h.startsWith('/fr/'))).toEqual([]);
    contexts = await page.locator('[data-search-results] .hit-context').allTextContents();
    expect(contexts.filter((c) => /^(Glossary|Procedures)\b/.test(c))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${site.url}/fr/search/?q=burial`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(/^\d+ résultats? pour «\u00a0burial\u00a0»$/);
    // Following the hit keeps the French interface.
    await term.locator('a').click();
    await page.waitForURL(/\/fr\/glossary\/#burial-permit$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // In Arabic too, right to left.
    await page.goto(`${site.url}/ar/search/?q=burial`);
    await expect.poll(() => page.locator('[data-search-results] li a[href="/ar/glossary/#burial-permit"]').count(), { timeout: WAIT }).toBe(1);
    await expect(page.locator('[data-search-results] li', { has: page.locator('a[href="/ar/glossary/#burial-permit"]') }).locator('.hit-context').textContent()).resolves.toBe('مسرد المصطلحات · باللغة الإنجليزية');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a translated SOP's component words (roles table, callouts, form links) and a module's parameters are in the page's language", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/sops/birth-registration/`);
    await expect(page.locator('table th[scope="col"]', { hasText: /^Rôle$/ }).count()).resolves.toBe(1);
    await expect(page.locator('.callout-title', { hasText: 'Protection des données' }).count()).resolves.toBe(1);
    const forms = await page.locator('a.form-ref').allTextContents();
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.every((f) => f.startsWith('Formulaire '))).toBe(true);
    await page.goto(`${site.url}/fr/modules/legal-identity-foundations/`);
    const params = await page.locator('a.param').allTextContents();
    expect(params).toContain('90 jours');
    expect(params.some((p) => /\bdays?\b/.test(p))).toBe(false);
    await page.close();
  });

  it("names the site and its organisation in the page's language: title, header and footer", () => {
    const dist = inject('distDir');
    const read = (path: string) => readFileSync(join(dist, path), 'utf8');
    const fr = read('fr/sops/birth-registration/index.html');
    expect(/<title>([^<]*)<\/title>/.exec(fr)?.[1]).toMatch(/ · Ensemble modèle SOPKit$/);
    expect(fr).toMatch(/\[Autorité nationale de l(&#39;|')état civil et de l(&#39;|')identification\] · /);
    expect(fr).not.toContain('[National Civil Registration and Identity Authority]');
    const ar = read('ar/index.html');
    expect(/<title>([^<]*)<\/title>/.exec(ar)?.[1]).toBe('حزمة SOPKit النموذجية');
    expect(ar).toContain('[الهيئة الوطنية للتسجيل المدني والهوية]');
    expect(read('sops/birth-registration/index.html')).toContain('[National Civil Registration and Identity Authority] · ');
  });

  it('marks the menu entries that lead to English-only pages on French and Arabic pages, and no other', () => {
    const dist = inject('distDir');
    const menu = (path: string) => {
      const html = readFileSync(join(dist, path), 'utf8');
      const nav = /<nav class="main-nav" aria-label="[^"]*">\s*<ul>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
      return [...nav.matchAll(/<a href="([^"]+)"([^>]*)>([\s\S]*?)<\/a>/g)].map((m) => [m[1], / hreflang="([^"]+)"/.exec(m[2]!)?.[1] ?? '', m[3]!.replace(/<[^>]+>/g, '')]);
    };
    const fr = menu('fr/index.html');
    expect(fr).toContainEqual(['/lifecycle/', 'en', 'Cycle de vie (anglais)']);
    expect(fr).toContainEqual(['/guide/', 'en', 'Guide de rédaction (anglais)']);
    expect(fr).toContainEqual(['/fr/sops/', '', 'Procédures']);
    expect(menu('ar/index.html')).toContainEqual(['/lifecycle/', 'en', 'دورة الحياة (الإنجليزية)']);
    // On English pages nothing is marked.
    expect(menu('index.html').every(([, hreflang, text]) => hreflang === '' && !text!.includes('('))).toBe(true);
    // The offline page exists in every locale: the footer links the reader's, unmarked.
    expect(readFileSync(join(dist, 'fr/index.html'), 'utf8')).toMatch(/<a href="\/fr\/offline\/">Tout enregistrer pour un usage hors ligne<\/a>/);
  });

  it('marks a cross-reference to an SOP not translated into the page\'s language: read in English, and says so', () => {
    const dist = inject('distDir');
    const fr = readFileSync(join(dist, 'fr/sops/birth-registration/index.html'), 'utf8');
    expect(fr).toContain('<a class="ref" href="/fr/sops/civil-status-correction/#procedure" hreflang="en"><span lang="en" dir="ltr">SOP-CR-03 §6 Procedure</span><span class="ref-lang"> (anglais)</span></a>');
    // A reference within the translated SOP is in its language, unmarked.
    expect(fr).toMatch(/<a class="ref" href="\/fr\/sops\/birth-registration\/#[^"]+">§6\.1 [^<]+<\/a>/);
    const ar = readFileSync(join(dist, 'ar/sops/birth-registration/index.html'), 'utf8');
    expect(ar).toContain('<span lang="en" dir="ltr">SOP-CR-03 §6 Procedure</span><span class="ref-lang"> (الإنجليزية)</span>');
    expect(readFileSync(join(dist, 'sops/birth-registration/index.html'), 'utf8')).not.toContain('class="ref-lang"');
  });

  it("says an SOP's printable handbook is in English on a page in another language when the SOP is not translated yet", () => {
    const dist = inject('distDir');
    const link = (path: string) => /<a href="\/handbooks\/[^"]+\.pdf" download[^>]*>[^<]*(?:<span class="nav-lang">[^<]*<\/span>)?<\/a>/.exec(readFileSync(join(dist, path), 'utf8'))?.[0];
    expect(link('fr/sops/civil-status-correction/index.html')).toBe('<a href="/handbooks/civil-status-correction.pdf" download hreflang="en">Manuel imprimable (PDF)<span class="nav-lang"> (anglais)</span></a>');
    expect(link('ar/sops/civil-status-correction/index.html')).toContain('<span class="nav-lang"> (الإنجليزية)</span>');
    // Translated: its own PDF, unmarked; the source page, unmarked.
    expect(link('fr/sops/birth-registration/index.html')).toMatch(/^<a href="\/handbooks\/birth-registration\.fr\.pdf" download>[^<]+<\/a>$/);
    expect(link('sops/civil-status-correction/index.html')).toBe('<a href="/handbooks/civil-status-correction.pdf" download>Printable handbook (PDF)</a>');
  });

  it("links, on an untranslated SOP's page in another language, the changes page of its text, marked as English", () => {
    const dist = inject('distDir');
    const changes = (path: string) => /<a href="\/sops\/civil-status-correction\/changes\/"[^>]*>[^<]*(?:<span class="nav-lang">[^<]*<\/span>)?<\/a>/.exec(readFileSync(join(dist, path), 'utf8'))?.[0];
    const source = changes('sops/civil-status-correction/index.html');
    // A clone without the SOP's history has no changes page, in any language.
    if (!source) return expect(changes('fr/sops/civil-status-correction/index.html')).toBeUndefined();
    expect(source).toMatch(/^<a href="\/sops\/civil-status-correction\/changes\/">Changes since version [\d.]+<\/a>$/);
    expect(changes('fr/sops/civil-status-correction/index.html')).toMatch(/^<a href="\/sops\/civil-status-correction\/changes\/" hreflang="en">Modifications depuis la version [\d.]+<span class="nav-lang"> \(anglais\)<\/span><\/a>$/);
  });

  it("marks, on the home page and the SOP index in another language, each SOP not translated yet, and only those", () => {
    const dist = inject('distDir');
    for (const [path, words] of [['ar/index.html', 'لم تُترجَم بعد'], ['fr/sops/index.html', 'Pas encore traduite']] as const) {
      const html = readFileSync(join(dist, path), 'utf8');
      const cards = html.split(/<li[ >]/).filter((card) => card.includes('href="/' + path.slice(0, 2) + '/sops/'));
      const marked = (id: string) => cards.find((card) => card.includes(`/sops/${id}/"`))?.includes(`data-not-translated>${words}</p>`);
      expect(marked('civil-status-correction'), path).toBe(true);
      expect(marked('birth-registration'), path).toBe(false);
    }
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).not.toContain('data-not-translated');
  });

  it('writes a label\'s colon as the language does: after a no-break space in French, never hard-coded', () => {
    const dist = inject('distDir');
    const text = (path: string) => readFileSync(join(dist, path), 'utf8').replace(/<[^>]+>/g, '');
    const glossary = text('fr/glossary/index.html');
    expect(glossary).toMatch(/Voir aussi\u00a0:/);
    expect(glossary).not.toMatch(/(Voir aussi|Utilisé dans|Source):/);
    expect(text('fr/modules/legal-identity-foundations/index.html')).not.toMatch(/(PON enseignées|Avant ce module):/);
    expect(text('fr/sops/birth-registration/index.html')).toMatch(/Formulaire BR-02\u00a0: /);
    expect(text('glossary/index.html')).toMatch(/See also: /);
  });

  it('an untranslated SOP on an Arabic page runs left to right, with its Arabic labels and dates right to left', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/ar/sops/civil-status-correction/`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const direction = (selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).direction);
    // The English body: its full stops and brackets stay at the end of its sentences.
    await expect(direction('.sop-body[lang="en"] p:not([lang])')).resolves.toBe('ltr');
    await expect(direction('.meta-grid dd[lang="en"]')).resolves.toBe('ltr');
    await expect(direction('.sop-toc ol[lang="en"] a')).resolves.toBe('ltr');
    // A date of the revision history is written in Arabic, inside the English block.
    await expect(direction('#history-title ~ * time[lang="ar"]')).resolves.toBe('rtl');
    await expect(page.locator('#history-title ~ * time[lang="ar"]').first().textContent()).resolves.not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.close();
  });
});


describe("a parameter's link and tooltip", () => {
  // `<Param>`'s title was the English label on French and Arabic pages when the label had no
  // translation; it is now the label in the page's language or, without one, the name of the
  // page the link opens, in that language. The link opens the country profile in the page's
  // language (it was the English one, marked hreflang="en", "Profil du pays (anglais)").
  const titles = (path: string) => paramLinks(readFileSync(join(inject('distDir'), path), 'utf8'));
  const labels = (file: string) => new Map((parse(readFileSync(join(process.cwd(), file), 'utf8')) as { id: string; label: string }[]).map((p) => [p.id, p.label]));

  it('on a translated French page: the French label, and the French country profile', () => {
    const own = labels('content/fr/parameters.yaml');
    const found = titles('/fr/modules/legal-identity-foundations/index.html');
    // Every parameter has its French label now (one without: untranslated-module.test.ts).
    expect(found.length).toBeGreaterThan(3);
    expect(found.filter((f) => !own.has(f.id)).map((f) => f.id)).toEqual([]);
    for (const f of found) {
      const label = own.get(f.id);
      expect(f.title, f.id).toBe(label);
      expect(f.hreflang, f.id).toBeUndefined();
      expect(f.page, f.id).toBe('/fr/country-profile/');
    }
  });

  it('on a translated Arabic page: the Arabic labels, and the Arabic country profile', () => {
    const own = labels('content/ar/parameters.yaml');
    const found = titles('/ar/sops/birth-registration/index.html');
    expect(found.length).toBeGreaterThan(5);
    for (const f of found) {
      const label = own.get(f.id);
      expect(f.title, f.id).toBe(label);
      expect(f.hreflang, f.id).toBeUndefined();
      expect(f.page, f.id).toBe('/ar/country-profile/');
    }
  });

  it("in English text (the source pages, and a page not translated yet shown under /fr/): the source label, the reader's country profile", () => {
    const source = labels('content/parameters.yaml');
    for (const [path, page] of [
      ['/sops/birth-registration/index.html', '/country-profile/'],
      ['/fr/sops/civil-status-correction/index.html', '/fr/country-profile/'],
    ] as const) {
      const found = titles(path);
      expect(found.length, path).toBeGreaterThan(5);
      for (const f of found) {
        expect(f.title, `${path} ${f.id}`).toBe(source.get(f.id));
        expect(f.hreflang, `${path} ${f.id}`).toBeUndefined();
        expect(f.page, `${path} ${f.id}`).toBe(page);
      }
    }
  });
});

describe("an untranslated page's title, for the offline page's list", () => {
  // /ar/offline/ listed an untranslated page's English title as Arabic (the page's lang): the
  // layout now writes the title's English part beside the <title>, which the offline pack keeps.
  const part = (path: string) => {
    const tag = /<meta name="sopkit:title-part"[^>]*>/.exec(readFileSync(join(inject('distDir'), path), 'utf8'))?.[0] ?? '';
    return { content: /content="([^"]*)"/.exec(tag)?.[1], lang: /lang="([^"]*)"/.exec(tag)?.[1], dir: /dir="([^"]*)"/.exec(tag)?.[1] };
  };

  it('names the English part of an Arabic or French page\'s title with its language and direction, and nothing on a translated page', () => {
    expect(part('ar/sops/certified-copies/index.html')).toEqual({ content: 'Certified copies and extracts of civil-status records', lang: 'en', dir: 'ltr' });
    expect(part('ar/assessments/certified-copies/pre/index.html')).toEqual({ content: 'Certified copies and extracts of civil-status records: pre- and post-test', lang: 'en', dir: 'ltr' });
    // A module's slides: untranslated-module.test.ts (every module is in Arabic).
    expect(part('fr/sops/certified-copies/index.html')).toMatchObject({ lang: 'en', dir: 'ltr' });
    expect(part('ar/sops/birth-registration/index.html').content).toBeUndefined();
    expect(part('sops/certified-copies/index.html').content).toBeUndefined();
  });
});

describe('the site header on a phone (360 by 740)', () => {
  it('takes at most 120 px in every language, its menu one line that scrolls and brings a link taken by the keyboard into view', async () => {
    for (const lang of ['', 'fr/', 'ar/']) {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${site.url}/${lang}sops/birth-registration/`);
      const header = await page.locator('.site-header').boundingBox();
      expect(header?.height, lang || 'en').toBeLessThanOrEqual(120);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), lang || 'en').toBeLessThanOrEqual(360);
      const links = page.locator('.site-header .main-nav a');
      const tops = await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
      expect(new Set(tops).size, `${lang || 'en'}: one line`).toBe(1);
      const last = links.last();
      expect(await last.evaluate((a) => { const r = a.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; }), `${lang || 'en'}: the last entry starts out of view`).toBe(false);
      await last.focus();
      await expect.poll(() => last.evaluate((a) => { const r = a.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth; }), { timeout: WAIT }).toBe(true);
      expect(await axeViolations(page), lang || 'en').toEqual([]);
      await page.close();
    }
  });

  it('shows the whole of each menu link Tab and Shift+Tab take, and its focus ring, not a sliver of one cut at the screen\'s edge', async () => {
    for (const lang of ['', 'fr/', 'ar/']) {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${site.url}/${lang}sops/birth-registration/`);
      const links = page.locator('.site-header .main-nav a');
      const n = await links.count();
      // The whole link with its focus ring inside the menu's scroll box, which clips what is outside it.
      const inView = () => page.evaluate(() => {
        const a = document.activeElement!;
        const box = a.closest('.main-nav')!.getBoundingClientRect();
        const r = a.getBoundingClientRect();
        const style = getComputedStyle(a);
        const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
        return r.left - ring >= box.left - 0.5 && r.right + ring <= box.right + 0.5 && r.top - ring >= box.top - 0.5 && r.bottom + ring <= box.bottom + 0.5;
      });
      await links.first().focus();
      for (let i = 1; i < n; i++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
        await expect.poll(inView, { timeout: WAIT, message: `${lang || 'en'} Tab: ${text}` }).toBe(true);
      }
      for (let i = 1; i < n; i++) {
        await page.keyboard.press('Shift+Tab');
        const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
        await expect.poll(inView, { timeout: WAIT, message: `${lang || 'en'} Shift+Tab: ${text}` }).toBe(true);
      }
      await page.close();
    }
  });
});
