import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium and the flags that keep it off the network (no request leaves the machine). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Launches headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A static server over a built site, as any web server would serve `dist/`. */
export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/** Serves a folder on a free localhost port. */
export async function serveStatic(dir: string): Promise<StaticSite> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** The two editions of the site (ARCHITECTURE.md, Editions). */
export type Edition = 'participant' | 'trainer';

/** Where the e2e tests' build of each edition goes. */
export const e2eDist: Record<Edition, string> = {
  participant: resolve('.sopkit-cache/e2e-dist'),
  trainer: resolve('.sopkit-cache/e2e-dist-trainer'),
};

/** The variable that names a folder holding a fresh build of an edition, to skip building it. */
export const reuseVariable: Record<Edition, string> = { participant: 'SOPKIT_E2E_DIST', trainer: 'SOPKIT_E2E_DIST_TRAINER' };

/**
 * Builds one edition of the site for the browser tests (vitest globalSetup), through the same
 * script as `npm run build` / `npm run build:trainer`. Set SOPKIT_E2E_DIST (participant) or
 * SOPKIT_E2E_DIST_TRAINER to a folder holding a build of that edition to skip building it.
 */
export function buildSiteForTests(edition: Edition = 'participant'): string {
  const given = process.env[reuseVariable[edition]];
  if (given && existsSync(join(given, 'index.html'))) return resolve(given);
  const result = spawnSync(process.execPath, ['bin/edition.mjs', edition, 'build', '--outDir', e2eDist[edition]], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOPKIT_EDITION: edition },
  });
  if (result.status !== 0) {
    throw new Error(`astro build (${edition} edition) failed for the browser tests:\n${result.stdout}\n${result.stderr}`);
  }
  return e2eDist[edition];
}

/** Runs axe-core in the page and returns the violations at or above a given impact. */
export async function axeViolations(page: Page, options: { exclude?: string[] } = {}) {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async (exclude) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(exclude.length ? { exclude: exclude.map((s) => [s]) } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, options.exclude ?? []);
}
