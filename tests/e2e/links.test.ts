import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** Every .html file under a folder. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const attr = /\s(?:href|src)="([^"]+)"/g;

/** Attribute values as the browser reads them (`&#38;` and `&amp;` are `&`). */
function decodeEntities(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"');
}
const ids = /\sid="([^"]+)"/g;

// A static site has no server to answer a broken link: every internal link and anchor must
// exist in dist/ (pages, PDFs, CSV templates, section anchors).
describe('links in the built site', () => {
  it.each(['distDir', 'trainerDistDir'] as const)('%s: every internal link points to a file that exists, and every #anchor to an element on that page', (edition) => {
    const dist = inject(edition);
    const pages = htmlFiles(dist);
    const anchors = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let set = anchors.get(file);
      if (!set) {
        set = new Set([...readFileSync(file, 'utf8').matchAll(ids)].map((m) => m[1] ?? ''));
        anchors.set(file, set);
      }
      return set;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const pagePath = '/' + relative(dist, page).replace(/index\.html$/, '');
      for (const [, raw = ''] of html.matchAll(attr)) {
        if (/^(https?:|mailto:|data:|blob:|javascript:)/.test(raw)) continue;
        const url = new URL(decodeEntities(raw), `http://site${pagePath}`);
        let file = join(dist, decodeURIComponent(url.pathname));
        if (url.pathname.endsWith('/')) file = join(file, 'index.html');
        checked++;
        if (!existsSync(file)) {
          broken.push(`${pagePath}: ${raw} (no such file)`);
          continue;
        }
        const hash = decodeURIComponent(url.hash.slice(1));
        if (hash && file.endsWith('.html') && !idsOf(file).has(hash)) broken.push(`${pagePath}: ${raw} (no element with that id)`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });
});
