import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();

// The participant pages whose tables had to be scrolled sideways at 360 px to read a row (a scan
// of every page of the built site at 360 px, 2026-12): module M2's worksheet and time limits
// (188 and 192 px too wide) and module M4's comparisons and replacement order, in every language;
// the concordance's worksheets (310-390 px); the dry-run report (its step table 542 px); the
// consultation reports (73-248 px); the trainer's guide's print list and the translations page,
// in every language; the authoring guide's field tables (a long code word).
const pages = [
  ...['', '/fr', '/ar'].flatMap((l) => [
    `${l}/modules/civil-registration-births-deaths/`,
    `${l}/modules/national-id-enrolment-module/`,
    `${l}/courses/registry-officers/guide/`,
    `${l}/translations/`,
  ]),
  '/concordance/',
  '/lifecycle/dry-runs/birth-registration-2025/',
  '/lifecycle/consultations/kick-off-2024-10/',
  '/lifecycle/consultations/draft-review-2024-12/',
  '/lifecycle/consultations/validation-2025-06/',
  '/lifecycle/consultations/written-comments-2025-12/',
  '/guide/',
];

interface TableReport {
  /** Tables wider than their box, by their header row. */
  wide: string[];
  /** Cells shown without their column's name, while the header row is out of sight. */
  unlabelled: string[];
  /** Tables on the page, and of them those read as cards. */
  tables: number;
  cards: number;
  /** Blank cells of an exercise still shown, under their column's name. */
  blanks: number;
  /** How far the page itself is wider than the screen. */
  pageOver: number;
}

/** Every table of the page (folded parts opened) as a reader on a 360 px phone sees it. */
function readTables(page: Page): Promise<TableReport> {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const shown = (el: Element) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null;
    const report = { wide: [] as string[], unlabelled: [] as string[], tables: 0, cards: 0, blanks: 0, pageOver: document.documentElement.scrollWidth - window.innerWidth };
    for (const table of document.querySelectorAll('main table')) {
      if (!shown(table)) continue;
      report.tables++;
      const heads = [...table.querySelectorAll('thead tr:first-child > th')].map(text);
      const name = heads.join(' | ').slice(0, 80) || text(table).slice(0, 80);
      // The box that scrolls: the nearest ancestor that clips or scrolls sideways.
      let box = table.parentElement;
      while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
      if (box && box !== document.body && box.scrollWidth > box.clientWidth + 1) report.wide.push(`${name} (+${box.scrollWidth - box.clientWidth}px)`);
      const thead = table.querySelector('thead');
      if (!thead || thead.getBoundingClientRect().height > 2) continue; // the header row is in sight above the columns
      report.cards++;
      for (const tr of table.querySelectorAll('tbody tr, tfoot tr')) {
        [...tr.children].forEach((cell, i) => {
          if (i === 0 || cell.tagName !== 'TD' || !shown(cell)) return;
          const label = getComputedStyle(cell, '::before').content;
          if (!heads[i] || !label.includes(heads[i]!)) report.unlabelled.push(`${name}: "${text(cell).slice(0, 30)}" shows ${label}, not "${heads[i]}"`);
          else if (!text(cell)) report.blanks++;
        });
      }
    }
    return report;
  });
}

describe('tables on a 360 px phone', () => {
  for (const path of pages) {
    it(`${path}: every row reads without scrolling sideways, each cell under its column's name; no axe violations`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.goto(`${site.url}${path}`);
      const r = await readTables(page);
      expect(r.tables).toBeGreaterThan(0);
      expect(r.pageOver).toBeLessThanOrEqual(0);
      expect(r.wide).toEqual([]);
      expect(r.unlabelled).toEqual([]);
      if (path !== '/guide/') expect(r.cards).toBeGreaterThan(0);
      // The worksheets keep their blanks to fill in, each under its column's name.
      if (/civil-registration-births-deaths|concordance/.test(path)) expect(r.blanks).toBeGreaterThan(10);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('on an Arabic page a card reads from the right, and the tables stay tables for screen readers', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${site.url}/ar/translations/`);
    const cell = page.locator('table.translation-status tbody tr:first-child td[data-label]').first();
    expect(await cell.evaluate((td) => [getComputedStyle(td).direction, getComputedStyle(td).textAlign])).toEqual(['rtl', 'start']);
    const row = page.locator('table.translation-status tbody tr:first-child');
    const [rowBox, cellBox] = [await row.boundingBox(), await cell.boundingBox()];
    // The card's text starts at its right edge: the label is drawn first, in the cell's start.
    expect(Math.abs(rowBox!.x + rowBox!.width - (cellBox!.x + cellBox!.width))).toBeLessThan(16);
    // Header cells keep their scope and the table its role for assistive technology.
    expect(await page.locator('table.translation-status thead th[scope="col"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('table.translation-status tbody th[scope="row"]').count()).toBeGreaterThan(0);
    const snapshot = await page.locator('table.translation-status').ariaSnapshot();
    expect(snapshot).toMatch(/^- table/);
    expect(snapshot).toMatch(/columnheader/);
    await page.close();
  });
});
