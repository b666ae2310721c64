import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';


const site = useBuiltSite();

describe('site pages', () => {
  it('the SOP index lists every SOP and filters by status without JavaScript', async () => {
    const page = await site.browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}/sops/`);
    const rows = page.locator('.sop-row');
    const total = await rows.count();
    expect(total).toBeGreaterThanOrEqual(6);
    const approved = await page.locator('.sop-row[data-status="approved"]').count();
    await page.check('#f-approved');
    expect(await page.locator('.sop-row:visible').count()).toBe(approved);
    await page.check('#f-all');
    expect(await page.locator('.sop-row:visible').count()).toBe(total);
    await page.close();
  });

  it('reading pages without a simulator load no script file; their one inline script registers the offline worker', async () => {
    const page = await site.browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && !r.url().endsWith('/sw.js')) scripts.push(r.url());
    });
    for (const path of ['/', '/sops/', '/glossary/', '/guide/']) {
      await page.goto(`${site.url}${path}`);
      const inline = await page.locator('script').evaluateAll((els) => els.map((e) => ({ src: e.getAttribute('src'), text: e.textContent ?? '' })));
      expect(inline.map((s) => s.src), path).toEqual([null]);
      expect(inline[0]?.text, path).toContain('serviceWorker.register');
      expect(inline[0]?.text.length, path).toBeLessThan(1500);
    }
    expect(scripts).toEqual([]);
    await page.close();
  });

  it('home, SOP and test pages paint with no stylesheet request: their styles are in the page (one round trip less on slow 3G)', async () => {
    const page = await site.browser.newPage();
    const sheets: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'stylesheet') sheets.push(r.url());
    });
    for (const path of ['/', '/sops/birth-registration/', '/assessments/birth-registration/pre/']) {
      await page.goto(`${site.url}${path}`);
      expect(await page.locator('link[rel="stylesheet"]').count(), path).toBe(0);
      // The site's rules (the footer's border) and the page's own (a workflow, a test) apply.
      expect(await page.locator('.site-footer').evaluate((e) => getComputedStyle(e).borderTopStyle), path).toBe('solid');
    }
    expect(await page.locator('.assess').evaluate((e) => getComputedStyle(e).maxWidth)).not.toBe('none');
    await page.goto(`${site.url}/sops/birth-registration/`);
    expect(await page.locator('.wf-scroll').first().evaluate((e) => getComputedStyle(e).overflow)).toBe('auto');
    expect(sheets).toEqual([]);
    await page.close();
  });

  it('an address the site does not have gets its 404 page: said in each language of the site, with the way back in each', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    const response = await page.goto(`${site.url}/sops/birth-registraton/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    const links = (scope: string) => page.locator(`${scope} .not-found-ways a`).evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(await links('[data-not-found] >')).toEqual([['Home', '/'], ['Procedures', '/sops/'], ['Search', '/search/']]);
    expect(await page.locator('[data-not-found] section[lang="fr"] h2').textContent()).toBe('Page introuvable');
    expect(await links('section[lang="fr"]')).toEqual([['Accueil', '/fr/'], ['Procédures', '/fr/sops/'], ['Recherche', '/fr/search/']]);
    expect(await page.locator('section[lang="ar"]').getAttribute('dir')).toBe('rtl');
    expect((await links('section[lang="ar"]')).map(([, h]) => h)).toEqual(['/ar/', '/ar/sops/', '/ar/search/']);
    // The styles and the way back work at any depth the server sends the page from.
    await page.locator('section[lang="ar"] .not-found-ways a').nth(1).click();
    await page.waitForURL(/\/ar\/sops\/$/);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.goto(`${site.url}/sops/birth-registraton/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("an approved SOP's page names the version approved, and says when a later version changed the procedure since", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/sops/birth-registration/`);
    const rows = await page.locator('.approval tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    expect(rows).toContainEqual(['Version approved', '1.2.0']);
    // The version now is the SOP's own (an editorial version since 1.3.0 changes it, not the sentence).
    const now = (parse(readFileSync(join(process.cwd(), 'content/sops/birth-registration.mdx'), 'utf8').split(/^---$/m)[1]!) as { version: string }).version;
    await expect(page.locator('[data-changed-since-approval]').textContent()).resolves.toBe(`Version 1.3.0 (2026-12-01) changed the procedure after this approval: version ${now} is not approved yet.`);
    // The effective date is the approved version's, and says so: beside "Version 1.3.3" it read as that version's.
    const effective = await page.locator('.meta-grid div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]).find(([dt]) => dt === 'Effective')?.[1]);
    expect(effective).toBe('2025-07-01 (version 1.2.0)');
    await page.close();
  });

  it("an SOP page shows its latest three versions and folds the earlier ones, which print", async () => {
    const source = readFileSync(join(process.cwd(), 'content/sops/birth-registration.mdx'), 'utf8');
    const versions = (parse(source.split(/^---$/m)[1]!) as { history: { version: string }[] }).history.map((h) => h.version);
    expect(versions.length).toBeGreaterThan(3);
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/sops/birth-registration/`);
    const shown = () => page.locator('#history-title ~ .table-wrap tbody tr td:first-child').allTextContents();
    expect(await shown()).toEqual(versions.slice(0, 3));
    const earlier = page.locator('details.history-earlier');
    await expect(earlier.locator('summary').textContent()).resolves.toBe(`${versions.length - 3} earlier versions`);
    const older = earlier.locator('tbody tr td:first-child');
    expect(await older.first().isVisible()).toBe(false);
    await earlier.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await older.allTextContents()).toEqual(versions.slice(3));
    expect(await older.first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Printed, the page has every version.
    await page.keyboard.press('Enter');
    await page.emulateMedia({ media: 'print' });
    expect(await older.first().isVisible()).toBe(true);
    await page.close();
  });

  it("an SOP page's history links each line's consultation or dry run and marks model examples, as does the approval, in the reader's language", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    const row = (version: string) => page.locator('tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${version.replace(/\./g, '\\.')}$`) }) });
    await page.goto(`${site.url}/sops/birth-registration/`);
    await page.locator('details.history-earlier summary').click();
    // 1.2.0 was "approved after the validation workshop": a model record, linked and marked.
    const approved = row('1.2.0');
    await expect(approved.locator('[data-record] a').getAttribute('href')).resolves.toBe('/lifecycle/consultations/validation-2025-06/');
    await expect(approved.locator('.flag-example').textContent()).resolves.toBe('Model example');
    expect(await approved.locator('.flag-example').isVisible()).toBe(true);
    await expect(row('1.1.0').locator('[data-record] a').getAttribute('href')).resolves.toBe('/lifecycle/dry-runs/birth-registration-2025/');
    // A line that names no record claims no event: no link, no mark.
    for (const version of ['1.3.2', '1.2.1']) {
      expect(await row(version).count(), version).toBe(1);
      expect(await row(version).locator('[data-record], .flag-example').count(), version).toBe(0);
    }
    // The approval rests on that line: it is a model approval too, and says what to do.
    await expect(page.locator('.approval [data-approval-example]').textContent()).resolves.toBe('Model example');
    await expect(page.locator('.approval .approval-example').textContent()).resolves.toBe('Model example: replace with your own records.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The link leads to the record's page, which says it is a model example.
    await approved.locator('[data-record] a').click();
    await page.waitForURL(/\/lifecycle\/consultations\/validation-2025-06\/$/);
    expect(await page.locator('.example-banner').count()).toBe(1);
    // French and Arabic pages mark the same lines in their own words.
    for (const [lang, words] of [['fr', 'Exemple type'], ['ar', 'مثال نموذجي']] as const) {
      await page.goto(`${site.url}/${lang}/sops/birth-registration/`);
      await expect(row('1.2.0').locator('.flag-example').textContent(), lang).resolves.toBe(words);
      await expect(row('1.2.0').locator('.flag-example').getAttribute('lang'), lang).resolves.toBe(lang);
      await expect(page.locator('.approval [data-approval-example]').textContent(), lang).resolves.toBe(words);
      expect(await row('1.2.1').locator('.flag-example').count(), lang).toBe(0);
    }
    await page.close();
  });

  it('an SOP page has numbered sections and a contents list that links to them, and fits a phone', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/sops/death-registration/`);
    await expect(page.locator('h2[data-section="1"]').textContent()).resolves.toMatch(/^1\s*Purpose/);
    const firstLink = page.locator('.sop-toc a').first();
    const target = await firstLink.getAttribute('href');
    expect(target).toMatch(/^#/);
    expect(await page.locator(`[id="${target!.slice(1)}"]`).count()).toBe(1);
    await page.close();
  });

  it("a header's list of names (an SOP's owners, here and on the list of SOPs, a module's or course's audience, a venue) takes two of its grid's columns on a desktop, and stays inside the grid on a phone", async () => {
    // Each was squeezed into one column of the grid, one or two words a line beside empty space.
    const cells = (page: import('playwright-core').Page) => page.locator('.title-block .meta-grid > div, .sop-row:first-of-type .meta-grid > div').evaluateAll((divs) => {
      const grid = divs[0]!.parentElement!.getBoundingClientRect();
      return divs.map((d) => { const r = d.getBoundingClientRect(); return { name: d.querySelector('dt')!.textContent!.trim(), wide: d.classList.contains('meta-wide'), width: r.width, inside: r.left >= grid.left - 1 && r.right <= grid.right + 1 }; });
    });
    const paths = ['/sops/death-registration/', '/modules/legal-identity-foundations/', '/courses/registry-officers/', '/ar/sops/death-registration/', '/sops/'];
    const desktop = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const phone = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of paths) {
      await desktop.goto(`${site.url}${path}`);
      const found = await cells(desktop);
      const one = Math.min(...found.filter((c) => !c.wide).map((c) => c.width));
      const wide = found.filter((c) => c.wide);
      expect(wide.length, path).toBeGreaterThanOrEqual(1);
      for (const c of wide) expect(c.width, `${path} ${c.name}`).toBeGreaterThan(1.9 * one);
      await phone.goto(`${site.url}${path}`);
      expect((await cells(phone)).filter((c) => !c.inside), path).toEqual([]);
    }
    await desktop.close();
    await phone.close();
  });

  it('every folded part says that it opens: its summary keeps the triangle (a summary made flex loses it)', async () => {
    // The tests page's "how to run a pre-test and a post-test" and the kiosk's trainer section
    // showed as plain boxes. The desktop contents list, always open and not a control, has none.
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const unmarked: string[] = [];
    let summaries = 0;
    for (const path of ['/assessments/', '/fr/assessments/', '/assessments/death-registration/pre/', '/sops/birth-registration/', '/modules/legal-identity-foundations/', '/guide/']) {
      await page.goto(`${site.url}${path}`);
      const found = await page.locator('summary').evaluateAll((all) => all.map((s) => {
        const style = getComputedStyle(s);
        return { text: (s.textContent ?? '').trim().slice(0, 50), control: style.pointerEvents !== 'none', marked: style.display === 'list-item' && style.listStyleType !== 'none' };
      }));
      summaries += found.filter((s) => s.control).length;
      unmarked.push(...found.filter((s) => s.control && !s.marked).map((s) => `${path}: ${s.text}`));
    }
    expect(summaries).toBeGreaterThanOrEqual(4);
    expect(unmarked).toEqual([]);
    await page.close();
  });

  it('no page scrolls sideways on a 360 px phone (wide tables and diagrams scroll in their own box)', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/sops/`);
    const sopPaths = await page.locator('.sop-row h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const wide: string[] = [];
    for (const path of ['/', '/sops/', '/glossary/', '/guide/', '/search/', ...sopPaths]) {
      await page.goto(`${site.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${path} (+${overflow}px)`);
    }
    expect(sopPaths.length).toBeGreaterThanOrEqual(6);
    expect(wide).toEqual([]);
    await page.close();
  });

  it("on a 360 px phone no table of an SOP page scrolls sideways, in any language: wide tables read as cards under their columns' names", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/sops/`);
    const sopPaths = await page.locator('.sop-row h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const wide: string[] = [];
    let cards = 0;
    for (const path of [...sopPaths, `/fr${sopPaths[0]}`, '/fr/sops/birth-registration/', '/ar/sops/birth-registration/']) {
      await page.goto(`${site.url}${path}`);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('.sop .table-wrap')].map((w) => ({ name: w.getAttribute('aria-label') ?? document.getElementById(w.getAttribute('aria-labelledby') ?? '')?.textContent ?? '', over: w.scrollWidth - w.clientWidth, cards: w.classList.contains('phone-cards') })),
      );
      for (const t of found) if (t.over > 1) wide.push(`${path} ${t.name} (+${t.over}px)`);
      cards += found.filter((t) => t.cards).length;
    }
    expect(wide).toEqual([]);
    expect(cards).toBeGreaterThan(sopPaths.length);
    // A Markdown table's card: the row's first cell as its head, each other value under its column's name.
    await page.goto(`${site.url}/sops/death-registration/`);
    const records = page.locator('.sop-body .table-wrap.phone-cards:not(.step-table)').first();
    const heads = await records.locator('thead th').allTextContents();
    const second = records.locator('tbody tr').first().locator('td').nth(1);
    expect(await second.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${heads[1]!.trim()}: "`);
    // French puts a no-break space before the colon.
    await page.goto(`${site.url}/fr/sops/birth-registration/`);
    const history = page.locator('#history-title ~ .table-wrap tbody td[data-label]').first();
    expect(await history.evaluate((td) => getComputedStyle(td, '::before').content)).toBe('"Date\u00a0: "');
    await page.close();
  });

  it("the authoring guide's code examples pass axe (contrast, keyboard-scrollable) on a desktop and a phone", async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
      const page = await site.browser.newPage({ viewport });
      await page.goto(`${site.url}/guide/`);
      expect(await page.locator('pre code').count()).toBeGreaterThan(5);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
  });

  it("the authoring guide shows every component it writes outside code, and marks its Arabic and French examples' language", async () => {
    // A `<Param … />` written outside backticks was read as HTML and dropped: the guide read
    // "at least " rather than " or more replacements". Its Arabic examples ("يومان") had no lang.
    const guide = readFileSync(join(process.cwd(), 'content/guide/authoring.md'), 'utf8');
    const prose = guide.split(/(```[\s\S]*?```|`[^`]*`)/).filter((_, i) => i % 2 === 0).join('');
    expect(prose.match(/<[A-Z][A-Za-z]*\b[^>]*>/g) ?? []).toEqual([]);
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/guide/`);
    await expect(page.locator('main').textContent()).resolves.toContain('at least <Param id="replacement-limit" />');
    const unmarked = await page.locator('main').evaluate((main) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (el.closest('code, pre')) continue;
        if (/[\u0600-\u06FF]/.test(n.textContent ?? '') && el.closest('[lang]')?.getAttribute('lang') !== 'ar') out.push(n.textContent!.trim());
      }
      return out;
    });
    expect(unmarked).toEqual([]);
    expect(await page.locator('main span[lang="ar"]').count()).toBeGreaterThan(5);
    await page.close();
  });

  it('a case study tied to a scenario opens that case in the simulator', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/sops/birth-registration/`);
    const link = page.locator('.case-study-practise a').first();
    const href = (await link.getAttribute('href')) ?? '';
    const scenario = new URL(href, site.url).searchParams.get('scenario');
    expect(scenario).toBeTruthy();
    await link.click();
    await page.locator('.wf-sim:not([hidden])').waitFor();
    await expect(page.locator('.wf-sim [data-sim-scenario]').inputValue()).resolves.toBe(scenario);
    await page.close();
  });

  it('glossary terms show their definition on keyboard focus', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/sops/birth-registration/`);
    const term = page.locator('.term').first();
    await expect(term.locator('.term-def').isVisible()).resolves.toBe(false);
    await term.locator('a').focus();
    await expect(term.locator('.term-def').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('a term\'s definition closes with Escape (WCAG 1.4.13), and one focused on the window\'s last line opens on the screen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/sops/birth-registration/`);
    const term = page.locator('.term').first();
    const def = term.locator('.term-def');
    const link = term.locator('a');
    // The term on the last line of the window, as Tab leaves a term it scrolls to.
    await link.evaluate((a) => {
      a.scrollIntoView({ block: 'end' });
      a.focus({ preventScroll: true });
    });
    await expect.poll(() => def.isVisible()).toBe(true);
    const box = await link.evaluate((a) => {
      const d = a.parentElement!.querySelector('.term-def')!.getBoundingClientRect();
      const t = a.getBoundingClientRect();
      return { top: d.top, bottom: d.bottom, h: window.innerHeight, clear: d.bottom <= t.top + 1 || d.top >= t.bottom - 1 };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.h);
    expect(box.clear).toBe(true);
    // Escape closes it, the focus staying on the term; it shows again when the term is focused again.
    await page.keyboard.press('Escape');
    await expect.poll(() => def.isVisible()).toBe(false);
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    await expect.poll(() => def.isVisible()).toBe(true);
    // A definition shown by the pointer closes with Escape too.
    await link.evaluate((a) => a.blur());
    const other = page.locator('.term').nth(1);
    await other.locator('a').hover();
    await expect.poll(() => other.locator('.term-def').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => other.locator('.term-def').isVisible()).toBe(false);
    await page.close();
  });

  it('a term\'s definition stays open while the pointer moves from the term down onto it (WCAG 1.4.13, hoverable)', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.url}/sops/birth-registration/`);
    const term = page.locator('.term').first();
    await term.locator('a').evaluate((a) => a.scrollIntoView({ block: 'center' }));
    const link = (await term.locator('a').boundingBox())!;
    await page.mouse.move(link.x + 4, link.y + link.height / 2);
    const def = term.locator('.term-def');
    await expect.poll(() => def.isVisible()).toBe(true);
    const box = (await def.boundingBox())!;
    // Down from the term to the middle of its definition, a pixel at a time, as a hand moves.
    const [from, to] = [link.y + link.height / 2, box.y + box.height / 2];
    const lost: number[] = [];
    for (let y = from; y <= to; y += 1) {
      await page.mouse.move(link.x + 4, y);
      if (!(await def.isVisible())) lost.push(Math.round(y - link.y));
    }
    expect(lost, 'pixels below the term\'s top where the definition closed').toEqual([]);
    await page.close();
  });

  it('on a 360 px phone a term\'s definition stays on the screen and clear of the term, in English and Arabic', async () => {
    for (const path of ['/sops/birth-registration/', '/ar/sops/birth-registration/']) {
      const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${site.url}${path}`);
      const links = page.locator('.term > a');
      const n = await links.count();
      expect(n).toBeGreaterThan(10);
      const bad: string[] = [];
      for (let i = 0; i < n; i++) {
        await links.nth(i).focus();
        const r = await links.nth(i).evaluate((a) => {
          const def = a.parentElement!.querySelector('.term-def')!.getBoundingClientRect();
          const term = a.getBoundingClientRect();
          return { left: def.left, right: def.right, top: def.top, bottom: def.bottom, termBottom: term.bottom, wide: document.documentElement.scrollWidth - window.innerWidth, h: window.innerHeight, text: a.textContent };
        });
        if (r.left < 0 || r.right > 360 || r.bottom > r.h || r.wide > 0 || r.termBottom > r.top) bad.push(`${r.text}: ${JSON.stringify(r)}`);
      }
      expect(bad, path).toEqual([]);
      await page.close();
    }
  });

  for (const path of ['/', '/sops/', '/glossary/', '/sops/national-id-enrolment/']) {
    it(`${path} has no WCAG 2.1 A/AA violations (axe-core)`, async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.url}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('landmarks', () => {
  // A labelled section whose heading also names the table's scroll box inside it made two regions
  // of one name, which a screen reader's list of landmarks cannot tell apart (axe best practice
  // landmark-unique; outside the WCAG tags the other tests run).
  // (/assessments/: every test's card had a "Pre-test" region; the ID module: three case files' tables of the same header cells.)
  for (const path of ['/sops/birth-registration/', '/modules/civil-registration-births-deaths/', '/fr/modules/civil-registration-births-deaths/', '/modules/national-id-enrolment-module/', '/courses/registry-officers/', '/courses/registry-officers/guide/', '/concordance/', '/assessments/', '/fr/assessments/']) {
    it(`${path}: no two landmarks share a name`, async () => {
      const page = await site.browser.newPage();
      await page.goto(`${site.url}${path}`);
      await expect(page.locator('[role="region"], section[aria-labelledby]').count()).resolves.toBeGreaterThan(1);
      expect(await axeViolations(page, { rules: ['landmark-unique'] })).toEqual([]);
      await page.close();
    });
  }

  it("the ID module's case-file tables name every column (axe empty-table-header)", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/modules/national-id-enrolment-module/`);
    await expect(page.locator('th:text-is("Detail")').count()).resolves.toBe(3);
    expect(await axeViolations(page, { rules: ['empty-table-header'] })).toEqual([]);
    await page.close();
  });

  // The trainer's notes, speaker notes and facilitator keys were complementary landmarks (asides)
  // inside sections, several named "Trainer note" on one page; they are notes (role="note").
  const trainer = useBuiltSite('trainer');
  for (const path of ['/sops/refugee-registration/', '/modules/legal-identity-foundations/', '/fr/modules/legal-identity-foundations/']) {
    it(`trainer edition ${path}: its notes are notes, not landmarks`, async () => {
      const page = await trainer.browser.newPage();
      await page.goto(`${trainer.url}${path}`);
      await expect(page.locator('aside.trainer-note, aside.speaker-notes').count()).resolves.toBeGreaterThan(0);
      expect(await axeViolations(page, { rules: ['landmark-unique', 'landmark-complementary-is-top-level'] })).toEqual([]);
      await page.close();
    });
  }
});
