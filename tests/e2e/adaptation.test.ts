import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();

describe('the country adaptation pages', () => {
  it('the country profile lists every parameter with its value, and a value in an SOP links to it', async () => {
    const page = await site.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/sops/birth-registration/`);
    const value = page.locator('#procedure ~ p a.param').first();
    const target = await value.getAttribute('href');
    expect(target).toMatch(/^\/country-profile\/#param-[a-z0-9-]+$/);
    await value.click();
    await page.waitForURL(`**${target}`);
    const entry = page.locator(target!.slice(target!.indexOf('#')));
    await expect(entry.isVisible()).resolves.toBe(true);
    // Every parameter has its facts and at least one place it is used, with working links.
    const entries = page.locator('article.param-entry');
    expect(await entries.count()).toBeGreaterThan(100);
    expect(await page.locator('article.param-entry:not(:has(.param-uses a))').count()).toBe(0);
    await page.close();
  });

  it('the country profile and the concordance pass axe at phone and desktop widths', async () => {
    for (const width of [360, 1280]) {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      for (const path of ['/country-profile/', '/concordance/', '/fr/concordance/', '/ar/concordance/']) {
        await page.goto(`${site.url}${path}`);
        expect(await axeViolations(page), `${path} at ${width} px`).toEqual([]);
      }
      await page.close();
    }
  });

  it('the concordance offers its spreadsheet and PDF, and its tables scroll by keyboard on a phone', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/concordance/`);
    for (const link of ['/concordance.csv', '/handbooks/concordance.pdf']) {
      const response = await page.request.get(`${site.url}${link}`);
      expect(response.status(), link).toBe(200);
    }
    const csv = await (await page.request.get(`${site.url}/concordance.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe('\uFEFFsop,code,step,step_title,legal_id,instrument,provision,national_provision,notes');
    const region = page.locator('.concordance-fill').first();
    await expect(region.getAttribute('tabindex')).resolves.toBe('0');
    // Its list of procedures is under a heading of its own (it ran on from the download links),
    // and links each procedure's table.
    const contents = page.locator('nav[aria-labelledby="concordance-contents"]');
    await expect(contents.locator('h2').textContent()).resolves.toBe('Contents');
    const targets = await contents.locator('a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(targets).toEqual(await page.locator('section h2[id^="c-"]').evaluateAll((all) => all.map((h) => `#${h.id}`)));
    expect(targets.length).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });

  it("the concordance in French: the translated SOPs' steps and legal basis in French, its spreadsheet and PDF in French, an SOP not translated marked English", async () => {
    // It was English only, its link on French pages marked "(anglais)".
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/fr/concordance/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fr');
    const links = await page.locator('.doc-links a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/fr/concordance.csv', '/handbooks/concordance.fr.pdf', '/fr/country-profile/']);
    for (const link of links.slice(0, 2)) expect((await page.request.get(`${site.url}${link}`)).status(), link!).toBe(200);
    const birth = page.locator('section', { has: page.locator('#c-birth-registration') });
    await expect(birth.getAttribute('lang')).resolves.toBeNull();
    await expect(birth.locator('tbody tr').first().textContent()).resolves.toContain("[Loi sur l'état civil, année]");
    // Every step links the French SOP page, at a heading that exists there.
    const steps = await birth.locator('tbody th a').evaluateAll((all) => all.map((a) => a.getAttribute('href')!));
    expect(steps.length).toBeGreaterThan(5);
    for (const href of steps) expect(href).toMatch(/^\/fr\/sops\/birth-registration\/#/);
    await page.goto(`${site.url}${steps[0]}`);
    await expect(page.locator(steps[0]!.slice(steps[0]!.indexOf('#'))).count()).resolves.toBe(1);
    await page.goto(`${site.url}/fr/concordance/`);
    // The correction SOP is not in French: its section says it is English; the headers stay French.
    const correction = page.locator('section', { has: page.locator('#c-civil-status-correction') });
    await expect(correction.getAttribute('lang')).resolves.toBe('en');
    await expect(correction.locator('thead').getAttribute('lang')).resolves.toBe('fr');
    const csv = await (await page.request.get(`${site.url}/fr/concordance.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe('\uFEFFsop,code,step,step_title,legal_id,instrument,provision,national_provision,notes');
    expect(csv).toContain("[Loi sur l'état civil, année]");
    expect(csv).toContain('Notifier la naissance');
    await page.close();
  });
});
