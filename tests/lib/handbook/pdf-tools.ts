import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for generated PDFs. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sopkit-handbook-'));
}

/** Writes bytes to a file in a folder and returns its path. */
export function saveTo(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** `qpdf --check`: exit status and output. */
export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const r = spawnSync('qpdf', ['--check', path], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Text of a PDF (or of a page range) as poppler's pdftotext extracts it. */
export function pdfText(path: string, first?: number, last?: number, mode: '-layout' | '-raw' = '-layout'): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', [mode, ...range, path, '-'], { encoding: 'utf8' });
}

/** `pdfinfo` fields. */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

interface QpdfOutline {
  title: string;
  destpageposfrom1?: number;
  kids: QpdfOutline[];
}

/** qpdf's JSON view: outline and page labels. */
export function qpdfJson(path: string): { outlines: QpdfOutline[]; pagelabels: { index: number; label: Record<string, unknown> }[] } {
  return JSON.parse(execFileSync('qpdf', ['--json', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

/** Renders one page to PNG at a resolution and decodes any QR code on it with zbarimg. */
export function decodeQr(path: string, page: number, dir: string): string {
  const prefix = join(dir, `qr-${page}`);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', '-f', String(page), '-l', String(page), path, prefix]);
  const r = spawnSync('zbarimg', ['--quiet', '--raw', `${prefix}.png`], { encoding: 'utf8' });
  return r.stdout.trim();
}

/** `pdffonts`: one row per font with its name and whether it is embedded and subset. */
export function pdfFonts(path: string): { name: string; embedded: boolean; subset: boolean }[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name, type (one or two words), encoding, emb, sub, uni, object, generation
      const [emb, sub] = cols.slice(-5, -3);
      return { name: cols[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/** Words of a page with their boxes (`pdftotext -bbox`), in the order poppler lists them. */
export function pdfWords(path: string, page: number): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4]!,
  }));
}

/** Text without the bidi embedding marks (U+202A–U+202E) pdftotext puts around right-to-left runs. */
export function withoutBidiMarks(text: string): string {
  return text.replace(/[\u202a-\u202e]/g, '');
}

/** The content streams of a PDF, uncompressed (`qpdf --qdf`), as Latin-1 text. */
export function contentText(path: string, dir: string): string {
  const out = join(dir, 'qdf.pdf');
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, out]);
  return readFileSync(out, 'latin1');
}

/** Rectangles (`x y w h re`) of a PDF's content streams (uncompressed by qpdf), in PDF points. */
export function pdfRectangles(path: string): { x: number; y: number; w: number; h: number }[] {
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
  return [...qdf.matchAll(/^(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re$/gm)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));
}

/** Straight lines (`x1 y1 m x2 y2 l`) of a PDF's content streams (uncompressed by qpdf), in PDF points. */
export function pdfSegments(path: string): { x1: number; y1: number; x2: number; y2: number }[] {
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
  return [...qdf.matchAll(/^(-?[\d.]+) (-?[\d.]+) m\n(-?[\d.]+) (-?[\d.]+) l$/gm)].map((m) => ({ x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]) }));
}

/** One page of a PDF as a PDF of its own (qpdf), to measure what is drawn on it alone. */
export function pdfPage(path: string, page: number, dir: string): string {
  const out = join(dir, `page-${page}.pdf`);
  execFileSync('qpdf', ['--empty', '--pages', path, String(page), '--', out]);
  return out;
}

/** The first page (1-based) whose text contains every one of some strings, or 0. */
export function pageWith(path: string, ...texts: string[]): number {
  const pages = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  return pages.findIndex((p) => texts.every((t) => p.includes(t))) + 1;
}
