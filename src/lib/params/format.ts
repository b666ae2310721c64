import { pluralCategory, t, tn, uiString } from '../../i18n/index.ts';
import { PERMANENT, UNSET, type NounForms, type Parameter, type ParameterUnit } from '../../schemas/parameters.ts';
import type { ParamCase } from './cases.ts';

/** A count's noun in each language that gives one: the source's `noun` and each translation's (`loadParameters`). */
export type NounsByLanguage = Readonly<Record<string, NounForms>>;

/** What formatting a value needs: the number, its unit, for money the currency, for a count its noun in each language. */
export type ParameterValue = Pick<Parameter, 'value' | 'unit' | 'currency'> & { nouns?: NounsByLanguage };

/** A parameter as a project holds it: with its noun in every language that gives one. */
export type CountedParameter = Parameter & { nouns?: NounsByLanguage };

/** A language's noun, or its base language's (`ar-EG` → `ar`). */
export function nounIn(nouns: NounsByLanguage | undefined, lang: string): NounForms | undefined {
  return nouns?.[lang] ?? nouns?.[lang.split('-')[0] ?? lang];
}

/**
 * Whether a language says a count of one plural category by the noun alone: Arabic writes
 * `وثيقة واحدة`, `وثيقتان` with no digit, as its unit words do (`param.unit.days.one` is
 * `يوم واحد`, `.two` `يومان`); the dictionary's day forms say it for each language, so no
 * language is named here.
 */
function saidByNoun(lang: string, category: Intl.LDMLPluralRule): boolean {
  const days = uiString(`param.unit.days.${category}`, lang);
  return days !== undefined && !days.includes('{n}');
}

/**
 * A count with its noun: the form of the count's plural category in the case asked (the
 * nominative's where the noun has no form for that case), after the number, or alone where the
 * language says the number by the noun (`saidByNoun`); a form with `{n}` puts the number there.
 * A noun without the category's form takes its `other` form (`sopkit check` reports the gap).
 */
function countWithNoun(noun: NounForms, value: number, lang: string, grammaticalCase: ParamCase): string | undefined {
  const category = pluralCategory(value, lang);
  const cased = grammaticalCase === 'nominative' ? undefined : noun[grammaticalCase]?.[category];
  const form = cased ?? noun[category] ?? noun.other;
  if (form === undefined) return undefined;
  const n = formatNumber(value, lang);
  if (form.includes('{n}')) return form.replaceAll('{n}', n);
  return saidByNoun(lang, category) ? form : `${n} ${form}`;
}

// One formatter per language and grouping: making an Intl.NumberFormat costs far more than using
// one, and a check formats every parameter in every language for each workflow file it loads.
const formats = new Map<string, Intl.NumberFormat | null>();

/** The number as the language writes it: `0.85` in English, `0,85` in French; no grouping below 10,000. */
export function formatNumber(value: number, lang: string): string {
  const grouping = Math.abs(value) >= 10_000;
  const key = `${lang}\0${grouping}`;
  let format = formats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(lang, { maximumFractionDigits: 3, useGrouping: grouping });
    } catch {
      format = null; // an unknown language tag: digits as written
    }
    formats.set(key, format);
  }
  return format ? format.format(value) : String(value);
}


/**
 * A value with its unit, in words of the page language: `30 days`, `5 working days`, `10%`,
 * `30 jours`, `10 %`; a period with no end (`value: permanent`) is `permanently`, `à titre permanent`; a
 * count with a noun in the language is `1 independent document`, `وثيقتان`, and without one the bare
 * number; an amount is `1,500 XOF`, `none` when it is 0, and `[amount set by the country]` while it
 * is `unset`. The same text in pages, PDFs, quiz items and machine labels.
 * @param p The value, unit and currency, and a count's nouns.
 * @param lang Language of the page or document.
 * @param grammaticalCase The case the sentence gives the value (`genitive` after `خلال`); nominative by default.
 */
export function formatParameter(p: ParameterValue, lang = 'en', grammaticalCase: ParamCase = 'nominative'): string {
  if (p.value === PERMANENT) return t('param.permanent', lang);
  // An amount the country has not set yet is a placeholder in the reader's language; an amount of
  // 0 (a fee the model or the country does not charge) is "none", not "0 [currency]".
  if (p.value === UNSET) return t('param.unset', lang);
  if (p.unit === 'currency' && p.value === 0) return t('param.none', lang);
  const noun = p.unit === 'count' ? nounIn(p.nouns, lang) : undefined;
  const counted = noun && countWithNoun(noun, p.value, lang, grammaticalCase);
  if (counted !== undefined) return counted;
  const params = { n: formatNumber(p.value, lang), currency: p.currency ?? '[currency]' };
  // A case form (`param.unit.days.genitive.two`) is written only where it differs from the
  // nominative of the same plural category; every other category, and every language without
  // case forms, takes the nominative.
  if (grammaticalCase !== 'nominative') {
    const form = uiString(`param.unit.${p.unit}.${grammaticalCase}.${pluralCategory(p.value, lang)}`, lang);
    if (form !== undefined) return form.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? params[name as keyof typeof params] : whole));
  }
  // The plural form by Intl.PluralRules: one/other in English and French, six forms in Arabic.
  return tn(`param.unit.${p.unit}`, p.value, lang, params);
}

/** The units as the country profile names them, for its "unit" column. */
export function unitName(unit: ParameterUnit): string {
  return unit.replace('-', ' ');
}
