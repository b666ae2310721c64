import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, serveStatic, type StaticSite } from './harness.ts';
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
    `${l}/concordance/`,
  ]),
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

// The smallest phones trainees read on are 320 px wide (CSS pixels). A page there must not be wider
// than the screen, and a table not wider than its box; figures (workflow diagrams, charts, code)
// scroll inside their own focusable region. A 2027-01 scan of every page of the participant edition
// at 320 px found the French module M1 page 20 px too wide (an activity's facts: a name column at
// max-content) and two-column tables 11 to 28 px wider than their box (roles and legal bases of
// SOPs, M1's task cards). One page of each kind in each language, every module and the SOPs that
// had those tables:
const narrowPages = [
  ...['', '/fr', '/ar'].flatMap((l) =>
    [
      '/',
      '/sops/',
      '/sops/birth-registration/',
      '/sops/national-id-enrolment/',
      '/sops/appeals-grievances/',
      '/modules/',
      '/modules/legal-identity-foundations/',
      '/modules/civil-registration-births-deaths/',
      '/modules/national-id-enrolment-module/',
      '/modules/data-quality-fraud-protection/',
      '/modules/legal-identity-foundations/slides/',
      '/assessments/',
      '/assessments/birth-registration/pre/',
      '/courses/registry-officers/',
      '/courses/registry-officers/guide/',
      '/evaluations/registry-officers/',
      '/glossary/',
      '/translations/',
      '/search/',
      '/offline/',
      '/concordance/',
      '/country-profile/',
    ].map((p) => `${l}${p}`),
  ),
  '/sops/birth-registration/changes/',
  '/guide/',
  '/lifecycle/',
  '/lifecycle/consultations/kick-off-2024-10/',
  '/lifecycle/dry-runs/birth-registration-2025/',
];

/** The scripts that change a page's layout have run: the simulator is shown, a test or evaluation form is ready. */
function settled(): boolean {
  return (
    [...document.querySelectorAll<HTMLElement>('[data-sim]')].every((s) => !s.hidden) &&
    [...document.querySelectorAll<HTMLElement>('[data-assess], [data-evaluation]')].every((r) => 'ready' in r.dataset)
  );
}

/** How far the page (folded parts opened) is wider than the screen, what sticks out, and the tables wider than their box. */
function overflowOf(page: Page): Promise<{ pageOver: number; outside: string[]; wideTables: string[] }> {
  return page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => (d.open = true));
    const vw = document.documentElement.clientWidth;
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
    const scrolls = (el: Element) => getComputedStyle(el).overflowX !== 'visible';
    const outside: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || (r.right <= vw + 0.5 && r.left >= -0.5)) continue;
      // Only the innermost: an element none of whose children sticks out, and not inside a box that scrolls or clips.
      let box = el.parentElement;
      while (box && box !== document.body && !scrolls(box)) box = box.parentElement;
      if (box && box !== document.body) continue;
      if ([...el.children].some((c) => { const cr = c.getBoundingClientRect(); return cr.right > vw + 0.5 || cr.left < -0.5; })) continue;
      outside.push(`${describe(el)} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    }
    const wideTables: string[] = [];
    for (const table of document.querySelectorAll('main table')) {
      let box = table.parentElement;
      while (box && !scrolls(box)) box = box.parentElement;
      if (box && box !== document.body && box.scrollWidth > box.clientWidth + 1) wideTables.push(`${describe(table)} (+${box.scrollWidth - box.clientWidth}px)`);
    }
    return { pageOver: document.documentElement.scrollWidth - vw, outside: outside.slice(0, 5), wideTables };
  });
}

describe('every kind of page on a 320 px phone', () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`${lang}: no page is wider than the screen, no table wider than its box`, async () => {
      const paths = narrowPages.filter((p) => (lang === 'en' ? !/^\/(fr|ar)\//.test(p) : p.startsWith(`/${lang}/`)));
      // No service worker: it would fetch the whole precache list for each page, and changes nothing on screen.
      const context = await site.browser.newContext({ viewport: { width: 320, height: 640 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const path of paths) {
        const response = await page.goto(`${site.url}${path}`);
        expect(response?.status(), path).toBe(200);
        await page.waitForFunction(settled);
        const r = await overflowOf(page);
        if (r.pageOver > 0) problems.push(`${path}: ${r.pageOver}px wider than the screen: ${r.outside.join('; ')}`);
        for (const table of r.wideTables) problems.push(`${path}: table wider than its box: ${table}`);
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});

// The trainer edition's pages that show results: a 2026-12 scan of every page of the trainer edition at 360 and
// 320 px (en, fr, ar, folded parts opened) found every page fitting until files were given. Then the scoring page's
// report had tables 33 to 650 px wider than their box (item analysis, participants' scores, mastery, statistics),
// the training report's 23 to 200 px (timetables, item analyses, the evaluation's statements, participants by
// organisation; the course facts at 320 px), and at 320 px the report page's file list was 21 px wider than the
// screen (a select as wide as its longest option).
describe('the trainer\'s result pages on a phone, with the model course\'s files given', () => {
  const E = 'examples/registry-officers';
  let trainer: StaticSite | undefined;
  beforeAll(async () => {
    trainer = await serveStatic(inject('trainerDistDir'));
  });
  afterAll(async () => {
    await trainer?.close();
  });

  /** Every cell of a table read as cards shows its column's name. */
  const unlabelled = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('main .phone-cards td')]
        .filter((td) => getComputedStyle(td).display === 'block' && !getComputedStyle(td, '::before').content.includes(':'))
        .map((td) => (td.textContent ?? '').trim().slice(0, 30)),
    );

  for (const width of [360, 320]) {
    for (const lang of ['', 'fr/', 'ar/']) {
      it(`/${lang}scoring/ at ${width} px: the scored course tests fit, each row a card`, async () => {
        const page = await site.browser.newPage({ viewport: { width, height: 640 } });
        await page.goto(`${trainer!.url}/${lang}scoring/`);
        await page.selectOption('[data-quiz]', 'legal-identity-foundations');
        await page.setInputFiles('[data-files]', [`${E}/pre.csv`, `${E}/post.csv`]);
        await page.click('[data-scoring-form] button[type="submit"]');
        await page.locator('[data-out]').waitFor();
        const r = await overflowOf(page);
        expect(r.pageOver, r.outside.join('; ')).toBeLessThanOrEqual(0);
        expect(r.wideTables).toEqual([]);
        expect(await page.locator('main .phone-cards').count()).toBeGreaterThan(3);
        expect(await unlabelled(page)).toEqual([]);
        await page.close();
      });
    }

    it(`the course report page at ${width} px: the file list and the report from every model file fit`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 640 } });
      await page.goto(`${trainer!.url}/courses/registry-officers/report/`);
      const files = readdirSync(E).filter((f) => /\.(csv|md)$/.test(f) && f !== 'README.md');
      await page.setInputFiles('[data-files]', files.map((f) => `${E}/${f}`));
      await page.waitForFunction((n) => document.querySelectorAll('[data-list] li').length === n, files.length);
      const list = await overflowOf(page);
      expect(list.pageOver, list.outside.join('; ')).toBeLessThanOrEqual(0);
      await page.fill('[data-date]', '2026-03-06');
      await page.click('[data-report-form] button[type="submit"]');
      await page.locator('[data-out]').waitFor();
      const r = await overflowOf(page);
      expect(r.pageOver, r.outside.join('; ')).toBeLessThanOrEqual(0);
      expect(r.wideTables).toEqual([]);
      expect(await unlabelled(page)).toEqual([]);
      if (width === 320) expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
