import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';
import { WAIT } from './simulator-helpers.ts';
import ar from '../../src/i18n/ar.json';
import en from '../../src/i18n/en.json';

const site = useBuiltSite();

describe('search page', () => {
  it('finds the section on foundlings, links to its anchor, and keeps working offline', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site.url}/search/`);
    expect(requests.some((u) => u.includes('/search-index/'))).toBe(false); // loaded on first query only
    await page.fill('input[name="q"]', 'foundling');
    await page.press('input[name="q"]', 'Enter');
    const first = page.locator('[data-search-results] li a').first();
    await expect(first.textContent()).resolves.toBeTruthy();
    const titles = await page.locator('[data-search-results] li a').allTextContents();
    expect(titles.some((t) => /§6\.\d+ .*foundling/i.test(t))).toBe(true);
    const href = await page.locator('[data-search-results] li a', { hasText: /§6\.\d+/ }).first().getAttribute('href');
    expect(href).toMatch(/^\/sops\/birth-registration\/#/);
    // The first query fetched the manifest, the shards of its words and its hits' snippets only:
    // 13 of the sample pack's 351 files (the manifest, one shard, the snippet files of 30 hits in
    // SOPs, modules and the glossary; 10 before modules were indexed, with 22 hits).
    const fetched = requests.filter((u) => u.includes('/search-index/'));
    expect(fetched.some((u) => u.endsWith('/manifest.json'))).toBe(true);
    expect(fetched.length).toBeLessThan(16);
    // Once loaded, what it fetched answers without the network: the same words in another form.
    await context.setOffline(true);
    await page.fill('input[name="q"]', 'Foundlings');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(/\d+ results? for “Foundlings”/);
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    // A word whose shard was never fetched cannot be searched offline: the page says so, and the
    // last word's results do not stay listed under it.
    await page.fill('input[name="q"]', 'fingerprint');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toBe(en['search.failed']);
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    // Online again, a query with other words fetches their shards.
    await context.setOffline(false);
    await page.fill('input[name="q"]', 'cause of death');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(/\d+ results? for “cause of death”/);
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect(requests.every((u) => u.startsWith(site.url))).toBe(true);
    await context.close();
  });

  it('finds a training module and its session, says so, and links to the session on the module page', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('verbal autopsy')}`);
    const results = page.locator('[data-search-results] li');
    await expect.poll(() => results.count(), { timeout: WAIT }).toBeGreaterThan(0);
    const session = results.filter({ has: page.locator('a[href^="/modules/civil-registration-births-deaths/#session-"]') }).first();
    expect(await session.locator('a').textContent()).toMatch(/^M2 Session \d+ · .*verbal autopsy/);
    expect(await session.locator('.hit-context').textContent()).toBe('Birth and death registration, including late and delayed registration');
    const whole = results.filter({ has: page.locator('a[href="/modules/civil-registration-births-deaths/"]') });
    expect(await whole.locator('.hit-context').textContent()).toBe(en['site.nav.modules']);
    expect(await axeViolations(page)).toEqual([]);
    // The session's link opens the module page at that session's heading.
    const href = (await session.locator('a').getAttribute('href')) ?? '';
    await session.locator('a').click();
    await page.waitForURL(`**${href}`);
    await expect.poll(() => page.locator(`#${href.split('#')[1]} h2`).isVisible(), { timeout: WAIT }).toBe(true);
    // An English module's hit on an Arabic page: untranslated-module.test.ts (every module is in Arabic).
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out a hit of the source language on an Arabic page left to right, and its Arabic words right to left', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // "death": an English word, so hits come from the English index (SOPs not translated into Arabic, the glossary's English).
    await page.goto(`${site.url}/ar/search/?q=death`);
    const english = page.locator('[data-search-results] li', { has: page.locator('a[lang="en"]') }).first();
    await english.waitFor({ timeout: WAIT });
    const direction = (selector: string) => english.locator(selector).first().evaluate((e) => getComputedStyle(e).direction);
    // Laid out right to left, "The period … sets it …" showed its "…" at the start of the last line.
    expect(await direction('a')).toBe('ltr');
    expect(await direction('p:not(.hit-context)')).toBe('ltr');
    // The item itself stays on the list's side (global.css), its number with the others'.
    expect(await english.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
    // "Glossary · In English" or "In English" after an English SOP's title: the reader's words, right to left.
    expect(await direction('[lang="ar"]')).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks in each hit the words the query found, a typo\'s word too, in English and in Arabic, readable (axe)', async () => {
    const page = await site.browser.newPage();
    const markedIn = async (path: string) => {
      await page.goto(`${site.url}${path}`);
      await page.locator('[data-search-results] li').first().waitFor({ timeout: WAIT });
      return page.locator('[data-search-results] mark').allTextContents();
    };
    const late = await markedIn('/search/?q=late%20registration');
    expect(late.length).toBeGreaterThan(5);
    expect(late.filter((w) => !/^(late|registration)$/i.test(w))).toEqual([]);
    // The first hit, the glossary's "Late registration", has both words marked in its title.
    await expect(page.locator('[data-search-results] li a').first().locator('mark').allTextContents()).resolves.toEqual(['Late', 'registration']);
    // The text around the marks is the title as written.
    await expect(page.locator('[data-search-results] li a').first().textContent()).resolves.toBe('Late registration');
    expect(await axeViolations(page)).toEqual([]);
    // A typo: the word the index found for it is marked as the text writes it.
    const typo = await markedIn('/search/?q=registraton');
    expect(typo.some((w) => /^registration$/i.test(w))).toBe(true);
    const arabic = await markedIn(`/ar/search/?q=${encodeURIComponent('شاهد')}`);
    expect(arabic).toContain('شاهد');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('accepts a query in the address (?q=) and odd characters without failing', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('late: registration*')}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: WAIT }).toMatch(/results? for/);
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says a list cut at 30 hits is the first 30, not all there are; a shorter list gives its count', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/search/`);
    const status = page.locator('[data-search-status]');
    const results = page.locator('[data-search-results] li');
    // "registration" is in nearly every section of the pack: it said "30 results for “registration”".
    await page.fill('input[name="q"]', 'registration');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => status.textContent(), { timeout: WAIT }).toContain('“registration”');
    expect(await results.count()).toBe(30);
    expect(await status.textContent()).toBe(en['search.results.more'].replace('{count}', '30').replace('{query}', 'registration'));
    // A word of a few sections: its count, as before.
    await page.fill('input[name="q"]', 'verbal autopsy');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => status.textContent(), { timeout: WAIT }).toContain('“verbal autopsy”');
    const shown = await results.count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(30);
    expect(await status.textContent()).toBe(`${shown} result${shown === 1 ? '' : 's'} for “verbal autopsy”`);
    // And in French, its own words.
    await page.goto(`${site.url}/fr/search/`);
    await page.fill('input[name="q"]', 'registration');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => status.textContent(), { timeout: WAIT }).toContain('registration');
    expect(await status.textContent()).toMatch(/^Les 30 premiers résultats pour «\u00a0registration\u00a0»\./);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says what to try when nothing is found, with links to the procedures, the training modules and the glossary, and asks for words when there are none', async () => {
    const page = await site.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}/search/`);
    const status = page.locator('[data-search-status]');
    const results = page.locator('[data-search-results] li');
    const browse = en['search.browse'].replace('{procedures}', en['search.browse.procedures']).replace('{modules}', en['search.browse.modules']).replace('{glossary}', en['search.browse.glossary']);
    // Hits first: what follows must replace them, not sit above them.
    await page.fill('input[name="q"]', 'foundling');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => status.textContent(), { timeout: WAIT }).toMatch(/\d+ results? for “foundling”/);
    expect(await results.count()).toBeGreaterThan(0);
    // A word in no page: the count said only "0 results for “qwxzvk”".
    await page.fill('input[name="q"]', 'qwxzvk');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => status.innerText(), { timeout: WAIT }).toContain(en['search.noHits']);
    expect(await status.innerText()).toBe(`0 results for “qwxzvk”\n${en['search.noHits']} ${browse}`);
    expect(await results.count()).toBe(0);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const links = await status.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([[en['search.browse.procedures'], '/sops/'], [en['search.browse.modules'], '/modules/'], [en['search.browse.glossary'], '/glossary/']]);
    for (const [, path] of links) expect((await page.request.get(`${site.url}${path}`)).ok(), path ?? '').toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Only spaces: no query at all (the address drops it), so no results and what to type instead.
    await page.fill('input[name="q"]', 'foundling');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => results.count(), { timeout: WAIT }).toBeGreaterThan(0);
    await page.fill('input[name="q"]', '   ');
    await page.press('input[name="q"]', 'Enter');
    await expect.poll(() => status.innerText(), { timeout: WAIT }).toBe(`${en['search.empty']} ${browse}`);
    expect(await results.count()).toBe(0);
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what to try in the reader’s language, linking the lists of that language', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/ar/search/?q=qwxzvk`);
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.innerText(), { timeout: WAIT }).toContain(ar['search.noHits']);
    const links = await status.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([[ar['search.browse.procedures'], '/ar/sops/'], [ar['search.browse.modules'], '/ar/modules/'], [ar['search.browse.glossary'], '/ar/glossary/']]);
    for (const [, path] of links) expect((await page.request.get(`${site.url}${path}`)).ok(), path ?? '').toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
