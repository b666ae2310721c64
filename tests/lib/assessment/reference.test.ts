import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairedT, wilcoxonSignedRank } from '../../../src/lib/assessment/inference.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { combineResponses, parseResponses } from '../../../src/lib/assessment/responses.ts';
import { cronbachAlpha } from '../../../src/lib/assessment/stats.ts';
import type { FormStats } from '../../../src/lib/assessment/types.ts';

// Every value here was computed a second, independent way: by tests/fixtures/assessment/reference/
// reference.R (R 4 with psych: its own scoring of the answer key, t.test, wilcox.test, psych::alpha).
const fixtures = resolve('tests/fixtures/assessment');
const ref = new Map<string, number | string | null>();
for (const line of readFileSync(join(fixtures, 'reference/reference-values.csv'), 'utf8').trim().split('\n').slice(1)) {
  const [key = '', value = ''] = line.split(/,(.*)/s);
  ref.set(key, value === 'NA' ? null : Number.isNaN(Number(value)) ? value : Number(value));
}
const num = (key: string) => {
  expect(ref.has(key), `reference value ${key}`).toBe(true);
  return ref.get(key) as number | null;
};
const close = (actual: number | null | undefined, key: string) => {
  const expected = num(key);
  if (expected === null) expect(actual, key).toBeNull();
  else expect(Math.abs((actual ?? NaN) - expected), `${key}: ${actual} vs ${expected}`).toBeLessThan(1e-9);
};

const root = join(fixtures, 'project');
const quiz = resolveQuiz(root, 'sample-registration').quiz;
const read = (name: string) => parseResponses(readFileSync(join(fixtures, 'responses', name), 'utf8'), name, quiz);
const report = buildReport(quiz, combineResponses([read('class-pre.csv'), read('class-post.csv')]));

describe('LSAT Section VI (1000 × 5)', () => {
  const rows: number[][] = [];
  for (const line of readFileSync(join(fixtures, 'reference/lsat6-patterns.csv'), 'utf8').trim().split('\n').slice(1)) {
    const cells = line.split(',').map(Number);
    const count = cells.pop() ?? 0;
    for (let i = 0; i < count; i++) rows.push(cells);
  }
  it('is reconstructed from the pattern frequencies', () => {
    expect(rows).toHaveLength(1000);
    expect(rows.flat().reduce((a, b) => a + b, 0)).toBe(num('lsat.total'));
    expect([0, 1, 2, 3, 4].map((j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0))).toEqual([924, 709, 553, 763, 870]);
  });
  it('gives alpha = 0.2949972 (ARCHITECTURE.md, Formats: score output)', () => {
    const alpha = cronbachAlpha(rows);
    expect(alpha).toBeCloseTo(0.2949972, 7);
    close(alpha, 'lsat.alpha');
  });
});

describe.each(['pre', 'post'] as const)('%s-test statistics match R', (form) => {
  const stats = report.forms[form] as FormStats;
  it('test statistics', () => {
    for (const key of ['n', 'maxScore', 'mean', 'median', 'sd', 'skewness', 'kurtosis', 'alpha', 'sem'] as const) {
      close(stats[key], `${form}.${key}`);
    }
  });
  it('item statistics and option counts', () => {
    for (const item of stats.items) {
      for (const key of ['facility', 'sd', 'discrimination', 'discriminativeEfficiency', 'effectiveWeight'] as const) {
        close(item[key], `${form}.item.${item.id}.${key}`);
      }
      for (const [option, count] of Object.entries(item.options)) {
        const key = `${form}.item.${item.id}.option.${option}`;
        expect(count, key).toBe(ref.get(key) ?? 0);
      }
    }
  });
  it('participant scores and passes', () => {
    for (const p of stats.participants) {
      close(p.score, `${form}.participant.${p.id}.score`);
      expect(p.passed ? 1 : 0).toBe(num(`${form}.participant.${p.id}.passed`));
    }
  });
});

describe('pre/post comparison matches R', () => {
  const pp = report.prepost!;
  it('matches participants and lists the unmatched', () => {
    close(pp.matched, 'prepost.matched');
    expect(pp.unmatched).toEqual({ pre: ['P30'], post: ['P31'] });
  });
  it('gains, t test, Wilcoxon, d_z', () => {
    for (const p of pp.participants) close(p.gain, `prepost.participant.${p.id}.gain`);
    for (const key of ['classGain', 'meanIndividualGain', 'meanDifference', 't', 'df', 'p', 'dz'] as const) close(pp[key], `prepost.${key}`);
    close(pp.wilcoxon.V, 'prepost.wilcoxon.V');
    close(pp.wilcoxon.p, 'prepost.wilcoxon.p');
    expect(pp.wilcoxon.method).toBe(ref.get('prepost.wilcoxon.method'));
    expect(pp.scale).toBe(ref.get('prepost.scale'));
  });
  it('mastery per objective', () => {
    for (const o of pp.objectives) {
      close(o.pre, `prepost.objective.${o.id}.pre`);
      close(o.post, `prepost.objective.${o.id}.post`);
    }
  });
});

describe('Wilcoxon signed-rank and t on fixed differences match R', () => {
  it('exact branch (no ties, no zeros, n < 50)', () => {
    const w = wilcoxonSignedRank([3.5, -1.25, 6, 2, 7.75, -0.5, 4, 9, 1.5, 5.5, -2.75, 8]);
    expect(w.method).toBe('exact');
    close(w.V, 'wilcoxon.exact.V');
    close(w.p, 'wilcoxon.exact.p');
    const t = pairedT([3.5, -1.25, 6, 2, 7.75, -0.5, 4, 9, 1.5, 5.5, -2.75, 8]);
    close(t.t, 't.exact.t');
    close(t.p, 't.exact.p');
  });
  it('ties and a zero: normal approximation with continuity correction', () => {
    const w = wilcoxonSignedRank([2, 2, -1, 3, 0, 4, 2, -3, 5, 1, 1, 6]);
    expect(w.method).toBe('normal approximation with continuity correction');
    close(w.V, 'wilcoxon.ties.V');
    close(w.p, 'wilcoxon.ties.p');
  });
  it('n ≥ 50', () => {
    const d = Array.from({ length: 60 }, (_, i) => ((((i + 1) * 37) % 61) - 25) / 4);
    close(wilcoxonSignedRank(d).V, 'wilcoxon.big.V');
    close(wilcoxonSignedRank(d).p, 'wilcoxon.big.p');
  });
});
