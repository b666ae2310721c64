import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runChecks } from '../../src/lib/check/index.ts';
import { layout, listFiles, loadProject } from '../../src/lib/content/project.ts';
import { formatParameter } from '../../src/lib/params/format.ts';
import { countryProfile } from '../../src/lib/params/profile.ts';
import { pageText } from './page-text.ts';
import { copyModelPack, replaceIn, repo, setParameter, tempFolder } from './project.ts';

// Fees are set by the country, once, in content/parameters.yaml (group Fees): the SOPs wrote
// "[fee set in the regulations]", "[amount from the Fees Regulations]" and "free [country
// decides]" in their text, which a country had to find and rewrite in every SOP and translation.
const langs = ['en', 'fr', 'ar'] as const;
const none = (lang: string) => formatParameter({ value: 0, unit: 'currency' }, lang);
const unset = (lang: string) => formatParameter({ value: 'unset', unit: 'currency' }, lang);
// As the page text is compared: every space one space (French groups thousands with a narrow no-break space).
const xof = (n: number, lang: string) => formatParameter({ value: n, unit: 'currency', currency: 'XOF' }, lang).replace(/\s+/g, ' ');

describe('fees in the model pack', () => {
  it('writes no fee as a placeholder in the text of an SOP, a module or a translation: each is a parameter', () => {
    const dirs = [layout.sops, 'content/modules', ...langs.slice(1).flatMap((l) => [`content/${l}/sops`, `content/${l}/modules`])];
    const files = dirs.flatMap((dir) => listFiles(join(repo, dir), '.mdx'));
    expect(files.length).toBeGreaterThan(30);
    const left = files.flatMap((abs) => readFileSync(abs, 'utf8').split('\n').filter((line) => /\[(fee set|amount from the Fees|model value: free|droit fixé|montant fixé par le Règlement|الرسم المحدد|المبلغ من لائحة)/.test(line)).map((line) => `${abs}: ${line.slice(0, 80)}`));
    expect(left).toEqual([]);
  });

  it("prints the model's fees in each language: none where the model charges none, a placeholder where the country sets the amount", () => {
    const project = loadProject(repo);
    expect(project.parameters.get('first-certificate-fee')?.model.value).toBe(0);
    expect(project.parameters.get('certificate-fee')?.model.value).toBe('unset');
    for (const lang of langs) {
      const text = pageText(project, 'birth-registration', lang);
      expect(text).toContain(none(lang));
      expect(text).toContain(unset(lang));
    }
    expect(pageText(project, 'birth-registration', 'en')).toContain(`for the first certificate of an on-time registration, ${none('en')}; for each further certificate or copy, ${unset('en')}.`);
    expect(pageText(project, 'document-replacement', 'en')).toContain(`Tell the holder the fee for a replacement (${unset('en')}).`);
  });
});

describe('a country that sets its fees', () => {
  const parent = tempFolder('fees-');
  const root = join(parent, 'pack');
  copyModelPack(root);
  setParameter(root, 'certificate-fee', 2500);
  setParameter(root, 'replacement-fee', 15000);
  for (const id of ['certificate-fee', 'replacement-fee']) replaceIn(root, 'content/parameters.yaml', `- id: ${id}\n`, `- id: ${id}\n  currency: XOF\n`);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('changes every SOP that names the fee, and its French and Arabic translations, from one line each', () => {
    const project = loadProject(root);
    const model = loadProject(repo);
    for (const [sop, amount] of [['birth-registration', 2500], ['death-registration', 2500], ['certified-copies', 2500], ['document-replacement', 15000]] as const) {
      for (const lang of sop === 'certified-copies' ? (['en'] as const) : langs) {
        expect(pageText(model, sop, lang), `${sop} ${lang}`).not.toContain(xof(amount, lang));
        expect(pageText(project, sop, lang), `${sop} ${lang}`).toContain(xof(amount, lang));
      }
    }
    expect(pageText(project, 'document-replacement', 'fr')).toContain(`droit perçu pour un remplacement (${xof(15000, 'fr')})`);
  });

  it('shows the amount in force beside the model placeholder on the country profile', async () => {
    const entry = (await countryProfile(loadProject(root), 'en')).flatMap((g) => g.entries).find((e) => e.parameter.id === 'replacement-fee');
    expect(entry).toMatchObject({ value: '15,000 XOF', model: unset('en'), changed: true });
  });

  it('is clean for sopkit check; once the pack is the country\'s own, the amounts still unset are warnings at their values', async () => {
    const clean = await runChecks(root, { today: '2026-06-01' });
    expect(clean.diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('params/'))).toEqual([]);
    replaceIn(root, 'content/site.yaml', 'model: true', 'model: false');
    const own = await runChecks(root, { today: '2026-06-01' });
    const fees = own.diagnostics.filter((d) => d.code === 'params/placeholder' && d.message.includes('fee'));
    const yaml = readFileSync(join(root, 'content/parameters.yaml'), 'utf8').split('\n');
    const line = (id: string) => yaml.findIndex((l, i) => l.startsWith('  value: unset') && yaml.slice(0, i).reverse().find((x) => x.startsWith('- id:')) === `- id: ${id}`) + 1;
    expect(fees.map((d) => [d.line, d.message])).toEqual([
      [line('correction-fee'), 'correction-fee: value is still unset, so every page and print shows "[amount set by the country]" for it, and the pack is no longer the model (model: false, content/site.yaml): write the country\'s amount (0 for no fee) and its currency'],
    ]);
  });
});

describe('a country whose first certificate and first enrolment are not free, and who enrols at 18', () => {
  const parent = tempFolder('fees-free-');
  const root = join(parent, 'pack');
  copyModelPack(root);
  setParameter(root, 'first-certificate-fee', 1000);
  setParameter(root, 'id-enrolment-fee', 2000);
  setParameter(root, 'id-enrolment-age', 18);
  for (const id of ['first-certificate-fee', 'id-enrolment-fee']) replaceIn(root, 'content/parameters.yaml', `- id: ${id}\n`, `- id: ${id}\n  currency: XOF\n`);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('is stopped by sopkit check at each text that says "free" or counts with the age: the answer key, the module, the case study', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const broken = diagnostics.filter((d) => d.code === 'params/assumption').map((d) => `${d.file}: ${d.message}`);
    // br-37's key ("Nothing: it is free of charge") scored every participant who gave the fee wrong, with a clean check.
    expect(broken.find((m) => m.startsWith('quizzes/birth-registration.yaml:'))).toMatch(/first-certificate-fee = 0.*'Nothing: it is free of charge'/);
    expect(broken.find((m) => m.startsWith('content/modules/national-id-enrolment-module.mdx:'))).toMatch(/id-enrolment-fee = 0.*first enrolment is free/);
    expect(broken.find((m) => m.startsWith('content/sops/data-quality-audit.mdx:'))).toMatch(/id-enrolment-age <= 16.*aged 16 or 17/);
  });

  it('has no step of a workflow that says the step is free: a step time limit holds no fee (step 6.9 said "free of charge" whatever the fee)', () => {
    const free = /free|gratuit|مجان/i;
    const machines = listFiles(join(repo, 'workflows'), '.ts');
    const translations = ['fr', 'ar'].flatMap((lang) => listFiles(join(repo, 'workflows', lang), '.yaml'));
    expect(machines.length + translations.length).toBeGreaterThan(20);
    const said = [
      ...machines.flatMap((abs) => readFileSync(abs, 'utf8').split('\n').filter((line) => free.test(/sla: (['"`])(.*?)\1/.exec(line)?.[2] ?? '')).map((line) => `${abs}: ${line.trim()}`)),
      ...translations.flatMap((abs) => Object.entries((parse(readFileSync(abs, 'utf8')) as { sla?: Record<string, string> }).sla ?? {}).filter(([, text]) => free.test(text)).map(([state, text]) => `${abs}: ${state}: ${text}`)),
    ];
    expect(said).toEqual([]);
  });
});
