import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve } from 'node:path';
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
      // As GitHub Pages, Netlify and `astro preview` do: the site's own 404.html, with status 404.
      const missing = join(root, '404.html');
      if (existsSync(missing)) createReadStream(missing).pipe(res.writeHead(404, { 'content-type': types['.html'] ?? 'text/html' }));
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // `Vary: Origin`, as `astro preview` (Vite) and any host with CORS switched on answer: the
    // service worker must still match the copies it saved (a module script's request carries an
    // Origin header that the worker's own fetches do not).
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', vary: 'Origin' });
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

/** A build of one edition for the browser tests, started in the background by the global setup. */
export interface SiteBuild {
  readonly edition: Edition;
  /** Where the site is (or will be). */
  readonly dir: string;
  /** The file the global setup writes when the build ends (`BuildStatus`); null for a reused build. */
  readonly statusFile: string | null;
}

/** What a finished background build left in its status file. */
interface BuildStatus {
  code: number | null;
  signal: string | null;
  output: string;
}

/**
 * A guard against a build that never ends, not a budget: far above what a busy two-core machine
 * needs for the sample pack (1.5 to 3 minutes per edition).
 */
const BUILD_GIVE_UP_MS = 40 * 60_000;
/** How much of a build's output a failure shows (its end, where Astro prints the error). */
const OUTPUT_KEPT = 200_000;

/** Builds one edition into a folder, keeping the end of its output; gives up after BUILD_GIVE_UP_MS. */
function runBuild(edition: Edition, dir: string, started: (child: ChildProcess) => void): Promise<BuildStatus> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['bin/edition.mjs', edition, 'build', '--outDir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SOPKIT_EDITION: edition },
    });
    started(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      child.kill('SIGKILL');
    }, BUILD_GIVE_UP_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      done({ code: null, signal: null, output: `could not start the build: ${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, output: gaveUp ? `${output}\n(stopped: still building after ${BUILD_GIVE_UP_MS / 60_000} minutes)` : output });
    });
  });
}

/**
 * Starts building editions of the site for the browser tests (vitest globalSetup), one after
 * the other, through the same script as `npm run build` / `npm run build:trainer`, and returns at
 * once: the unit and process tests run while they build, and each browser test file waits for the
 * builds before it starts (`waitForSiteBuilds`). One after the other, the second build reads what
 * the first left in `.sopkit-cache/` (compiled CLI, parsed and compiled MDX, workflow layouts);
 * side by side, both made all of it. Set SOPKIT_E2E_DIST (participant) or SOPKIT_E2E_DIST_TRAINER
 * to a folder holding a build of that edition to skip building it.
 * @returns The builds, and `stop` (global teardown) that ends the one still running, if any.
 */
export function startSiteBuilds(editions: readonly Edition[]): { builds: SiteBuild[]; stop: () => Promise<void> } {
  const builds = editions.map((edition): SiteBuild => {
    const given = process.env[reuseVariable[edition]];
    if (given && existsSync(join(given, 'index.html'))) return { edition, dir: resolve(given), statusFile: null };
    const statusFile = `${e2eDist[edition]}.status.json`;
    rmSync(statusFile, { force: true });
    return { edition, dir: e2eDist[edition], statusFile };
  });
  let stopped = false;
  let running: ChildProcess | undefined;
  const chain = (async () => {
    for (const { edition, dir, statusFile } of builds) {
      if (!statusFile) continue;
      const status = stopped
        ? { code: null, signal: null, output: 'not started: the tests ended first' }
        : await runBuild(edition, dir, (child) => {
            running = child;
          });
      mkdirSync(dirname(statusFile), { recursive: true });
      writeFileSync(`${statusFile}.tmp`, JSON.stringify(status));
      renameSync(`${statusFile}.tmp`, statusFile);
    }
  })();
  return {
    builds,
    stop: async () => {
      stopped = true;
      if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
      await chain;
    },
  };
}

/**
 * Waits until the global setup's builds have ended (their status files appear), and fails with
 * the build's own output if one failed. Runs before each browser test file (a setup file).
 */
export async function waitForSiteBuilds(builds: readonly SiteBuild[]): Promise<void> {
  // The builds run one after the other, each given up by the global setup after BUILD_GIVE_UP_MS.
  const giveUp = Date.now() + builds.length * BUILD_GIVE_UP_MS + 60_000;
  for (const build of builds) {
    if (!build.statusFile) continue;
    while (!existsSync(build.statusFile)) {
      if (Date.now() > giveUp) throw new Error(`the ${build.edition} edition's build for the browser tests never reported its end (${build.statusFile})`);
      await new Promise((wake) => setTimeout(wake, 250));
    }
    const status = JSON.parse(readFileSync(build.statusFile, 'utf8')) as BuildStatus;
    if (status.code !== 0) {
      const how = status.code === null ? `was stopped (${status.signal ?? 'did not start'})` : `exited with ${status.code}`;
      throw new Error(`astro build (${build.edition} edition) for the browser tests ${how}:\n${status.output}`);
    }
  }
}

/**
 * Builds one edition as the browser tests do (or reuses the folder SOPKIT_E2E_DIST /
 * SOPKIT_E2E_DIST_TRAINER names) and returns where it is: for the bench scripts.
 */
export async function buildSiteForBench(edition: Edition = 'participant'): Promise<string> {
  const { builds } = startSiteBuilds([edition]);
  await waitForSiteBuilds(builds);
  return builds[0]!.dir;
}

/**
 * Runs axe-core in the page and returns its violations: of WCAG 2.1 A and AA, or of the rules
 * named (`rules: ['landmark-unique']`, for best-practice rules outside those tags).
 */
export async function axeViolations(page: Page, options: { exclude?: string[]; rules?: string[] } = {}) {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async ({ exclude, rules }) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(exclude.length ? { exclude: exclude.map((s) => [s]) } : document, {
      runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, { exclude: options.exclude ?? [], rules: options.rules });
}
