import { describe, expect, it } from 'vitest';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();

describe('Arabic pages (right to left) with English content not translated yet', () => {
  it("an English SOP's card on /ar/ and /ar/sops/ runs left to right, its Arabic labels and status right to left, each in its own language", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const [path, card, heading] of [['/ar/sops/', '.sop-row', 'h2'], ['/ar/', '.cards > li', 'h3']] as const) {
      await page.goto(`${site.url}${path}`);
      const english = page.locator(card).filter({ has: page.locator(`a[href="/ar/sops/death-registration/"]`) });
      await expect(english.count(), path).resolves.toBe(1);
      // Each element's language (the nearest lang) and the direction its text runs in.
      const seen = (selector: string) =>
        english.locator(selector).first().evaluate((e) => ({ lang: e.closest('[lang]')?.getAttribute('lang'), dir: getComputedStyle(e).direction }));
      // The summary used to run right to left (its full stop at the start of its last line).
      await expect(seen(heading), path).resolves.toEqual({ lang: 'en', dir: 'ltr' });
      await expect(seen('p'), path).resolves.toEqual({ lang: 'en', dir: 'ltr' });
      await expect(seen('.badge'), path).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
      await expect(english.evaluate((e) => e.getAttribute('lang')), path).resolves.toBeNull();
    }
    await page.goto(`${site.url}/ar/sops/`);
    const english = page.locator('.sop-row').filter({ has: page.locator('a[href="/ar/sops/death-registration/"]') });
    // The labels (الوثيقة، الحالة، ...) are Arabic to a screen reader; the owner is English and
    // runs left to right (its brackets were scrambled: "Directorate of] ... [Identity Authority").
    const labels = await english.locator('dt').evaluateAll((dts) => dts.map((d) => `${d.closest('[lang]')?.getAttribute('lang')} ${getComputedStyle(d).direction}`));
    expect(labels).toEqual(Array(5).fill('ar rtl'));
    const owner = english.locator('dd').last();
    await expect(owner.evaluate((e) => ({ lang: e.closest('[lang]')?.getAttribute('lang'), dir: getComputedStyle(e).direction }))).resolves.toEqual({ lang: 'en', dir: 'ltr' });
    await expect(owner.textContent()).resolves.toMatch(/^\[Directorate of Civil Registration\]/);
    // The translated SOP's card has no language of its own: all of it is the page's.
    const translated = page.locator('.sop-row').filter({ has: page.locator('a[href="/ar/sops/birth-registration/"]') });
    await expect(translated.locator('[lang]').count()).resolves.toBe(0);
    await page.close();
  });
});
