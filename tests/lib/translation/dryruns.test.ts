import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { readDryRun } from '../../../src/lib/lifecycle/dryrun/load.ts';
import { dryRunIn, dryRunWordsWarnings } from '../../../src/lib/lifecycle/dryrun/localize.ts';
import { loadDryRunModel, type DryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { renderDryRunFragment } from '../../../src/lib/lifecycle/dryrun/report-html.ts';
import { renderTestPlan } from '../../../src/lib/lifecycle/dryrun/plan-pdf.ts';
import { renderDryRunReport } from '../../../src/lib/lifecycle/dryrun/report-pdf.ts';
import { checkDryRunTranslation, dryRunTranslationFreshness } from '../../../src/lib/translation/dryruns.ts';
import { loadLocale, type DryRunTranslationDoc } from '../../../src/lib/translation/load.ts';
import { contentText, pdfText, pdfWords, saveTo, tempDir, withoutBidiMarks } from '../handbook/pdf-tools.ts';

// The pack's model dry run and its French and Arabic words (content/<lang>/dryruns/).
const root = join(import.meta.dirname, '../../..');
const ID = 'birth-registration-2025';
const RECORD = `content/dryruns/${ID}.yaml`;
let project: Project;
let model: DryRunModel;
beforeAll(async () => {
  project = loadProject(root);
  model = await loadDryRunModel(project, ID);
});
const wordsOf = (lang: string) => parse(readFileSync(join(root, `content/${lang}/dryruns/${ID}.yaml`), 'utf8')) as { title: string; objectives: string[]; sites: Record<string, { name: string }>; roles: Record<string, string>; example?: boolean };
/** The project with the record's words in a language replaced (undefined: no translation of it). */
const withWords = (lang: string, change: (d: DryRunTranslationDoc) => DryRunTranslationDoc | undefined): Project => {
  const content = project.translations[lang]!;
  const dryruns = content.dryruns.flatMap((d) => (d.id === ID ? [change(d)].filter((x) => x !== undefined) : [d]));
  return { ...project, translations: { ...project.translations, [lang]: { ...content, dryruns } } };
};

describe('a dry-run record in French and Arabic', () => {
  it('the French and Arabic plan, sheets and report take the record\'s words from content/<lang>/dryruns/; ids, dates and figures stay the source\'s', async () => {
    for (const lang of ['fr', 'ar']) {
      const words = wordsOf(lang);
      expect(words.example).toBe(model.data.example);
      const shown = dryRunIn(model, project, lang);
      expect(shown.data.title).toBe(words.title);
      expect(shown.data.objectives).toEqual(words.objectives);
      expect(shown.data.sites.map((s) => [s.id, s.name])).toEqual(model.data.sites.map((s) => [s.id, words.sites[s.id]!.name]));
      expect(shown.data.roles.map((r) => r.who)).toEqual(model.data.roles.map((r) => words.roles[r.role]));
      expect([shown.data.dates, shown.data.cases, shown.data.example, shown.stats]).toEqual([model.data.dates, model.data.cases, model.data.example, model.stats]);
      expect(renderDryRunFragment(shown)).toContain(`<bdi>${words.sites['district-office']!.name.replace(/'/g, '&#39;')}</bdi>`);
      expect(dryRunWordsWarnings(model, project, lang)).toEqual([]);
    }
    const plan = withoutBidiMarks(pdfText(saveTo(tempDir(), 'plan-fr.pdf', await renderTestPlan(dryRunIn(model, project, 'fr'))))).replace(/\s+/g, ' ');
    expect(plan).toContain(wordsOf('fr').objectives[0]);
    expect(plan).not.toContain(model.data.objectives[0]);
  });

  it("the French and Arabic report's links to the SOP's sections go to its page in the report's language", async () => {
    for (const lang of ['fr', 'ar']) {
      const pdf = saveTo(tempDir(), `report-${lang}.pdf`, await renderDryRunReport(dryRunIn(model, project, lang)));
      const uris = [...new Set([...contentText(pdf, tempDir()).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!))].filter((u) => u.includes('/sops/'));
      // They went to the English page (https://…/sops/birth-registration/#…).
      expect(uris.length, lang).toBeGreaterThan(0);
      expect(uris.filter((u) => !u.includes(`/${lang}/sops/birth-registration/`)), lang).toEqual([]);
    }
  }, 120_000);

  it('a record with no translation in the language printed: a warning naming the record and the file to write, and the source\'s words', () => {
    const without = withWords('fr', () => undefined);
    expect(dryRunIn(model, without, 'fr').data.title).toBe(model.data.title);
    expect(dryRunWordsWarnings(model, without, 'fr')).toEqual([
      `warning: ${RECORD} has no translation in fr (Français): its title, objectives, sites, observers, roles and debrief are printed in the source's words; translate them in content/fr/dryruns/${ID}.yaml`,
    ]);
    expect(dryRunWordsWarnings(model, without, 'en')).toEqual([]);
  });

  it('a translation that leaves fields out: those fields named, in the source\'s words', () => {
    const partial = withWords('ar', (d) => ({ ...d, words: { ...d.words, title: undefined, objectives: d.words.objectives!.slice(1), sites: { 'district-office': d.words.sites['district-office']! }, roles: {} } }));
    const shown = dryRunIn(model, partial, 'ar');
    expect(shown.data.title).toBe(model.data.title);
    expect(shown.data.objectives).toEqual(model.data.objectives);
    expect(shown.data.sites[1]!.name).toBe(model.data.sites[1]!.name);
    const [line] = dryRunWordsWarnings(model, partial, 'ar');
    expect(line).toMatch(new RegExp(`^warning: content/ar/dryruns/${ID}\\.yaml does not translate title, objectives, sites\\.hospital-point\\.name, sites\\.hospital-point\\.type, roles\\.health-notifier, roles\\.community-notifier and \\d+ more of ${RECORD.replace(/\./g, '\\.')}: printed in the source's words$`));
  });
});

// A record and its French words in a git repository of their own.
const SOURCE = `sop: alpha
version: 1.0.0
title: Dry run of the alpha SOP
example: true
objectives:
  - Find out whether clerks can follow each step.
sites:
  - id: district-office
    name: "[District] office"
    type: district office
  - id: city-office
    name: "[City] office"
    type: city office
dates: { start: 2025-01-20, end: 2025-01-31 }
roles:
  - role: registrar
    who: "[Name], registrar"
`;
const FRENCH = `example: true
title: Essai à blanc de la procédure alpha
objectives:
  - Vérifier si les agents peuvent suivre chaque étape.
sites:
  district-office:
    name: "Bureau de [District]"
    type: bureau de district
  city-office:
    name: "Bureau de [Ville]"
    type: bureau urbain
roles:
  registrar: "[Nom], officier de l'état civil"
`;
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
const git = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });

function repo(french = FRENCH): string {
  const dir = mkdtempSync(join(tmpdir(), 'dryrun-translation-'));
  roots.push(dir);
  mkdirSync(join(dir, 'content/dryruns'), { recursive: true });
  mkdirSync(join(dir, 'content/fr/dryruns'), { recursive: true });
  writeFileSync(join(dir, 'content/dryruns/alpha-2025.yaml'), SOURCE);
  writeFileSync(join(dir, 'content/fr/dryruns/alpha-2025.yaml'), french);
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'A record and its French words');
  return dir;
}
const load = (dir: string) => {
  const { content, diagnostics } = loadLocale(dir, 'fr');
  expect(diagnostics).toEqual([]);
  return { source: readDryRun(dir, join(dir, 'content/dryruns/alpha-2025.yaml')), doc: content.dryruns[0]! };
};
const check = (dir: string) => {
  const { source, doc } = load(dir);
  return checkDryRunTranslation(dir, doc, [source]).map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.message}`);
};

describe('a record translation against its source', () => {
  it('is current when committed with its source; a site the source renames after it is flagged, by part, as the check flags stale glossaries', () => {
    const dir = repo();
    expect(check(dir)).toEqual([]);
    const { source, doc } = load(dir);
    expect(dryRunTranslationFreshness(dir, source, doc)).toEqual({ status: 'current' });
    writeFileSync(join(dir, 'content/dryruns/alpha-2025.yaml'), SOURCE.replace('name: "[City] office"', 'name: "[Capital City] office"'));
    git(dir, 'commit', '-q', '-am', 'The city office is the capital\'s');
    const again = load(dir);
    expect(dryRunTranslationFreshness(dir, again.source, again.doc)).toMatchObject({ status: 'outdated', items: ['sites.city-office'] });
    const [line] = check(dir);
    expect(line).toMatch(/^warning translation\/dryrun-outdated content\/fr\/dryruns\/alpha-2025\.yaml:9 content\/dryruns\/alpha-2025\.yaml changed sites\.city-office \(since commit [0-9a-f]{7}\) after its translation here was last changed: translate it again;/);
    // Translated again and committed: current.
    writeFileSync(join(dir, 'content/fr/dryruns/alpha-2025.yaml'), FRENCH.replace('"Bureau de [Ville]"', '"Bureau de [Capitale]"'));
    git(dir, 'commit', '-q', '-am', 'fr: the capital\'s office');
    expect(check(dir)).toEqual([]);
  });

  it('names an unknown site or observer, a list of another length and an example the source does not say, at their lines', () => {
    const dir = repo(`${FRENCH.replace('example: true', 'example: false').replace('  city-office:', '  town-office:')}observers:\n  "[Name], inspector":\n    name: "[Nom], inspecteur"\ndebrief:\n  agenda: [Un, Deux]\n`);
    expect(check(dir)).toEqual([
      expect.stringMatching(/^error translation\/dryrun-example content\/fr\/dryruns\/alpha-2025\.yaml:1 example: false here, true in content\/dryruns\/alpha-2025\.yaml/),
      expect.stringMatching(/^error translation\/unknown-id content\/fr\/dryruns\/alpha-2025\.yaml:9 sites: "town-office" is not a site id of content\/dryruns\/alpha-2025\.yaml; it has "district-office", "city-office"/),
      expect.stringMatching(/^error translation\/unknown-id content\/fr\/dryruns\/alpha-2025\.yaml:15 observers: "\[Name\], inspector" is not an observer's name/),
      expect.stringMatching(/^error translation\/unknown-id content\/fr\/dryruns\/alpha-2025\.yaml:18 debrief\.agenda: content\/dryruns\/alpha-2025\.yaml has none to translate/),
    ]);
  });
});

describe('the publisher on a dry run\'s prints in another language', () => {
  it('is the locale\'s organisation (content/site.yaml), as on the handbooks in that language', () => {
    for (const lang of ['fr', 'ar']) {
      const locale = project.site?.locales?.find((l) => l.code === lang);
      expect(locale?.organisation).toBeTruthy();
      expect(dryRunIn(model, project, lang).organisation).toBe(locale!.organisation);
    }
    expect(dryRunIn(model, project, 'en').organisation).toBe(project.site?.organisation);
  });
});

describe('the running head of a dry run\'s prints', () => {
  it('keeps a long title clear of the document\'s tag: shortened with an ellipsis, no two words of the head line overlapping', async () => {
    const replacement = dryRunIn(await loadDryRunModel(project, 'document-replacement-2027'), project, 'fr');
    const pdf = saveTo(tempDir(), 'plan-fr-head.pdf', await renderTestPlan(replacement));
    const words = pdfWords(pdf, 2);
    const top = Math.min(...words.map((w) => w.yMin));
    const head = words.filter((w) => Math.abs(w.yMin - top) < 2).sort((a, b) => a.xMin - b.xMin);
    expect(head.map((w) => w.text).join(' ')).toContain('…');
    for (let i = 1; i < head.length; i++) expect(head[i]!.xMin).toBeGreaterThanOrEqual(head[i - 1]!.xMax);
  });
});
