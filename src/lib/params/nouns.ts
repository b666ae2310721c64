import { pluralCategory, uiString } from '../../i18n/index.ts';
import { pluralCategories, type NounForms } from '../../schemas/parameters.ts';
import type { Project } from '../content/project.ts';
import type { ParsedYaml } from '../content/frontmatter.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { paramCases } from './cases.ts';
import { parametersFile } from './load.ts';
import type { ParameterUse } from './uses.ts';

/** The counts a noun's forms are checked over: every whole number a count of things plausibly takes. */
const COUNTS = Array.from({ length: 1001 }, (_, n) => n);

/** The units whose dictionary words show which case forms a language writes apart (`param.unit.days.genitive.two`). */
const CASED_UNITS = ['days', 'working-days', 'hours', 'months', 'years', 'age'] as const;

/** A language's name in English ("Arabic"), or its code. */
function languageName(lang: string): string {
  try {
    return new Intl.DisplayNames('en', { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** The plural categories a language gives the counts 0 to 1000, each with those counts, in the order of `pluralCategories`. */
export function categoriesOf(lang: string): Map<Intl.LDMLPluralRule, number[]> {
  const found = new Map<Intl.LDMLPluralRule, number[]>();
  for (const n of COUNTS) {
    const c = pluralCategory(n, lang);
    found.set(c, [...(found.get(c) ?? []), n]);
  }
  return new Map(pluralCategories.filter((c) => found.has(c)).map((c) => [c, found.get(c)!]));
}

/**
 * The case forms a language writes apart from the nominative for every unit of its dictionary
 * (Arabic's dual: `يومين` for `يومان`, `ساعتين` for `ساعتان`), as `genitive.two`: a noun after a
 * number changes there too, so a noun must give them.
 */
export function caseFormsOf(lang: string): { grammaticalCase: 'accusative' | 'genitive'; category: Intl.LDMLPluralRule }[] {
  const out: { grammaticalCase: 'accusative' | 'genitive'; category: Intl.LDMLPluralRule }[] = [];
  for (const grammaticalCase of paramCases) {
    if (grammaticalCase === 'nominative') continue;
    for (const category of pluralCategories) {
      if (CASED_UNITS.every((u) => uiString(`param.unit.${u}.${grammaticalCase}.${category}`, lang) !== undefined)) out.push({ grammaticalCase, category });
    }
  }
  return out;
}

/** "3, 4, 5, …" */
function someCounts(counts: readonly number[]): string {
  return counts.length > 3 ? `${counts.slice(0, 3).join(', ')}, …` : counts.join(', ');
}

/**
 * What a noun lacks in a language, each as the advice to write it: a form for each plural
 * category the language gives the counts 0 to 1000, and the case forms it writes apart.
 * @param noun The noun's forms as written.
 * @param lang The language they are in.
 */
export function missingNounForms(noun: NounForms, lang: string): string[] {
  const name = languageName(lang);
  const out: string[] = [];
  for (const [category, counts] of categoriesOf(lang)) {
    if (noun[category] !== undefined) continue;
    const day = uiString(`param.unit.days.${category}`, lang);
    const alone = day !== undefined && !day.includes('{n}') ? `, said without the number as ${name} says "${day}"` : '';
    out.push(`no "${category}" form, which ${name} uses after ${someCounts(counts)}: write ${category}: "<the noun after ${counts[0]}${alone}>"`);
  }
  for (const { grammaticalCase, category } of caseFormsOf(lang)) {
    if (noun[grammaticalCase]?.[category] !== undefined) continue;
    const nominative = uiString(`param.unit.days.${category}`, lang) ?? '';
    const cased = uiString(`param.unit.days.${grammaticalCase}.${category}`, lang) ?? '';
    out.push(`no ${grammaticalCase} "${category}" form: ${name} writes it apart ("${cased}" for "${nominative}"), and a reference with case="${grammaticalCase}" prints it: write ${grammaticalCase}: { ${category}: "<…>" }`);
  }
  return out;
}

/** The index of an entry with an id in a YAML list, for its position. */
function indexOf(yaml: ParsedYaml | undefined, id: string): number {
  const data = yaml?.data;
  return Array.isArray(data) ? data.findIndex((e) => (e as { id?: unknown } | null)?.id === id) : -1;
}

/**
 * `sopkit check` on counted nouns (`params/noun`): a noun, the source's or a translation's, that
 * lacks a form its language needs is an error at the noun; a translation whose entry for a
 * count with a noun gives none is an error at the entry, and one with no entry for it, when a text
 * of that language names the parameter, a warning (that text prints the bare number); a translated
 * noun on a parameter that is not a count is an error.
 * @param project The loaded project.
 * @param uses Where each parameter is named (`checkParameters`' list); a language's files are under `content/<lang>/` or `quizzes/<lang>/`.
 */
export function nounRules(project: Project, uses: readonly ParameterUse[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const source = project.locales[0]?.code ?? 'en';
  const sourceYaml = project.yaml.parameters;
  for (const p of project.parameters.list) {
    if (!p.noun || p.unit !== 'count') continue;
    const at = sourceYaml?.positionOf([indexOf(sourceYaml, p.id), 'noun']);
    for (const advice of missingNounForms(p.noun, source)) out.push(diagnostic('error', 'params/noun', parametersFile, `parameter ${p.id}, noun: ${advice}`, at));
  }
  for (const [lang, tr] of Object.entries(project.translations)) {
    const file = tr.parameters.file;
    const name = languageName(lang);
    for (const entry of tr.parameters.entries) {
      const p = project.parameters.get(entry.id);
      const i = indexOf(tr.parameters.yaml, entry.id);
      if (!p) continue; // an unknown id has its own error
      if (entry.noun && p.unit !== 'count') {
        out.push(diagnostic('error', 'params/noun', file, `parameter ${p.id}, noun: only a count (unit: count) takes a noun, and this one is in ${p.unit}, printed with its unit words; remove the noun`, tr.parameters.yaml?.positionOf([i, 'noun'])));
        continue;
      }
      if (entry.noun) {
        for (const advice of missingNounForms(entry.noun, lang)) out.push(diagnostic('error', 'params/noun', file, `parameter ${p.id}, noun: ${advice}`, tr.parameters.yaml?.positionOf([i, 'noun'])));
      } else if (p.noun && p.unit === 'count') {
        out.push(diagnostic('error', 'params/noun', file, `parameter ${p.id} has a noun in ${parametersFile} ("${p.noun.other ?? Object.values(p.noun)[0]}"), and this entry gives none, so ${name} pages print its count as a bare number: add noun: { ${[...categoriesOf(lang).keys()].map((c) => `${c}: "…"`).join(', ')} } in ${name}`, tr.parameters.yaml?.positionOf([i, 'id'])));
      }
    }
    // A file with an error of its own gives no entries: they are not missing (one stray field under
    // the first entry gave eleven "has no entry for it" warnings before the error).
    if (tr.parameters.invalid) continue;
    const inLang = uses.filter((u) => u.file.startsWith(`content/${lang}/`) || u.file.startsWith(`quizzes/${lang}/`));
    for (const p of project.parameters.list) {
      if (!p.noun || p.unit !== 'count' || tr.parameters.entries.some((e) => e.id === p.id)) continue;
      const use = inLang.find((u) => u.id === p.id);
      if (!use) continue; // no text of this language names it: nothing prints it there with a noun
      out.push(diagnostic('warning', 'params/noun', file, `parameter ${p.id} has a noun in ${parametersFile}, and ${file} has no entry for it, so ${use.file}:${use.at.line} prints its count as a bare number: add - id: ${p.id} with its label and noun: { ${[...categoriesOf(lang).keys()].map((c) => `${c}: "…"`).join(', ')} } in ${name}`));
    }
  }
  return out;
}
