import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';

// The trainer's guide tells the trainer how to make every test work offline on each device: since
// a test page opened alone keeps only itself, it names the tests page and the offline page's
// button, in the words the button shows ("Save all tests for offline use (1.4 MB)").
describe("the trainer's guide on tests offline", () => {
  for (const lang of ['en', 'fr', 'ar']) {
    it(`names the offline page's button as it is labelled (${lang})`, () => {
      const button = t('offline.tests.save', lang, { size: '' });
      const guide = t('guide.prep.tests', lang);
      // The button's words up to "for offline use" (its first three words in each language).
      const name = button.split(/\s+/).slice(0, 3).join(' ');
      expect(name.length).toBeGreaterThan(8);
      expect(guide).toContain(name);
      expect(guide).toContain(t('offline.title', lang));
    });
  }
});
