// A count's noun follows the count (ARCHITECTURE.md, Formats: parameters): a country that sets the
// delayed-birth evidence rule to 1, 2, 3 or 11 reads the noun in the form that count takes, in
// English, French and Arabic, in the handbook, the page text, the country profile and the
// simulator's values; and `sopkit check` says which form a noun lacks.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuizFile, loadQuizzes } from '../../../src/lib/assessment/quiz-load.ts';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { sopBodyBlocks } from '../../../src/lib/handbook/sop-body.ts';
import { formatParameter } from '../../../src/lib/params/format.ts';
import { parseParameters } from '../../../src/lib/params/load.ts';
import { nounRules } from '../../../src/lib/params/nouns.ts';
import { translationUses } from '../../../src/lib/params/uses.ts';
import { runtimePayloadFor } from '../../../src/lib/params/payload.ts';
import { countryProfile } from '../../../src/lib/params/profile.ts';
import { searchDocuments } from '../../../src/lib/search/documents.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { copyModelPack, setParameter, tempFolder, textOf } from '../../params/project.ts';

const parent = tempFolder('nouns-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

// Runs of a paragraph in bold and plain are joined with a space: a comma after one is read as written.
const words = (text: string) => text.replace(/\s+/g, ' ').replace(/ ([,،])/g, '$1');

/** The birth-registration SOP's text in a language: its handbook blocks and its search text. */
function sopText(project: Project, lang: string): { handbook: string; search: string } {
  const view = projectIn(project, lang);
  const sop = view.sops.find((s) => s.id === 'birth-registration' && (lang === 'en' ? !s.data?.language || s.data.language === 'en' : s.data?.language === lang));
  if (!sop) throw new Error(`no ${lang} birth-registration SOP`);
  const blocks = sopBodyBlocks(sop, { project: view, edition: 'participant', inPdf: new Set([sop.id]), workflows: new Map(), terms: new Set(), figures: { n: 0 } });
  const search = searchDocuments(project, 'participant', lang)
    .filter((d) => d.id.startsWith('birth-registration#'))
    .map((d) => d.text)
    .join(' ');
  return { handbook: words(textOf(blocks)), search: words(search) };
}

// What a reader of each language reads for each count: the evidence rule of §6.6 with both
// counts set to n.
const rule: Record<string, Record<number, string>> = {
  en: {
    1: '1 independent document, or one document and 1 witness statement',
    2: '2 independent documents, or one document and 2 witness statements',
    3: '3 independent documents, or one document and 3 witness statements',
    11: '11 independent documents, or one document and 11 witness statements',
  },
  fr: {
    1: '1 document indépendant, ou un document et 1 déposition de témoin',
    2: '2 documents indépendants, ou un document et 2 dépositions de témoins',
    3: '3 documents indépendants, ou un document et 3 dépositions de témoins',
    11: '11 documents indépendants, ou un document et 11 dépositions de témoins',
  },
  // One and two are said by the noun alone; 3–10 take the plural, 11–99 the singular.
  ar: {
    1: 'وثيقة مستقلة واحدة، أو وثيقة واحدة وإفادة شاهد واحدة',
    2: 'وثيقتان مستقلتان، أو وثيقة واحدة وإفادتا شاهدين',
    3: '3 وثائق مستقلة، أو وثيقة واحدة و3 إفادات شهود',
    11: '11 وثيقة مستقلة، أو وثيقة واحدة و11 إفادة شاهد',
  },
};

describe('a count with its noun, as a country sets it', () => {
  const root = copyModelPack(join(parent, 'pack'));
  for (const n of [1, 2, 3, 11]) {
    it(`prints ${n} with the noun in the form ${n} takes, in English, French and Arabic, wherever the value prints`, async () => {
      setParameter(root, 'delayed-birth-documents', n);
      setParameter(root, 'delayed-birth-witnesses', n);
      const project = loadProject(root);
      for (const lang of ['en', 'fr', 'ar']) {
        const text = sopText(project, lang);
        // The handbook's blocks are runs of text (a bold one, a value's): read without the spaces
        // the helper puts between runs; the page text below is read space for space.
        const joined = (text: string) => text.replace(/\s+/g, '');
        expect(joined(text.handbook), `${lang} handbook`).toContain(joined(rule[lang]![n]!));
        expect(text.search, `${lang} page text`).toContain(rule[lang]![n]);
        // The country profile and the simulator print the value alone: the count with its noun.
        const documents = rule[lang]![n]!.split(/[,،]/)[0]!;
        const profile = (await countryProfile(projectIn(project, lang), lang)).flatMap((g) => g.entries).find((e) => e.parameter.id === 'delayed-birth-documents');
        expect(profile?.value, `${lang} profile`).toBe(documents);
        expect(runtimePayloadFor(root).values['delayed-birth-documents']?.text[lang], `${lang} simulator`).toBe(documents);
      }
    }, 120_000);
  }
});

/** Every string in data, in order. */
function stringsOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringsOf).join(' ');
  return value && typeof value === 'object' ? Object.values(value).map(stringsOf).join(' ') : '';
}

describe('the model pack with every counted noun', () => {
  it('writes no noun after a count that prints its own: with each such count set to 1, no page or quiz reads "1 attempt attempts"', () => {
    const root = copyModelPack(join(parent, 'ones'));
    const counted = loadProject(root).parameters.list.filter((p) => p.unit === 'count' && p.nouns);
    expect(counted.length).toBeGreaterThan(2);
    for (const p of counted) setParameter(root, p.id, 1);
    const project = loadProject(root);
    for (const lang of ['en', 'fr', 'ar']) {
      const quizzes = lang === 'en' ? loadQuizzes(root) : project.translations[lang]!.quizzes.map((abs) => loadQuizFile(root, abs));
      const text = words([...searchDocuments(project, 'participant', lang).map((d) => d.text), ...quizzes.map((q) => stringsOf(q.quiz))].join(' '));
      for (const p of counted) {
        const noun = p.nouns?.[lang];
        if (!noun) continue;
        const printed = project.parameters.text(p.id, lang);
        expect(printed).toContain(noun.one);
        // The value as printed, then the noun's singular or plural typed again after it.
        for (const again of new Set([noun.one, noun.other])) expect(text.includes(`${printed} ${again}`), `${lang}: "${printed} ${again}"`).toBe(false);
      }
    }
  }, 120_000);
});

describe('formatParameter with a noun', () => {
  const nouns = {
    en: { one: 'record', other: 'records' },
    fr: { one: 'dossier', other: 'dossiers' },
    ar: { zero: 'سجل', one: 'سجل واحد', two: 'سجلان', few: 'سجلات', many: 'سجلًا', other: 'سجل', genitive: { two: 'سجلين' } },
  };
  const count = (value: number) => ({ value, unit: 'count' as const, nouns });

  it('takes the case form a reference asks for, and the nominative where the noun gives none', () => {
    expect(formatParameter(count(2), 'ar', 'genitive')).toBe('سجلين');
    expect(formatParameter(count(2), 'ar', 'accusative')).toBe('سجلان');
    expect(formatParameter(count(2), 'ar')).toBe('سجلان');
    // English and French mark no case: every case prints the same words.
    for (const c of ['nominative', 'accusative', 'genitive'] as const) expect(formatParameter(count(1), 'en', c)).toBe('1 record');
  });

  it('puts the number where a form writes {n}, prints the bare number in a language with no noun, and leaves other units alone', () => {
    expect(formatParameter({ value: 4, unit: 'count', nouns: { en: { one: 'no. {n} record', other: 'records nos. 1–{n}' } } }, 'en')).toBe('records nos. 1–4');
    expect(formatParameter({ value: 4, unit: 'count', nouns: { en: nouns.en } }, 'fr')).toBe('4');
    expect(formatParameter({ value: 4, unit: 'days', nouns: { en: nouns.en } }, 'en')).toBe('4 days');
    // A regional tag takes its language's noun.
    expect(formatParameter(count(1), 'ar-EG')).toBe('سجل واحد');
  });
});

describe('checking nouns', () => {
  it('refuses a noun on a parameter that is not a count, at the key', () => {
    const { diagnostics } = parseParameters(
      ['- id: late-period', '  label: Late registration period', '  value: 30', '  unit: days', '  noun: { one: day, other: days }', '  model: { value: 30, why: The model value for the test. }', '  source: "[Act], s. [x]"', ''].join('\n'),
    );
    expect(diagnostics.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^5 params\/schema parameter late-period, noun: .*noun only with unit: count/)]);
  });

  it('names each form a noun lacks in its language, at its line, and a translation without the noun', () => {
    const root = copyModelPack(join(parent, 'gaps'));
    const edit = (file: string, from: string | RegExp, to: string) => {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).toMatch(from);
      writeFileSync(join(root, file), text.replace(from, to));
    };
    const lineOf = (file: string, needle: string) => readFileSync(join(root, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
    edit('content/parameters.yaml', 'noun: { one: independent document, other: independent documents }', 'noun: { one: independent document }');
    edit('content/ar/parameters.yaml', /\n {4}few: "إفادات شهود"/, '');
    edit('content/ar/parameters.yaml', /\n {4}genitive: \{ two: "إفادتي شاهدين" \}/, '');
    edit('content/fr/parameters.yaml', /\n {2}noun: \{ one: déposition de témoin, other: dépositions de témoins \}/, '');
    edit('content/fr/parameters.yaml', /- id: delayed-birth-documents\n(?: {2}.*\n)*/, '');
    const project = loadProject(root);
    const messages = nounRules(project, translationUses(project)).map((d) => `${d.severity} ${d.file}:${d.line ?? ''} ${d.message}`);
    const source = lineOf('content/parameters.yaml', 'noun: { one: independent document }');
    const arabic = lineOf('content/ar/parameters.yaml', 'إفادة شاهد واحدة') - 2;
    const french = lineOf('content/fr/parameters.yaml', '- id: delayed-birth-witnesses');
    expect(messages).toHaveLength(5);
    for (const expected of [
      `error content/parameters.yaml:${source} parameter delayed-birth-documents, noun: no "other" form, which English uses after 0, 2, 3, …: write other: "<the noun after 0>"`,
      expect.stringMatching(new RegExp(`^error content/ar/parameters.yaml:${arabic} parameter delayed-birth-witnesses, noun: no "few" form, which Arabic uses after 3, 4, 5, …: write few:`)),
      expect.stringMatching(new RegExp(`^error content/ar/parameters.yaml:${arabic} parameter delayed-birth-witnesses, noun: no genitive "two" form: Arabic writes it apart \\("يومين" for "يومان"\\).*write genitive: \\{ two:`)),
      `error content/fr/parameters.yaml:${french} parameter delayed-birth-witnesses has a noun in content/parameters.yaml ("witness statements"), and this entry gives none, so French pages print its count as a bare number: add noun: { one: "…", other: "…" } in French`,
      `warning content/fr/parameters.yaml:1 parameter delayed-birth-documents has a noun in content/parameters.yaml, and content/fr/parameters.yaml has no entry for it, so content/fr/sops/birth-registration.mdx:${lineOf('content/fr/sops/birth-registration.mdx', '<Param id="delayed-birth-documents" />')} prints its count as a bare number: add - id: delayed-birth-documents with its label and noun: { one: "…", other: "…" } in French`,
    ]) {
      expect(messages, messages.join('\n')).toContainEqual(expected);
    }
  }, 120_000);

  it('finds nothing to report in the model pack', () => {
    // (The copy made above for the counts is the pack as it ships until a value is set.)
    const root = copyModelPack(join(parent, 'as-shipped'));
    const project = loadProject(root);
    expect(nounRules(project, translationUses(project))).toEqual([]);
  }, 120_000);
});
