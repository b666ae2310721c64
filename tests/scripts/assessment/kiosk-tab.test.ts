import { describe, expect, it } from 'vitest';
import { DRAFT_STALE_MS, isKioskPagePath, staleDrafts } from '../../../src/scripts/assessment/kiosk-tab.ts';

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

/** A localStorage holding these entries. */
function storageOf(entries: Record<string, unknown>): Pick<Storage, 'length' | 'key' | 'getItem'> {
  const keys = Object.keys(entries);
  return {
    length: keys.length,
    key: (i) => keys[i] ?? null,
    getItem: (k) => (k in entries ? (typeof entries[k] === 'string' ? (entries[k] as string) : JSON.stringify(entries[k])) : null),
  };
}

describe('the kiosk drafts another tab left', () => {
  const form = 'sopkit.assess.birth-registration.pre';
  const own = `${form}.kiosk-draft.tabA`;
  const now = Date.parse('2026-12-07T10:00:00Z');
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();

  it('are the same form\'s drafts of other tabs (and of the former single key) that no tab kept alive', () => {
    const storage = storageOf({
      [own]: { participant: 'P1', savedAt: at(DRAFT_STALE_MS * 5) },
      [`${form}.kiosk-draft.tabB`]: { participant: 'P2', savedAt: at(DRAFT_STALE_MS + 1) },
      [`${form}.kiosk-draft.tabC`]: { participant: 'P3', savedAt: at(DRAFT_STALE_MS * 10), aliveAt: at(1000) },
      [`${form}.kiosk-draft.tabD`]: { participant: 'P4', savedAt: at(1000) },
      [`${form}.kiosk-draft`]: { participant: 'P5', savedAt: at(DRAFT_STALE_MS) },
      [`${form}.kiosk-draft.tabE`]: { participant: 'P6' },
      [`${form}.kiosk-draft.tabF`]: 'not json {',
      'sopkit.assess.birth-registration.post.kiosk-draft.tabB': { participant: 'P7', savedAt: at(DRAFT_STALE_MS * 2) },
      [`${form}.draft`]: { participant: 'P8', savedAt: at(DRAFT_STALE_MS * 2) },
    });
    expect(staleDrafts(own, now, storage).sort()).toEqual([`${form}.kiosk-draft`, `${form}.kiosk-draft.tabB`, `${form}.kiosk-draft.tabE`]);
  });

  it('are found from a tab without sessionStorage too (its key is the former single key)', () => {
    const storage = storageOf({ [`${form}.kiosk-draft`]: { savedAt: at(DRAFT_STALE_MS * 2) }, [`${form}.kiosk-draft.tabB`]: { savedAt: at(DRAFT_STALE_MS * 2) } });
    expect(staleDrafts(`${form}.kiosk-draft`, now, storage)).toEqual([`${form}.kiosk-draft.tabB`]);
  });
});
