import { readFileSync } from 'node:fs';
import { encodingProblem } from './content/read-source.ts';
import { SopkitError } from './errors.ts';

/**
 * A text file that must be UTF-8 (GIFT, as Moodle writes it), refused in one line naming the line
 * and column of the first byte that is not (the check's own words, `encodingProblem`): read
 * leniently, a file saved as Windows-1252 came in with "�" in place of every accented letter and
 * curly quote.
 * @param abs Absolute path of the file.
 * @param shown The path to print.
 */
export function readUtf8File(abs: string, shown: string): string {
  const bytes = readFileSync(abs);
  const problem = encodingProblem(bytes, shown);
  if (problem) throw new SopkitError('file/not-utf8', problem.message);
  return new TextDecoder('utf-8').decode(bytes);
}
