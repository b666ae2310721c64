import { readFileSync, rmSync } from 'node:fs';
import { runChecks } from '../../src/lib/check/index.ts';
import { copyModelPack, replaceIn, tempFolder } from './project.ts';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Project } from '../../src/lib/content/project.ts';
import { loadProject } from '../../src/lib/content/project.ts';
import { t } from '../../src/i18n/index.ts';
import { countryProfile, type ProfileGroup } from '../../src/lib/params/profile.ts';
import { projectIn } from '../../src/lib/translation/localize.ts';

// The country profile in a reader's language: a French or Arabic trainee who follows a value's link
// reads what the value is, why the model uses it and where it is used, in that language, and goes
// on to the pages of that language. Before, the profile existed in English only.
const project = loadProject(process.cwd());
const translated = (lang: string) => new Map((YAML.parse(readFileSync(join(process.cwd(), `content/${lang}/parameters.yaml`), 'utf8')) as { id: string; label: string; why?: string; source?: string }[]).map((p) => [p.id, p]));
const entries = (groups: ProfileGroup[]) => groups.flatMap((g) => g.entries);

describe('the country profile in French and Arabic', () => {
  it.each(['fr', 'ar'])('%s: every label and reason in the language, the groups anchored as the source anchors them', async (lang) => {
    const own = translated(lang);
    const english = await countryProfile(project, 'en');
    const groups = await countryProfile(projectIn(project, lang), lang);
    // The same groups, in the same order, at the same anchors: a link to a group works in every language.
    expect(groups.map((g) => g.anchor)).toEqual(english.map((g) => g.anchor));
    expect(new Set(groups.map((g) => g.anchor)).size).toBe(groups.length);
    expect(groups.map((g) => g.title)).not.toEqual(english.map((g) => g.title));
    const list = entries(groups);
    expect(list.map((e) => e.parameter.id)).toEqual(entries(english).map((e) => e.parameter.id));
    for (const e of list) {
      expect(e.parameter.label, e.parameter.id).toBe(own.get(e.parameter.id)?.label);
      expect(e.parameter.model.why, e.parameter.id).toBe(own.get(e.parameter.id)?.why);
      expect(e.labelLang, e.parameter.id).toBeUndefined();
      expect(e.whyLang, e.parameter.id).toBeUndefined();
      // Where national law sets it, in the language too (the placeholders were printed in English).
      expect(e.parameter.source, e.parameter.id).toBe(own.get(e.parameter.id)?.source);
      expect(e.sourceLang, e.parameter.id).toBeUndefined();
    }
    expect(groups.every((g) => g.titleLang === undefined)).toBe(true);
  });

  it("names each place as the reader's pages do and links those pages; what is not translated says its language", async () => {
    const list = entries(await countryProfile(projectIn(project, 'fr'), 'fr'));
    const uses = list.flatMap((e) => e.uses);
    // Values in French words.
    expect(list.find((e) => e.parameter.id === 'birth-registration-period')?.value).toBe('90 jours');
    // Every page a use opens is the French one where the French site has it.
    const paths = uses.flatMap((u) => (u.path ? [u.path] : []));
    expect(paths.length).toBeGreaterThan(100);
    expect(paths.filter((p) => /^\/(sops|modules|glossary|assessments)\//.test(p))).toEqual([]);
    // A section of the French birth registration SOP: its French title, nothing marked.
    const birth = uses.filter((u) => u.kind === 'sop' && u.path?.startsWith('/fr/sops/birth-registration/#'));
    expect(birth.length).toBeGreaterThan(0);
    for (const u of birth) expect(u.foreign, u.label).toBeUndefined();
    expect(birth.map((u) => u.label)).toContain('SOP-CR-01 §6 Procédure');
    // The correction SOP is not in French: its section titles are English, and say so.
    const correction = uses.filter((u) => u.kind === 'sop' && u.path?.startsWith('/fr/sops/civil-status-correction/'));
    expect(correction.length).toBeGreaterThan(0);
    for (const u of correction) {
      expect(u.foreign?.lang, u.label).toBe('en');
      expect(u.label.endsWith(u.foreign!.text), u.label).toBe(true);
    }
    // Workflow steps in the French words of the workflow; a test's items under its French title.
    const words = Object.values((YAML.parse(readFileSync(join(process.cwd(), 'workflows/fr/birth-registration.yaml'), 'utf8')) as { states: Record<string, string> }).states);
    // (A value the workflow uses outside any one step is named by the workflow alone.)
    const steps = uses.filter((u) => u.kind === 'workflow' && u.path?.startsWith('/fr/sops/birth-registration/') && u.label !== t('profile.use.workflow', 'fr', { code: 'SOP-CR-01' }));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(words.some((w) => step.label.includes(w)), step.label).toBe(true);
      expect(step.foreign, step.label).toBeUndefined();
    }
    const item = uses.find((u) => u.kind === 'quiz' && u.path?.startsWith('/fr/assessments/birth-registration/'));
    expect(item?.foreign).toBeUndefined();
    expect(item?.path).toMatch(/^\/fr\/assessments\/birth-registration\/(pre|post)\/#q-br-\d+$/);
  });

  it('marks the words a translation lacks: a label, reason and source not translated, or a reason and source alone', async () => {
    const ar = project.translations.ar!;
    const [first, second] = ar.parameters.entries;
    // A copy of the project whose Arabic file lacks the first parameter and the second's reason.
    const lacking: Project = {
      ...project,
      translations: {
        ...project.translations,
        ar: { ...ar, parameters: { ...ar.parameters, entries: ar.parameters.entries.filter((e) => e !== first).map((e) => (e === second ? { ...e, why: undefined, source: undefined } : e)) } },
      },
    };
    const list = entries(await countryProfile(projectIn(lacking, 'ar'), 'ar'));
    const one = list.find((e) => e.parameter.id === first!.id)!;
    expect(one.parameter.label).toBe(project.parameters.get(first!.id)?.label);
    expect([one.labelLang, one.whyLang, one.sourceLang]).toEqual(['en', 'en', 'en']);
    const two = list.find((e) => e.parameter.id === second!.id)!;
    expect(two.parameter.label).toBe(second!.label);
    expect([two.labelLang, two.whyLang, two.sourceLang]).toEqual([undefined, 'en', 'en']);
    expect(two.parameter.model.why).toBe(project.parameters.get(second!.id)?.model.why);
    expect(two.parameter.source).toBe(project.parameters.get(second!.id)?.source);
  });

  it('leaves the source profile as it was: English names, source paths, nothing marked', async () => {
    const list = entries(await countryProfile(project, 'en'));
    const uses = list.flatMap((e) => e.uses);
    expect(uses.some((u) => u.path?.startsWith('/sops/birth-registration/#'))).toBe(true);
    expect(uses.filter((u) => u.path && /^\/(fr|ar)\//.test(u.path))).toEqual([]);
    expect(uses.filter((u) => u.foreign)).toEqual([]);
    expect(list.filter((e) => e.labelLang || e.whyLang || e.sourceLang)).toEqual([]);
  });
});

describe('a country that filled in the law in content/parameters.yaml and not in its translations', () => {
  const parent = tempFolder('profile-law-');
  const root = join(parent, 'pack');
  copyModelPack(root);
  const law = 'Civil Registration Act 2019, section 12(1)';
  replaceIn(root, 'content/parameters.yaml', `source: "[Civil Registration Act, year], [section on the period for registration of births]"`, `source: "${law}"`);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("shows the source's citation on the French and Arabic profiles, not the model's placeholder, and check says the translation is behind", async () => {
    const project = loadProject(root);
    for (const lang of ['fr', 'ar']) {
      const entry = (await countryProfile(projectIn(project, lang), lang)).flatMap((g) => g.entries).find((e) => e.parameter.id === 'birth-registration-period')!;
      expect(entry.parameter.source, lang).toBe(law);
      expect(entry.sourceLang, lang).toBe('en');
    }
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const behind = diagnostics.filter((d) => d.code === 'translation/legal-placeholder' && d.file.endsWith('/parameters.yaml'));
    expect(behind.map((d) => [d.file, d.line]).sort()).toEqual([
      ['content/ar/parameters.yaml', 7],
      ['content/fr/parameters.yaml', 5],
    ]);
    expect(behind.find((d) => d.file === 'content/fr/parameters.yaml')!.message).toBe(`parameter birth-registration-period: source is still the model's placeholder where content/parameters.yaml names the law (the first, birth-registration-period: "${law}"), so this language's country profile shows the source's citation; write the country's law here too, as its official text in this language has it (or as the source writes it)`);
  });
});
