import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { binaryKind } from '../binary-kind.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/** Decodes UTF-8 and throws on the first byte that is not UTF-8; keeps a BOM as U+FEFF, as `readFileSync(path, 'utf8')` does. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Where the first byte that is not UTF-8 is: its offset, or -1 when the bytes are all UTF-8.
 * (Called only once `TextDecoder` has refused the bytes, to say where.)
 */
function firstBadByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, min, max] = b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] : b === 0xe0 ? [3, 0xa0, 0xbf] : b === 0xed ? [3, 0x80, 0x9f] : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] : b === 0xf0 ? [4, 0x90, 0xbf] : b === 0xf4 ? [4, 0x80, 0x8f] : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] : [0, 0, 0];
    if (!length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += length;
  }
  return -1;
}

/** True when the bytes start with the byte-order mark of UTF-16 (Notepad's "Unicode"). */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Why bytes read from a content file are not UTF-8 text, as a diagnostic at the first bad byte
 * (line and column of the file), or undefined when they are. A text editor on Windows saves
 * "ANSI" (Windows-1252) or "Unicode" (UTF-16) unless told otherwise: read as UTF-8, such a file
 * passed the check and showed "�" on the page and in the PDF.
 * @param bytes The file's bytes.
 * @param file Path for the message, relative to the project root.
 */
export function encodingProblem(bytes: Uint8Array, file: string): Diagnostic | undefined {
  if (isUtf16(bytes)) {
    return diagnostic('error', 'file/encoding', file, `${file} is saved as UTF-16 ("Unicode"); save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)`);
  }
  try {
    strict.decode(bytes);
    return undefined;
  } catch {
    // A photo, a PDF or a workbook under a text file's name: "saved as Windows-1252" misled.
    const kind = binaryKind(bytes);
    if (kind) return diagnostic('error', 'file/encoding', file, `${file} is not a text file: it is ${kind}; give the text file itself, saved as UTF-8`);
    const at = firstBadByte(bytes);
    if (at < 0) return diagnostic('error', 'file/encoding', file, `${file} is not UTF-8: save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)`);
    // lastIndexOf(x, -1) searches from the end: a bad first byte was put on the last line.
    const lineStart = at > 0 ? bytes.lastIndexOf(0x0a, at - 1) + 1 : 0;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    // The bytes before the bad one on its line are UTF-8: count their characters.
    const column = [...lenient.decode(bytes.subarray(lineStart, at))].length + 1;
    const hex = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return diagnostic('error', 'file/encoding', file, `${file} is not UTF-8 (byte 0x${hex} at line ${line}, column ${column}; an editor saved it as Windows-1252 or Latin-1): save it as UTF-8 (in the editor: Save as, Encoding: UTF-8)`, { line, column });
  }
}

/** The error for a content file that is a named pipe, socket or device (`notOrdinary`). */
function notOrdinaryFile(kind: string, file: string): Diagnostic {
  return diagnostic('error', 'file/unreadable', file, `${file} is ${kind}, not a file: ${kind === 'a named pipe' ? 'reading it would wait for a program to write to it' : 'reading it may never end'}; delete it, or put the file itself in its place`);
}

/** Endings of the files a project reads from its content folders. */
const CONTENT_ENDINGS = ['.mdx', '.md', '.yaml', '.yml', '.ts', '.csv', '.xlsx'];

/**
 * An error for each named pipe, socket or device (or link to one) with a content file's name
 * under `content/`, `workflows/` and `quizzes/`, at any depth: folders list only ordinary files
 * and folders (`listFiles`), so nothing reads one (a pipe waits for a writer forever, /dev/zero
 * never ends), and the check names each here. Linked folders are not followed (a link loop).
 * @param root Project root (absolute).
 */
export function specialFiles(root: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (!entry.isFile() && CONTENT_ENDINGS.some((e) => entry.name.endsWith(e))) {
        let kind: string | undefined;
        try {
          kind = notOrdinary(statSync(join(root, path)));
        } catch {
          kind = undefined; // a broken link or a loop: reading it says so (`unreadableFile`)
        }
        if (kind) out.push(notOrdinaryFile(kind, path));
      }
    }
  };
  for (const dir of ['content', 'workflows', 'quizzes']) walk(dir);
  return out;
}

/** Whether a path is a named pipe, socket or device (or a link to one): nothing to read as a file. */
export function isSpecialFile(absPath: string): boolean {
  try {
    return notOrdinary(statSync(absPath)) !== undefined;
  } catch {
    return false;
  }
}

/** What a path that is neither a file nor a folder is, in words; undefined for a file or a folder. */
function notOrdinary(stats: Stats): string | undefined {
  if (stats.isFile() || stats.isDirectory()) return undefined;
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * The largest content file read, in bytes. The model pack's largest is under 90 kB; an SOP of one
 * 50 MB line (a paste gone wrong, a generated file) ran the check for five minutes and ended in
 * "JS heap out of memory" naming no file.
 */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** The error for a content file over `MAX_SOURCE_BYTES`. */
function tooLarge(size: number, file: string): Diagnostic {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return diagnostic('error', 'file/too-large', file, `${file} is ${mb(size)} MB; a content file may be at most ${mb(MAX_SOURCE_BYTES)} MB (the largest of the model pack is under 0.1 MB): split it, or take out what was pasted into it by mistake`);
}

/** What reading a content file gave: its text (undefined when it could not be read at all) and what is wrong with it. */
export interface SourceRead {
  text: string | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Reads a content file for the check, the site and the PDFs, and never throws for a bad one: a
 * folder with a file's name (`content/sops/x.mdx/`), a link that points to itself or to nothing,
 * or a file that cannot be read gives no text and one error at the path; a file that is not
 * UTF-8 gives its text as far as it can be read (so the rest of the check still runs) and an
 * error at its first bad byte; a UTF-16 file, and one over `MAX_SOURCE_BYTES`, gives no text and
 * one error.
 * @param absPath Absolute path of the file.
 * @param file Path for messages, relative to the project root.
 */
export function readSource(absPath: string, file: string): SourceRead {
  let bytes: Uint8Array;
  try {
    // A named pipe, socket or device with a content file's name (or a link to one): reading it
    // would wait for a writer forever (a pipe) or never end (/dev/zero), so it is not read.
    const stats = statSync(absPath);
    const kind = notOrdinary(stats);
    if (kind) return { text: undefined, diagnostics: [notOrdinaryFile(kind, file)] };
    if (stats.isFile() && stats.size > MAX_SOURCE_BYTES) return { text: undefined, diagnostics: [tooLarge(stats.size, file)] };
    bytes = readFileSync(absPath);
  } catch (cause) {
    return { text: undefined, diagnostics: [unreadableFile(cause, file)] };
  }
  if (isUtf16(bytes)) return { text: undefined, diagnostics: [encodingProblem(bytes, file)!] };
  try {
    return { text: strict.decode(bytes), diagnostics: [] };
  } catch {
    return { text: lenient.decode(bytes), diagnostics: [encodingProblem(bytes, file)!] };
  }
}

/**
 * The error for a path that could not be read as a file, by its cause.
 * @param cause What `readFileSync` (or `statSync`) threw.
 * @param file Path for the message, relative to the project root.
 */
export function unreadableFile(cause: unknown, file: string): Diagnostic {
  const code = (cause as { code?: string }).code;
  const why =
    code === 'EISDIR'
      ? `${file} is a folder, not a file: rename or move the folder (only files named like this are read)`
      : code === 'ELOOP'
        ? `${file} is a symbolic link that leads back to itself (a loop): delete it, or point it at a file`
        : code === 'ENOENT'
          ? `${file} is a link to a file that does not exist: delete it, or point it at a file`
          : code === 'EACCES' || code === 'EPERM'
            ? `${file} cannot be read (no permission): give your user the right to read it`
            : `${file} cannot be read (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}): check that it is an ordinary file`;
  return diagnostic('error', 'file/unreadable', file, why);
}
