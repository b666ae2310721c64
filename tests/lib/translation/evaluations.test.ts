import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/lib/diagnostics.ts';
import { checkEvaluationTranslation, evaluationIn, translatedEvaluationFiles } from '../../../src/lib/translation/evaluations.ts';
import { evaluationCsv } from '../../../src/lib/training/evaluation/csv.ts';

// A source form and two translations: French with a renamed item id (a seeded defect), Arabic right.
const root = join(import.meta.dirname, '../../fixtures/translation/evaluations');
const fileOf = (lang: string) => translatedEvaluationFiles(root, lang)[0]!;

describe('translated evaluation forms', () => {
  it('lists quizzes/<lang>/evaluations/*.yaml', () => {
    expect(translatedEvaluationFiles(root, 'fr').map((f) => f.slice(root.length))).toEqual(['/quizzes/fr/evaluations/workshop.yaml']);
    expect(translatedEvaluationFiles(root, 'de')).toEqual([]);
  });

  it('refuses an item id the source does not have, at its line, and names the missing one', () => {
    const lines = checkEvaluationTranslation(root, fileOf('fr'), 'fr').map(formatDiagnostic);
    expect(lines).toContainEqual(expect.stringMatching(/^quizzes\/fr\/evaluations\/workshop\.yaml:11:\d+\s+error\s+translation\/evaluation-ids\s+item "con-utile" is not an item of the source/));
    expect(lines).toContainEqual(expect.stringContaining('items missing from the translation: con-useful'));
  });

  it('accepts a translation with the same ids, and refuses the wrong language', () => {
    expect(checkEvaluationTranslation(root, fileOf('ar'), 'ar')).toEqual([]);
    const wrong = checkEvaluationTranslation(root, fileOf('ar'), 'fa').map(formatDiagnostic);
    expect(wrong).toContainEqual(expect.stringMatching(/workshop\.yaml:\d+:\d+\s+error\s+translation\/language/));
  });

  it('gives the reader the translation when it is valid, else the source', () => {
    const ar = evaluationIn(root, 'workshop', 'ar');
    expect(ar?.translated).toBe(true);
    expect(ar?.form.title).toBe('تقييم ورشة العمل');
    const fr = evaluationIn(root, 'workshop', 'fr');
    expect(fr?.translated).toBe(false);
    expect(fr?.form.language).toBe('en');
    expect(evaluationIn(root, 'nothing', 'ar')).toBeUndefined();
  });

  it('writes the same CSV columns in every language, so the report counts every response', () => {
    const header = (lang: string) => evaluationCsv(evaluationIn(root, 'workshop', lang)!.form).split(/\r?\n/)[0];
    expect(header('ar')).toBe(header('en'));
    expect(header('ar')).toContain('con-useful');
  });
});
