import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { parseResponses } from '../../../src/lib/assessment/responses.ts';

const fixtures = resolve('tests/fixtures/assessment');
const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const text = readFileSync(join(fixtures, 'responses', 'class-pre.csv'), 'utf8');

describe('a row with an id and no answer at all', () => {
  it('is scored and named in one warning, so a sheet not typed in does not lower the means unseen', () => {
    expect(parseResponses(text, 'pre.csv', quiz).warnings).toEqual([]);
    // Grace K. (row 3) already left two items blank; P22 (row 2) and P26 (row 4) leave every one.
    const lines = text.split('\n');
    for (const i of [1, 3]) lines[i] = lines[i]!.split(',').slice(0, 3).join(',') + ',,,,,,';
    const read = parseResponses(lines.join('\n'), 'pre.csv', quiz);
    expect(read.responses.map((r) => r.participant)).toContain('P22');
    expect(read.warnings).toEqual([
      'pre.csv: no answer at all in row 2 (P22), row 4 (P26); each is scored 0 and counted in the means and the pass rate: if those sheets were not typed in or the participant was absent, remove the row',
    ]);
  });
});
