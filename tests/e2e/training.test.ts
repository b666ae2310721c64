import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const module = '/modules/legal-identity-foundations/';

describe('training pages', () => {
  for (const [path, heading] of [
    ['/modules/', /Training modules and courses/],
    [module, /^M1 · Legal identity/],
    ['/courses/registry-officers/', /course for registry officers/],
    ['/courses/registry-officers/guide/', /^Trainer's guide/],
  ] as const) {
    it(`${path} has its heading and no axe violations at 360 and 1280 px`, async () => {
      for (const width of [360, 1280]) {
        const page = await site.browser.newPage({ viewport: { width, height: 800 } });
        await page.goto(`${site.url}${path}`);
        await expect(page.locator('h1').textContent()).resolves.toMatch(heading);
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.close();
      }
    });
  }

  it("on a 360 px phone a module's timetable and job aids read as cards, not tables to scroll sideways", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${site.url}/modules/`);
    const paths = await page.locator('main a[href*="/modules/"]').evaluateAll((links) => [...new Set(links.map((a) => new URL((a as HTMLAnchorElement).href).pathname).filter((p) => /^\/modules\/[^/]+\/$/.test(p)))]);
    expect(paths.length).toBeGreaterThanOrEqual(4);
    const wide: string[] = [];
    let aids = 0;
    for (const path of [...paths, `/fr${module}`, `/ar${module}`]) {
      await page.goto(`${site.url}${path}`);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('.job-aid .table-wrap, section:has(#timetable) .table-wrap')].map((w) => ({ name: w.closest('section')?.querySelector('h2, h4')?.textContent ?? '', over: w.scrollWidth - w.clientWidth, aid: !!w.closest('.job-aid') })));
      aids += boxes.filter((b) => b.aid).length;
      for (const b of boxes) if (b.over > 1) wide.push(`${path} ${b.name} (+${b.over}px)`);
    }
    expect(aids).toBeGreaterThan(0);
    expect(wide).toEqual([]);
    // Each value of a job aid's step under its column's name.
    await page.goto(`${site.url}${module}`);
    const who = page.locator('.job-aid tbody td[data-label]').first();
    expect(await who.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Who: "');
    await page.close();
  });

  it('the module page lists the timetable with a running clock and links each session, slides and tests', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${module}`);
    const rows = page.locator('#timetable ~ .table-wrap tbody tr, section:has(#timetable) tbody tr');
    expect(await rows.count()).toBe(8);
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe('0:00');
    const target = await rows.nth(2).locator('a').getAttribute('href');
    expect(target).toBe('#session-3');
    expect(await page.locator('#session-3 h2').count()).toBe(1);
    expect(await page.locator('a[href$="/modules/legal-identity-foundations/slides/"]').count()).toBe(1);
    expect(await page.locator('a[href$="/assessments/legal-identity-foundations/pre/"]').count()).toBe(1);
    expect(await page.locator('.slide-outline').count()).toBe(29);
    await page.close();
  });

  it('the participant edition shows no speaker notes or facilitator keys, and links no trainer manual', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${module}`);
    expect(await page.locator('.speaker-notes, .facilitator-key').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/228 days/);
    expect(await page.locator('a[href$="-trainer.pdf"]').count()).toBe(0);
    // Three case studies: 5, 6 and 5 questions.
    expect(await page.locator('.case-questions ol li').count()).toBe(16);
    await page.close();
  });

  it('the job aid PDF and the workbook the module page links are served', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${module}`);
    for (const href of await page.locator('a[href$=".pdf"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
    }
    await page.close();
  });
});
