#!/usr/bin/env node
// First paint of the site's pages on a slow phone connection: first-contentful-paint of the first
// page a reader opens (cold cache) and of a second page opened after it (warm cache), for each
// kind of page, with the bytes each page costs. Median of --runs runs (3).
//   node bench/first-paint.mjs DIST [DIST2 ...] [--runs 3] [--latency 400] [--kbps 400] [--cpu 4]
// Each DIST is a built site (dist/ of `node bin/edition.mjs participant build`); with more than
// one, the first is the reference, runs alternate between them and every other is compared to it.
// Chromium (playwright-core, /usr/bin/chromium) at 360x740, the CDP's Network.emulateNetworkConditions
// (400 ms round trip, 400 kbit/s both ways: Chromium's slow 3G bandwidth) and CPU throttled 4x.
// The sites are served by a static server here, as a host serves them: text gzipped, `_astro/`
// files (hashed names) cached for a year, pages revalidated. Service workers are blocked: the
// worker keeps the same `_astro/` files the HTTP cache keeps (cache first), so the round trips of a
// second page are the same, and its own requests would not be throttled as a page's are.
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, latency: { type: 'string', default: '400' }, kbps: { type: 'string', default: '400' }, cpu: { type: 'string', default: '4' } },
});
if (positionals.length === 0) {
  console.error('usage: node bench/first-paint.mjs DIST [DIST2 ...] [--runs 3] [--latency 400] [--kbps 400] [--cpu 4]');
  process.exit(2);
}
const runs = Number(values.runs);
const network = { offline: false, latency: Number(values.latency), downloadThroughput: (Number(values.kbps) * 1000) / 8, uploadThroughput: (Number(values.kbps) * 1000) / 8 };
const cpuRate = Number(values.cpu);

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.pdf': 'application/pdf', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain', '.webmanifest': 'application/manifest+json' };
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.webmanifest']);

/** A static server of one built site: gzip for text, `_astro/` immutable, the rest revalidated. */
function serve(dir) {
  const root = resolve(dir);
  const zipped = new Map();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const ext = extname(file);
    const headers = { 'content-type': types[ext] ?? 'application/octet-stream', 'cache-control': path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache' };
    let body = readFileSync(file);
    if (compressible.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      if (!zipped.has(file)) zipped.set(file, gzipSync(body, { level: 6 }));
      body = zipped.get(file);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) })));
}

/** One page of each kind in a built site: the home page, two SOP pages, a test page. */
function pagesOf(dir) {
  const sops = readdirSync(join(dir, 'sops'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, 'sops', d.name, 'index.html')))
    .map((d) => `/sops/${d.name}/`)
    .sort();
  // A test page: assessments/<sop>/pre/ (or post/).
  const tests = existsSync(join(dir, 'assessments'))
    ? readdirSync(join(dir, 'assessments'), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .flatMap((d) => ['pre', 'post'].map((t) => `${d.name}/${t}`))
        .filter((t) => existsSync(join(dir, 'assessments', t, 'index.html')))
        .map((t) => `/assessments/${t}/`)
        .sort()
    : [];
  if (sops.length < 2 || tests.length === 0) throw new Error(`${dir}: needs two SOP pages and a test page`);
  return { home: '/', sop: sops[0], sop2: sops[1], test: tests[0] };
}

// What a reader does: open a page from a link (cold), then a second one.
const scenarios = [
  { name: 'home (cold)', first: 'home' },
  { name: 'SOP (cold)', first: 'sop' },
  { name: 'test (cold)', first: 'test' },
  { name: 'SOP after home', first: 'home', second: 'sop' },
  { name: 'SOP after SOP', first: 'sop', second: 'sop2' },
  { name: 'test after SOP', first: 'sop', second: 'test' },
];

/** Open `path` in `page` and wait for its first contentful paint; the bytes it fetched, by type. */
async function visit(page, cdp, url) {
  const bytes = { document: 0, stylesheet: 0, script: 0, other: 0 };
  const kinds = new Map();
  const onResponse = (e) => kinds.set(e.requestId, e.type);
  const onFinished = (e) => {
    const type = (kinds.get(e.requestId) ?? 'Other').toLowerCase();
    bytes[type in bytes ? type : 'other'] += e.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const fcp = await page.evaluate(
    () =>
      new Promise((ok) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (entry) ok(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  return { fcp, bytes };
}

async function measure(browser, site, pages, scenario) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block', isMobile: true, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    const first = await visit(page, cdp, site.url + pages[scenario.first]);
    if (!scenario.second) return first;
    return await visit(page, cdp, site.url + pages[scenario.second]);
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (n) => (n / 1000).toFixed(1);

const sites = [];
for (const dir of positionals) sites.push({ dir, pages: pagesOf(dir), server: await serve(dir), results: new Map() });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  for (let run = 0; run < runs; run++) {
    for (const scenario of scenarios) {
      for (const site of sites) {
        const result = await measure(browser, site.server, site.pages, scenario);
        if (!site.results.has(scenario.name)) site.results.set(scenario.name, []);
        site.results.get(scenario.name).push(result);
      }
    }
  }
} finally {
  await browser.close();
  for (const site of sites) await site.server.close();
}

console.log(`first-contentful-paint, median of ${runs} runs: ${network.latency} ms RTT, ${values.kbps} kbit/s, CPU ${cpuRate}x slower, 360x740, service workers blocked`);
for (const site of sites) console.log(`${site.dir}: home ${site.pages.home}, SOP ${site.pages.sop} then ${site.pages.sop2}, test ${site.pages.test}`);
const rows = [];
for (const scenario of scenarios) {
  const reference = sites[0].results.get(scenario.name);
  const refFcp = median(reference.map((r) => r.fcp));
  for (const [i, site] of sites.entries()) {
    const results = site.results.get(scenario.name);
    const fcp = median(results.map((r) => r.fcp));
    const b = results[0].bytes;
    rows.push({
      page: scenario.name,
      site: site.dir,
      'FCP ms': Math.round(fcp),
      'runs ms': results.map((r) => Math.round(r.fcp)).join(' '),
      ...(sites.length > 1 ? { 'vs ref ms': i === 0 ? '' : (fcp - refFcp >= 0 ? '+' : '') + Math.round(fcp - refFcp) } : {}),
      'HTML kB': kB(b.document),
      'CSS kB': kB(b.stylesheet),
      'JS kB': kB(b.script),
      'all kB': kB(b.document + b.stylesheet + b.script + b.other),
    });
  }
}
console.table(rows);
console.log('kB: bytes transferred (gzipped, with headers) by the page opened last, from the network; cached files cost none.');
