import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * Images in an SOP or module body (`![alt](/images/form.png)`): where the file is, what it is and
 * how large, read from its bytes. The check and the PDFs use the same reading, so an image the
 * check passes is one the PDFs can print.
 */

/** What the bytes say the file is (not its name: a JPEG saved as `.png` is a JPEG). */
export type ImageFormat = 'png' | 'jpg' | 'gif' | 'webp' | 'svg';

/** Formats a PDF can hold (pdf-lib embeds PNG and JPEG). The others print as their description. */
export const printableFormats: readonly ImageFormat[] = ['png', 'jpg'];

/** An image file read for printing: format and size in pixels, or why it cannot be read. */
export type ImageFile =
  | { ok: true; bytes: Uint8Array; format: ImageFormat; width: number; height: number }
  | { ok: false; problem: 'missing' | 'unknown-format' | 'unreadable'; path: string }
  | { ok: false; problem: 'too-large'; path: string; width: number; height: number };

/**
 * Most pixels of a PNG or JPEG a page or PDF shows: 40 million (a 48-megapixel phone photo
 * scaled down a little; 7,300 × 5,500). Printed, a PNG is decoded whole: a 20,000 × 20,000 PNG of
 * 1.1 MB took 4.6 GB of memory to print one SOP, and a cheap phone cannot show it either. An
 * image this large is printed at over 1,000 dots per inch anyway.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/**
 * Where an image's URL points on disk, or `undefined` for one on another site (`https:`, `data:`)
 * or from the site root with `//`. A path from the site root is under `public/`; any other is
 * relative to the file that names it (a training module's page bundles it from there).
 * @param url The image's URL as written.
 * @param root Project root.
 * @param fileAbs Absolute path of the file that names it.
 */
export function imagePath(url: string, root: string, fileAbs: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const written = url.replace(/[?#].*$/, '');
  let path = written;
  try {
    path = decodeURI(written);
  } catch {
    // A lone % (`/images/100%.png`): the name as written.
  }
  return path.startsWith('/') ? resolve(root, 'public', `.${path}`) : resolve(dirname(fileAbs), path);
}

/** Whether an image's path stays inside the project (`../../` can climb out of `public/`). */
export function insideProject(root: string, path: string): boolean {
  const from = relative(root, path);
  return !!from && !from.startsWith('..') && !isAbsolute(from);
}

/** The format the first bytes name, or `undefined`. */
export function imageFormat(b: Uint8Array): ImageFormat | undefined {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'webp';
  const head = new TextDecoder().decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg';
  return undefined;
}

/** Width and height in pixels of a PNG or JPEG, or `undefined` when the bytes do not hold them. */
export function imageSize(b: Uint8Array, format: 'png' | 'jpg'): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (format === 'png') {
    // The IHDR chunk comes first: its width and height follow the signature and chunk header.
    if (b.length < 33 || chunkType(b, 12) !== 'IHDR') return undefined;
    const size = { width: v.getUint32(16), height: v.getUint32(20) };
    if (!(size.width > 0 && size.height > 0)) return undefined;
    // Every chunk fits in the file and the last is IEND: a file cut short (a failed copy or
    // download) has neither, and its image data would decode to a partial or garbled picture.
    for (let i = 8; i + 12 <= b.length; ) {
      const length = v.getUint32(i);
      if (i + 12 + length > b.length) return undefined;
      if (chunkType(b, i + 4) === 'IEND') return size;
      i += 12 + length;
    }
    return undefined;
  }
  // JPEG: walk the segments to the first start-of-frame (baseline, extended or progressive).
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return undefined;
    const marker = v.getUint16(i);
    const len = v.getUint16(i + 2);
    if (marker >= 0xffc0 && marker <= 0xffcf && marker !== 0xffc4 && marker !== 0xffc8 && marker !== 0xffcc) {
      const size = { width: v.getUint16(i + 7), height: v.getUint16(i + 5) };
      return size.width > 0 && size.height > 0 ? size : undefined;
    }
    if (len < 2) return undefined;
    i += 2 + len;
  }
  return undefined;
}

function chunkType(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
}

/**
 * Reads an image for printing: the file, its format by its bytes, its size for PNG and JPEG.
 * Never throws: a missing, unknown or damaged file is named as such.
 * @param path Absolute path (from `imagePath`).
 */
export function readImage(path: string): ImageFile {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return { ok: false, problem: 'missing', path };
  }
  const format = imageFormat(bytes);
  if (!format) return { ok: false, problem: 'unknown-format', path };
  if (format !== 'png' && format !== 'jpg') return { ok: true, bytes, format, width: 0, height: 0 };
  const size = imageSize(bytes, format);
  if (size && size.width * size.height > MAX_IMAGE_PIXELS) return { ok: false, problem: 'too-large', path, ...size };
  return size ? { ok: true, bytes, format, ...size } : { ok: false, problem: 'unreadable', path };
}
