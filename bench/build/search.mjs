// What a reader's first search query downloads, measured in Chromium on a built site: every
// response after the page has loaded and before the results show, counted gzipped (as a web
// server would send text), or raw when gzip would not make it smaller (wasm, pre-compressed).
import { gzipSync } from 'node:zlib';

async function collect(page, act) {
  const pending = [];
  const onResponse = (response) => {
    pending.push(
      response
        .body()
        .then((body) => ({ url: response.url(), raw: body.length, sent: Math.min(body.length, gzipSync(body).length) }))
        .catch(() => ({ url: response.url(), raw: 0, sent: 0 })),
    );
  };
  page.on('response', onResponse);
  await act();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const got = await Promise.all(pending);
  return { requests: got.length, bytes: got.reduce((n, r) => n + r.sent, 0), files: got };
}

/** SOPKit: the search page, then one query typed into its box. */
export async function sopkitFirstQuery(browser, url, query) {
  const page = await browser.newPage();
  await page.goto(`${url}/search/`, { waitUntil: 'networkidle' });
  const result = await collect(page, async () => {
    await page.fill('input[name="q"]', query);
    await page.press('input[name="q"]', 'Enter');
    await page.locator('[data-search-results] li').first().waitFor();
  });
  await page.close();
  return result;
}

/** Starlight: any page, then the search dialog opened and one query typed (Pagefind). */
export async function starlightFirstQuery(browser, url, query) {
  const page = await browser.newPage();
  await page.goto(`${url}/sops/gen-0001/`, { waitUntil: 'networkidle' });
  const result = await collect(page, async () => {
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('site-search input, .pagefind-ui__search-input').first().fill(query);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 120_000 });
  });
  await page.close();
  return result;
}
