import { loadProject } from '../../src/lib/content/project.ts';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const sopPath = '/sops/civil-status-correction/';

describe('paragraph anchors on SOP pages', () => {
  it('#p-6.2-3 scrolls to that paragraph and shows its marker, without JavaScript', async () => {
    const page = await site.browser.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}${sopPath}#p-6.2-3`);
    const para = page.locator('[id="p-6.2-3"]');
    await expect(para.evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    const box = await para.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(800 / 2);
    const mark = para.locator('.pmark');
    await expect(mark.textContent()).resolves.toBe('§6.2 ¶3');
    await expect(mark.isVisible()).resolves.toBe(true);
    // Its own section heading is 6.2, and the link points back at the paragraph.
    await expect(mark.getAttribute('href')).resolves.toBe('#p-6.2-3');
    await page.close();
  });

  it('keeps the reading page clean: markers show on hover and on focus, not before', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}${sopPath}`);
    const marks = page.locator('.pmark');
    expect(await marks.count()).toBeGreaterThan(100);
    expect(await page.locator('.pmark:visible').count()).toBe(0);
    const para = page.locator('[id="p-6.1-2"]');
    await para.scrollIntoViewIfNeeded();
    await para.hover();
    await expect(para.locator('.pmark').isVisible()).resolves.toBe(true);
    await page.mouse.move(0, 0);
    await expect(para.locator('.pmark').isVisible()).resolves.toBe(false);
    // Keyboard: focusing a link inside a paragraph shows that paragraph's marker.
    const withLink = page.locator('.para:has(a:not(.pmark))').first();
    await withLink.locator('a:not(.pmark)').first().focus();
    await expect(withLink.locator('.pmark').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('review mode, a labelled checkbox operable by keyboard, shows every marker without widening a phone page', async () => {
    const page = await site.browser.newPage({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}${sopPath}`);
    const toggle = page.getByLabel(/Review mode/);
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle.isChecked()).resolves.toBe(true);
    const total = await page.locator('.pmark').count();
    expect(await page.locator('.pmark:visible').count()).toBe(total);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBe(0);
    await page.close();
    // axe needs scripts: the same state with JavaScript on.
    const withJs = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await withJs.goto(`${site.url}${sopPath}`);
    await withJs.check('#review-mode');
    expect(await axeViolations(withJs)).toEqual([]);
    await withJs.close();
  });

  it('links to the review copy and the register templates of an SOP under consultation', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}${sopPath}`);
    const links = await page.locator('.review-tools a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(links).toEqual(['/handbooks/civil-status-correction-review-copy.pdf', '/handbooks/civil-status-correction-comment-register.xlsx', '/handbooks/civil-status-correction-comment-register.csv']);
    const pdf = await page.request.get(`${site.url}${links[0]}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.goto(`${site.url}/sops/birth-registration/`);
    expect(await page.locator('.review-tools a').count()).toBe(0);
    await page.close();
  });
});

describe('life-cycle pages', () => {
  it('the life-cycle page lists every SOP with its comments and links each consultation; it passes axe at 360 and 1280 px', async () => {
    for (const width of [360, 1280]) {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.url}/lifecycle/`);
      expect(await page.locator('.lifecycle-list > li').count()).toBe(await page.locator('.lifecycle-list h2 a').count());
      await expect(page.locator('#sop-civil-status-correction').textContent()).resolves.toMatch(/\d+ open, \d+ decided/);
      const consultations = await page.locator('a[href^="/lifecycle/consultations/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))]);
      expect(consultations.length).toBeGreaterThanOrEqual(3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it("an SOP's card links its dry run to the dry run's report and marks every model record as one", async () => {
    // The dry run was plain text, its report page reachable only from the authoring guide, and
    // neither the card's consultations nor its dry run said they were model examples.
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${site.url}/lifecycle/`);
    const card = page.locator('#sop-birth-registration');
    const dryRun = card.locator('a[href="/lifecycle/dry-runs/birth-registration-2025/"]');
    await expect(dryRun.textContent()).resolves.toBe('Dry run of the birth registration SOP in two offices');
    const items = card.locator('.records li');
    expect(await items.count()).toBeGreaterThanOrEqual(4);
    await expect(items.evaluateAll((lis) => lis.map((li) => li.querySelector('.flag-example')?.textContent ?? ''))).resolves.toEqual(Array((await items.count())).fill('Model example'));
    const flags = await card.locator('.records .flag-example').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().right));
    expect(Math.max(...flags)).toBeLessThanOrEqual(360);
    await Promise.all([page.waitForURL('**/lifecycle/dry-runs/birth-registration-2025/'), dryRun.click()]);
    await expect(page.locator('h1').textContent()).resolves.toContain('Dry run of the birth registration SOP in two offices');
    await page.close();
  });

  it("the life-cycle page's list of consultations reads as one card per consultation on a phone, not a table to scroll sideways", async () => {
    // Six columns at 360 px: the table scrolled 615 px sideways and showed only the date and the
    // start of each title, each row 500 px tall.
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${site.url}/lifecycle/`);
    const wrap = page.locator('.table-wrap:has(table.consultation-list)');
    expect(await wrap.evaluate((w) => w.scrollWidth - w.clientWidth)).toBe(0);
    const card = page.locator('table.consultation-list tbody tr').first();
    // The card's head: the date, then the consultation's title on the same line.
    const tops = await card.locator('td:first-child, th[scope="row"]').evaluateAll((cells) => cells.map((c) => Math.round(c.getClientRects()[0]!.top)));
    expect(tops).toHaveLength(2);
    expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThanOrEqual(2);
    await expect(card.locator('td[data-label]').evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content))).resolves.toEqual(['"Kind: "', '"SOPs discussed: "', '"Comments: "', '"Completion report (PDF): "']);
    // The model-example flag wraps inside the card instead of running past its edge.
    const [flag, box] = await Promise.all([card.locator('.flag-example').boundingBox(), card.boundingBox()]);
    expect(flag!.x + flag!.width).toBeLessThanOrEqual(box!.x + box!.width);
    await page.close();
  });

  it('a consultation page is its completion report, marked as a model example, with a chart and the resolution matrix; it passes axe', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${site.url}/lifecycle/`);
    const first = await page.locator('a[href^="/lifecycle/consultations/"]').first().getAttribute('href');
    for (const path of [first!, '/lifecycle/consultations/written-comments-2025-12/']) {
      await page.goto(`${site.url}${path}`);
      await expect(page.locator('.example-banner').textContent()).resolves.toContain('Model example: replace with your own records');
      await expect(page.locator('svg.chart[role="img"] title').first().textContent()).resolves.toBe('Comments by SOP section and type');
      // Drawn at 0.8 of its size or more (text of 9.6 px), scrolling in its region, not shrunk to fit 360 px.
      const scale = await page.locator('svg.chart').first().evaluate((s) => s.getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width);
      expect(scale).toBeGreaterThanOrEqual(0.79);
      expect(await page.locator('table.matrix tbody tr').count()).toBeGreaterThan(3);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }
    // Only a comment on the version the SOP page shows links into it (commentTarget, unit-tested):
    // the matrix has exactly one link per such row, and each opens its paragraph or section.
    const versions = new Map(loadProject(process.cwd()).sops.map((sop) => [sop.data?.code, sop.data?.version]));
    const rows = await page.locator('table.matrix tbody tr').evaluateAll((trs) => trs.map((tr) => ({ where: tr.querySelector('td')?.textContent ?? '', links: [...tr.querySelectorAll('a[href^="/sops/"]')].map((a) => a.getAttribute('href')) })));
    const onCurrent = rows.filter((r) => [...versions].some(([code, version]) => code && r.where.includes(`${code} ${version} `)));
    expect(rows.filter((r) => r.links.length).length).toBe(onCurrent.length);
    for (const href of onCurrent.flatMap((r) => r.links).slice(0, 2)) {
      expect(href).toMatch(/^\/sops\/[a-z-]+\/#(p-[\d.]+-\d+|[\w.-]+)$/);
      await page.goto(`${site.url}${href}`);
      const id = href!.split('#')[1]!;
      await expect(page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'))).resolves.toBe(true);
    }
    await page.close();
  });
});
