import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { previousVersion } from '../../src/lib/lifecycle/diff/changes.ts';
import { repoPath, repositoryRoot } from '../../src/lib/lifecycle/diff/git.ts';
import { versionsInGit } from '../../src/lib/lifecycle/diff/git-versions.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();

/** True when git has the version before the current one: the build then makes the changes page. */
function previousInGit(id: string): boolean {
  const sop = loadProject(process.cwd()).sops.find((s) => s.id === id)!;
  const previous = previousVersion(sop);
  try {
    const repo = repositoryRoot(process.cwd());
    return Boolean(previous) && versionsInGit(repo, repoPath(repo, sop.absPath)).some((v) => v.version === previous);
  } catch {
    return false;
  }
}

/**
 * Opens an SOP's changes page and says so; in a clone without the history, which has nothing to
 * compare, checks instead that its page links none, closes the page and says false.
 */
async function openChanges(page: Page, id: string): Promise<boolean> {
  if (previousInGit(id)) {
    await page.goto(`${site.url}/sops/${id}/changes/`);
    return true;
  }
  await page.goto(`${site.url}/sops/${id}/`);
  expect(await page.locator(`a[href$="/sops/${id}/changes/"]`).count()).toBe(0);
  await page.close();
  return false;
}

describe('life-cycle pages', () => {
  it('changes since the previous version: linked from the SOP page, marks words with del/ins, passes axe, fits a phone', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/sops/birth-registration/`);
    const link = page.locator('a[href$="/sops/birth-registration/changes/"]');
    if (!previousInGit('birth-registration')) {
      // A clone without the history has nothing to compare: no page, and no link to one.
      expect(await link.count()).toBe(0);
      await page.close();
      return;
    }
    await link.click();
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Changes since version \d+\.\d+\.\d+$/);
    expect(await page.locator('.sopkit-redline del').count()).toBeGreaterThan(0);
    expect(await page.locator('.sopkit-redline ins').count()).toBeGreaterThan(0);
    // The change is shown by strike and underline, not by colour alone.
    expect(await page.locator('.sopkit-redline del').first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('line-through');
    expect(await page.locator('.sopkit-redline ins').first().evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe('underline');
    const pdf = await page.locator('a[href$="/handbooks/birth-registration-changes.pdf"]').getAttribute('href');
    expect((await page.request.get(`${site.url}${pdf}`)).status()).toBe(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a redline's tables read as cards on a phone: the changed step table does not scroll sideways", async () => {
    // The step table's five columns scrolled about 200 px at 360 px, each row hundreds of pixels
    // tall with its cells cut.
    const id = 'data-quality-audit';
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    if (!(await openChanges(page, id))) return;
    expect(await page.locator('.sopkit-redline .table-wrap').count()).toBeGreaterThan(1);
    expect(await page.locator('.sopkit-redline .table-wrap').evaluateAll((ws) => ws.filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => w.getAttribute('aria-label')))).toEqual([]);
    const label = await page.locator('.sopkit-redline td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toMatch(/^".+: "$/);
    await page.close();
  });

  it("a redline's tables take the page's width on a desktop: a long change is not squeezed into a narrow column", async () => {
    // The redline's `cards` class was also the home page's grid of SOP cards (global.css): each
    // table sat in one 15rem grid column, "Annotations (late or delayed registration…" two words a line.
    const id = 'death-registration';
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    if (!(await openChanges(page, id))) return;
    const tables = await page.locator('.sopkit-redline .table-wrap').evaluateAll((ws) => ws.map((w) => ({ name: w.getAttribute('aria-label'), display: getComputedStyle(w).display, wrap: w.clientWidth, table: w.querySelector('table')!.getBoundingClientRect().width })));
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((t) => t.display !== 'block')).toEqual([]);
    // The document details hold sentences: their table wraps them at the region's width.
    const details = tables.find((t) => t.name === 'Document details')!;
    expect(details.table).toBeGreaterThan(0.9 * details.wrap);
    expect(details.wrap).toBeGreaterThan(600);
    await page.close();
  });

  it('the dry-run report: model-example banner, figures, chart with a text alternative, downloads, axe, phone width', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/lifecycle/dry-runs/birth-registration-2025/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Dry-run report: Dry run of the birth registration SOP in two offices');
    await expect(page.locator('.sopkit-report .note[role="note"]').textContent()).resolves.toMatch(/^Model example, to replace\./);
    await expect(page.locator('svg.chart > title').textContent()).resolves.toBe('Minutes against the time limit');
    // Drawn at 0.8 of its size or more (text of 8.8 px and up), scrolling in its region, not shrunk to fit 360 px.
    const scale = await page.locator('svg.chart').evaluate((s) => s.getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width);
    expect(scale).toBeGreaterThanOrEqual(0.79);
    // ...and says so under it: on a phone half the chart (the limits past 110 %) is off screen.
    const region = page.locator('.table-wrap:has(> svg.chart)');
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    await expect(page.locator('.table-wrap:has(> svg.chart) + .scroll-hint').isVisible()).resolves.toBe(true);
    expect(await page.locator('.scroll-hint').textContent()).toBe('On a narrow screen the chart scrolls sideways: swipe it to see the rest.');
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(5);
    for (const href of await page.locator('.doc-links a[download]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!))) {
      expect((await page.request.get(`${site.url}${href}`)).status(), href).toBe(200);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    // On a wide screen its text keeps a line of reading length, as every other page's does (it
    // ran the whole width: 150 characters to the line); its tables may be wider.
    await page.setViewportSize({ width: 1280, height: 800 });
    const widths = await page.locator('.dry-run > .lead, .dry-run-report > p, .dry-run-report > ul, .dry-run-report > .note, .dry-run-report > .table-wrap:has(> table.compact)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(3);
    const measure = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize) * 46);
    for (const w of widths) expect(w).toBeLessThanOrEqual(measure + 0.5);
    // The chart fits: no hint.
    expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(false);
    await expect(page.locator('.scroll-hint').isVisible()).resolves.toBe(false);
    await page.close();
  });
});
