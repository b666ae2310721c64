import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../src/lib/assessment/quiz-load.ts';
import { runChecks } from '../../src/lib/check/index.ts';
import { layout, listFiles, loadProject } from '../../src/lib/content/project.ts';
import { formatParameter } from '../../src/lib/params/format.ts';
import { countryProfile } from '../../src/lib/params/profile.ts';
import { pageText } from './page-text.ts';
import { copyModelPack, repo, setParameter, tempFolder } from './project.ts';

// Retention periods are set by the country's records law, once, in content/parameters.yaml: the
// SOPs' records tables once wrote "Permanently (model value), or [X] years after scanning where
// the law allows" as text, which a country had to find and rewrite in every SOP and translation.
const langs = ['en', 'fr', 'ar'] as const;
const years = (n: number, lang: string) => formatParameter({ value: n, unit: 'years' }, lang);
const permanently = (lang: string) => formatParameter({ value: 'permanent', unit: 'years' }, lang);

describe('retention periods in the model pack', () => {
  it('writes no period in words in the records tables of an SOP or a translation: each is a parameter', () => {
    const dirs = [layout.sops, ...langs.slice(1).map((l) => `content/${l}/sops`)];
    const rows = dirs.flatMap((dir) => listFiles(join(repo, dir), '.mdx').flatMap((abs) => readFileSync(abs, 'utf8').split('\n').filter((line) => line.startsWith('|'))));
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((row) => /permanent|بصفة دائمة|\[X\]/i.test(row))).toEqual([]);
  });

  it('prints the model value of a permanent period in the words of each language', () => {
    const project = loadProject(repo);
    expect(project.parameters.get('register-retention')?.model.value).toBe('permanent');
    for (const lang of langs) expect(pageText(project, 'birth-registration', lang)).toContain(permanently(lang));
  });
});

describe('a country that sets its retention periods in numbers of years', () => {
  const parent = tempFolder('retention-');
  const root = join(parent, 'pack');
  copyModelPack(root);
  setParameter(root, 'register-retention', 75);
  setParameter(root, 'declaration-paper-retention', 10);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('is still clean for sopkit check', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('params/'))).toEqual([]);
  });

  it('changes the records tables and text of the SOP and its French and Arabic translations', () => {
    const project = loadProject(root);
    const model = loadProject(repo);
    for (const lang of langs) {
      const text = pageText(project, 'birth-registration', lang);
      const before = pageText(model, 'birth-registration', lang);
      // 75 years is no other period of the pack, so it is the register's.
      expect(before).not.toContain(years(75, lang));
      expect(text).toContain(years(75, lang));
    }
    const en = pageText(project, 'birth-registration', 'en');
    expect(en).toContain(`Birth register (entries and signatures) Registration office and central archive ${years(75, 'en')} `);
    expect(en).toContain(`Paper, once scanned: ${years(10, 'en')};`);
    expect(en).toContain(`The birth register is kept ${years(75, 'en')};`);
    expect(pageText(project, 'death-registration', 'en')).toContain(`Paper, once scanned: ${years(10, 'en')};`);
  });

  it('changes the quiz item on the register in every language', () => {
    for (const [file, lang] of [['quizzes/birth-registration.yaml', 'en'], ['quizzes/fr/birth-registration.yaml', 'fr'], ['quizzes/ar/birth-registration.yaml', 'ar']] as const) {
      const item = loadQuizFile(root, join(root, file)).quiz?.items.find((i) => i.id === 'br-38');
      const right = item && 'options' in item ? item.options.find((o) => o.correct) : undefined;
      expect(right?.text).toContain(years(75, lang));
      expect(item?.explanation).toContain(years(75, lang));
    }
    // The erasure scenario's legal officer is told what the law keeps: the country's period, not "permanently" typed.
    const erasure = loadQuizFile(root, join(root, 'quizzes/personal-data-requests.yaml')).quiz?.items.find((i) => i.id === 'dp-36');
    expect(erasure?.stem).toContain(`keeps the register ${years(75, 'en')}.`);
    const cleared = erasure && 'options' in erasure ? erasure.options.find((o) => !o.correct && o.feedback?.includes('the register is')) : undefined;
    expect(cleared?.feedback).toContain(`the register is kept ${years(75, 'en')}.`);
  });

  it('shows the value in force beside the model value on the country profile', async () => {
    const entry = (await countryProfile(loadProject(root), 'en')).flatMap((g) => g.entries).find((e) => e.parameter.id === 'register-retention');
    expect(entry).toMatchObject({ value: years(75, 'en'), model: permanently('en'), changed: true });
  });
});
