import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ar from '../../src/i18n/ar.json';
import en from '../../src/i18n/en.json';
import fr from '../../src/i18n/fr.json';
import { t, type UiKey } from '../../src/i18n/index.ts';
import { formatPercent, percentSign } from '../../src/i18n/numbers.ts';

// A percent sign after a number as each language writes it: English `80%`; French `80 %` with a
// no-break space (U+00A0 or the narrow U+202F), never a space a line can break at; Arabic `80%`,
// as Intl writes a percent in Arabic (`formatPercent`, the training report's other figures).
const dictionaries: Record<string, Record<string, string>> = { en, fr, ar };

/** Each string's number and percent sign, with its placeholders filled with numbers. */
const percents = (key: UiKey, lang: string) => t(key, lang, { n: 80, passMark: 80, pre: 1, post: 2, preN: 3, postN: 4, passed: 5 }).match(/\d\s*%/g) ?? [];

const keys = ['report.passMark', 'assess.passMark', 'trainingReport.warn.moreForms', 'trainingReport.testLead'] as const;

describe('a percent sign after a number', () => {
  it('English writes it right after the number (80%)', () => {
    for (const key of keys) {
      expect(percents(key, 'en'), key).not.toHaveLength(0);
      for (const p of percents(key, 'en')) expect(p, key).toMatch(/^\d%$/);
    }
    expect(t('report.passMark', 'en', { n: 80 })).toBe('Pass mark: 80%');
  });

  it('French puts a no-break space before it (80 %)', () => {
    for (const key of keys) {
      expect(percents(key, 'fr'), key).not.toHaveLength(0);
      for (const p of percents(key, 'fr')) expect(p, key).toMatch(/^\d[\u00a0\u202f]%$/);
    }
  });

  it('Arabic writes it as Intl writes an Arabic percent, the sign right after the number', () => {
    const intl = formatPercent(0.8, 'ar');
    for (const key of keys) {
      expect(percents(key, 'ar'), key).not.toHaveLength(0);
      for (const p of percents(key, 'ar')) expect(`8${p.slice(1)}`, key).toBe(intl.replace(/^80/, '8'));
    }
    expect(t('report.passMark', 'ar', { n: 80 })).toBe(`درجة النجاح: ${intl}`);
  });

  it('percentSign puts the sign after a number already written, as each language does', () => {
    expect(percentSign('72.5', 'en')).toBe('72.5%');
    expect(percentSign('72,5', 'fr')).toMatch(/^72,5[\u00a0\u202f]%$/);
    expect(percentSign('72.5', 'ar')).toBe('72.5%');
    expect(percentSign('٧٢٫٥', 'ar-u-nu-arab')).toBe('٧٢٫٥٪');
    expect(formatPercent(0.853, 'en')).toBe('85%');
    expect(formatPercent(0.853, 'fr')).toBe(percentSign('85', 'fr'));
  });

  it('no UI string has a space a line can break at between a number or a placeholder and %', () => {
    for (const [lang, strings] of Object.entries(dictionaries)) {
      for (const [key, text] of Object.entries(strings)) expect(text, `${lang} ${key}`).not.toMatch(/[\d}] +%/);
    }
  });
});

describe('the English model pack', () => {
  it('writes a percent sign right after its number, as its parameters print (10%) and its reports write', () => {
    const repo = join(import.meta.dirname, '../..');
    const files = [
      ...['content/sops', 'content/modules'].flatMap((d) => readdirSync(join(repo, d)).filter((f) => f.endsWith('.mdx')).map((f) => `${d}/${f}`)),
      ...readdirSync(join(repo, 'quizzes')).filter((f) => f.endsWith('.yaml')).map((f) => `quizzes/${f}`),
      ...readdirSync(join(repo, 'content')).filter((f) => f.endsWith('.yaml')).map((f) => `content/${f}`),
      ...readdirSync(join(repo, 'workflows')).filter((f) => f.endsWith('.machine.ts')).map((f) => `workflows/${f}`),
    ];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const lines = readFileSync(join(repo, file), 'utf8').split('\n');
      const spaced = lines.flatMap((l, i) => (/[\d}][ \u00a0]%/.test(l) ? [`${file}:${i + 1}`] : []));
      expect(spaced, file).toEqual([]);
    }
  });
});
