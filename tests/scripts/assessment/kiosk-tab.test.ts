import { describe, expect, it } from 'vitest';
import { isKioskPagePath } from '../../../src/scripts/assessment/kiosk-tab.ts';

describe('the pages a kiosk tab opens in kiosk mode', () => {
  it('are the test and evaluation pages, in every language, under the base path', () => {
    for (const path of ['/assessments/birth-registration/pre/', '/assessments/birth-registration/post/', '/fr/assessments/birth-registration/pre/', '/ar/evaluations/registry-officers/', '/evaluations/registry-officers/', '/pt-BR/assessments/x/pre/']) {
      expect(isKioskPagePath(path), path).toBe(true);
    }
    expect(isKioskPagePath('/handbook/assessments/x/pre/', '/handbook/')).toBe(true);
    expect(isKioskPagePath('/handbook/evaluations/x/', '/handbook')).toBe(true);
  });

  it('are not the indexes, practice pages, files or pages outside the base path', () => {
    for (const path of ['/assessments/', '/assessments/x/', '/assessments/x/practice/', '/assessments/x/pre/template.csv', '/evaluations/', '/evaluations/x/template.csv', '/sops/birth-registration/', '/courses/x/evaluations/y/']) {
      expect(isKioskPagePath(path), path).toBe(false);
    }
    expect(isKioskPagePath('/assessments/x/pre/', '/handbook/')).toBe(false);
  });
});
