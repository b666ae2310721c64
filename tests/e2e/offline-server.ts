import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

/** A static server that records each request and can hold back the files under a prefix, to catch a download half-way. */
export interface GatedSite {
  url: string;
  /** Paths requested, in order (`/sops/x/`). */
  requests: string[];
  /** Holds every response whose path starts with `prefix` until `release()`. */
  hold(prefix: string): void;
  release(): void;
  /** Answers 404 for these paths (`/handbooks/x.pdf`), as for files gone from the server, until `restore()`. */
  lose(paths: readonly string[]): void;
  restore(): void;
  close(): Promise<void>;
}

/** Serves a built site folder on a free localhost port (service workers need localhost or https). */
export async function serveGated(dir: string): Promise<GatedSite> {
  const root = resolve(dir);
  const requests: string[] = [];
  let held: string | undefined;
  let waiting: (() => void)[] = [];
  let lost = new Set<string>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const send = () => {
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      if (lost.has(path)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      // `Vary: Origin` as `astro preview` (Vite) answers: see harness.ts.
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'Origin' });
      createReadStream(file).pipe(res);
    };
    if (held !== undefined && path.startsWith(held)) waiting.push(send);
    else send();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hold: (prefix) => {
      held = prefix;
    },
    release: () => {
      held = undefined;
      for (const send of waiting) send();
      waiting = [];
    },
    lose: (paths) => {
      lost = new Set(paths);
    },
    restore: () => {
      lost = new Set();
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
