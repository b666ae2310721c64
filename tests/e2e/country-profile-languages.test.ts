// The country profile in the reader's language. A value on a French or Arabic page (a time limit,
// a fee, a threshold) links to the profile, which says what the value is, why the model uses it and
// where it is used. The profile was English only: a French trainee who followed the link landed on
// the English site. It is now built in every language of the pack, its uses linked to that
// language's pages, and the words not translated yet marked with their language.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import YAML from 'yaml';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const labels = (lang: string) => new Map((YAML.parse(readFileSync(join(process.cwd(), `content/${lang}/parameters.yaml`), 'utf8')) as { id: string; label: string; why: string; source: string }[]).map((p) => [p.id, p]));

describe('the country profile in French and Arabic', () => {
  it('opens from a value on a French page, at that value, in French', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(`${site.url}/fr/sops/birth-registration/`);
    const link = page.locator('.sop-body a.param').first();
    const id = (await link.getAttribute('href'))!.split('#param-')[1]!;
    await link.click();
    await page.waitForURL(`**/fr/country-profile/#param-${id}`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    const heading = page.locator(`#param-${id}`);
    await expect(heading.textContent()).resolves.toBe(labels('fr').get(id)?.label);
    // The value's heading is in view, and its reason follows it in French.
    await expect(heading.evaluate((h) => { const r = h.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })).resolves.toBe(true);
    const why = page.locator('article.param-entry', { has: heading }).locator('dd').nth(2);
    await expect(why.textContent()).resolves.toBe(labels('fr').get(id)?.why);
    await expect(why.getAttribute('lang')).resolves.toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('in Arabic: right to left, every label, reason and legal placeholder in Arabic', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${site.url}/ar/country-profile/`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const own = labels('ar');
    const shown = await page.locator('article.param-entry').evaluateAll((all) =>
      all.map((a) => ({ id: a.querySelector('h3')!.id.replace(/^param-/, ''), label: a.querySelector('h3')!.textContent, lang: a.querySelector('h3')!.getAttribute('lang'), why: a.querySelectorAll('dd')[2]!.textContent, whyLang: a.querySelectorAll('dd')[2]!.getAttribute('lang'), source: a.querySelectorAll('dd')[3]!.textContent, sourceLang: a.querySelectorAll('dd')[3]!.getAttribute('lang') })),
    );
    expect(shown.length).toBe(own.size);
    for (const s of shown) expect(s, s.id).toEqual({ id: s.id, label: own.get(s.id)?.label, lang: null, why: own.get(s.id)?.why, whyLang: null, source: own.get(s.id)?.source, sourceLang: null });
    // Where national law sets the value: the model's placeholder in Arabic words (it was printed in
    // English), read right to left.
    const source = page.locator('article.param-entry').first().locator('dd').nth(3);
    await expect(source.evaluate((d) => ({ text: d.textContent, dir: getComputedStyle(d).direction }))).resolves.toEqual({ text: expect.stringMatching(/^\[[\u0600-\u06FF]/), dir: 'rtl' });
    // The page fits a phone: nothing wider than the screen.
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("links every use to a page of the reader's site that exists, and marks a section of an SOP not translated as English", () => {
    const dist = inject('distDir');
    const html = readFileSync(join(dist, 'fr/country-profile/index.html'), 'utf8');
    const uses = [...html.matchAll(/<ul class="param-uses">([\s\S]*?)<\/ul>/g)].flatMap((m) => [...m[1]!.matchAll(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((a) => ({ href: a[1]!, text: a[2]! })));
    expect(uses.length).toBeGreaterThan(100);
    const pages = new Set(uses.map((u) => u.href.split('#')[0]!));
    for (const p of pages) {
      expect(p, p).toMatch(/^\/fr\//);
      expect(existsSync(join(dist, p, 'index.html')), p).toBe(true);
    }
    // The correction SOP is not in French: the name of its section is English, marked so (its
    // workflow's steps, which have French words, are named in French).
    const correction = uses.filter((u) => u.href.startsWith('/fr/sops/civil-status-correction/#') && u.text.startsWith('SOP-CR-03 §'));
    expect(correction.length).toBeGreaterThan(0);
    for (const u of correction) expect(u.text, u.href).toMatch(/^SOP-CR-03 §[\d.]+ <span lang="en">[^<]+<\/span>$/);
    // The French SOP's sections are named in French, unmarked.
    const birth = uses.filter((u) => u.href.startsWith('/fr/sops/birth-registration/#'));
    expect(birth.map((u) => u.text)).toContain('SOP-CR-01 §6 Procédure');
  });

  it("offers the profile's PDF in the page's language, and the file is there", async () => {
    const dist = inject('distDir');
    const page = await site.browser.newPage();
    for (const [path, file] of [['/fr/country-profile/', 'country-profile.fr.pdf'], ['/ar/country-profile/', 'country-profile.ar.pdf'], ['/country-profile/', 'country-profile.pdf']] as const) {
      await page.goto(`${site.url}${path}`);
      const link = page.locator('.doc-links a[download]').first();
      await expect(link.getAttribute('href'), path).resolves.toBe(`/handbooks/${file}`);
      // Not marked as a document in another language any more.
      await expect(link.getAttribute('hreflang'), path).resolves.toBeNull();
      await expect(link.locator('.nav-lang').count(), path).resolves.toBe(0);
      expect(readFileSync(join(dist, 'handbooks', file)).subarray(0, 5).toString(), file).toBe('%PDF-');
    }
    await page.close();
  });

  it('switches language at the same page, and the English profile is as it was', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/country-profile/`);
    // The language switcher's links (each in its language).
    const other = await page.locator('a[hreflang][lang]').evaluateAll((all) => all.map((a) => `${a.getAttribute('hreflang')} ${new URL(a.getAttribute('href')!, location.href).pathname}`));
    expect(other).toContain('en /country-profile/');
    expect(other).toContain('ar /ar/country-profile/');
    await page.goto(`${site.url}/country-profile/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('#group-registration-periods').textContent()).resolves.toBe('Registration periods');
    await expect(page.locator('.param-uses a[href^="/fr/"], .param-uses [lang]').count()).resolves.toBe(0);
    await page.close();
  });
});
