import { readFileSync } from 'node:fs';
import { SopkitError } from './errors.ts';

/**
 * A text file that must be UTF-8 (GIFT, as Moodle writes it), refused in one line naming the line
 * of the first byte that is not: read leniently, a file saved as Windows-1252 came in with "�"
 * in place of every accented letter and curly quote.
 * @param abs Absolute path of the file.
 * @param shown The path to print.
 */
export function readUtf8File(abs: string, shown: string): string {
  const bytes = readFileSync(abs);
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    // Line by line, to say where: a newline byte is never part of a UTF-8 sequence.
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
      try {
        strict.decode(slice);
      } catch {
        throw new SopkitError('file/not-utf8', `${shown}:${line}: not UTF-8 text (another encoding, like Windows-1252); save it as UTF-8 and import it again`);
      }
      if (end === -1) break;
      start = end + 1;
    }
    throw new SopkitError('file/not-utf8', `${shown}: not UTF-8 text; save it as UTF-8 and import it again`);
  }
}
