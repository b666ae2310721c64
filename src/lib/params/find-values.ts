import type { NounForms, Parameter, ParameterUnit } from '../../schemas/parameters.ts';
import { nounIn, type CountedParameter } from './format.ts';
import { escapeRegExp } from '../escape-regexp.ts';

/** A number with a unit written in text ("within 90 days", "[5] working days", "10 %", "90-day"). */
export interface WrittenValue {
  /** 0-based index of the match in the text. */
  index: number;
  /** The words as written: `90 days`. */
  text: string;
  value: number;
  unit: 'days' | 'working-days' | 'hours' | 'months' | 'years' | 'percent' | 'count';
  /** A count's noun as written (`records`): it matches only the parameters that count it. */
  noun?: string;
  /** "a 14-year-old", "9 years old": a person's age in a story, never an age limit. */
  describesAge: boolean;
  /** "February 2025 had 28 days", "21 days left in January": the calendar, never a time limit. */
  describesCalendar: boolean;
}

const MONTHS: Record<string, string> = {
  en: 'January|February|March|April|May|June|July|August|September|October|November|December',
  fr: 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre',
};
/**
 * The length of a month in a counting exercise, the month named: "February 2025 had 28 days",
 * "February has 28 or 29 days", "février 2025 comptait 28 jours" (not "the informant has 90 days").
 */
const MONTH_HAS: Record<string, RegExp> = {
  en: new RegExp(`\\b(?:${MONTHS.en})(?:\\s+\\d{4})?\\s+(?:has|had)\\s+(?:\\d+\\s+or\\s+)?$`, 'i'),
  fr: new RegExp(`\\b(?:${MONTHS.fr})(?:\\s+\\d{4})?\\s+(?:a|avait|compte|comptait)\\s+(?:\\d+\\s+ou\\s+)?$`, 'i'),
};
/** Days counted within a month: "21 days left in January", "10 jours restants en mars". */
const IN_MONTH: Record<string, RegExp> = {
  en: new RegExp(`^\\s+(?:left\\s+|remaining\\s+)?in\\s+(?:${MONTHS.en})\\b`, 'i'),
  fr: new RegExp(`^\\s+(?:restants?\\s+)?en\\s+(?:${MONTHS.fr})\\b`, 'i'),
};

// Digits only ("ninety days" is left alone: a number in words is read as a fact, not a setting),
// optionally in the pack's old placeholder brackets: "[30] days", "[5%]". Legal drafting's forms
// too: "thirty (30) days", "30 (thirty) days", "30 calendar days", "14 clear days".
const WORDS = String.raw`(?: \([^\d()\n]{1,40}\))?`;
const WRITTEN = new RegExp(String.raw`(?<![\w.,/-])[\[(]?(\d+(?:\.\d+)?)(?:\s?%\]|[\])]?${WORDS}[ \u00a0-]?((?:calendar |clear )?(?:working[ -]days?|days?)|hours?|months?|years?|per ?cent|%)(?![a-z]))`, 'gi');

// The units as a translation writes them: "90 jours", "5 jours ouvrables", "10 %" (a no-break or
// narrow no-break space before it); "90 يومًا", "٩٠ يوما", "٥ أيام عمل" (Arabic-Indic digits too).
const WRITTEN_IN: Record<string, RegExp> = {
  fr: new RegExp(String.raw`(?<![\w.,/-])[\[(]?(\d+(?:[.,]\d+)?)(?:[\s\u202f]?%\]|[\])]?${WORDS}[ \u00a0\u202f-]?(jours? ouvrables?|jours?|heures?|mois|ans?|années?|pour ?cent|%)(?![a-zà-ÿ]))`, 'gi'),
  ar: new RegExp(String.raw`(?<![\w.,/\u0660-\u0669-])[\[(]?([0-9\u0660-\u0669]+(?:[.,\u066b][0-9\u0660-\u0669]+)?)[\])]?${WORDS}[ \u00a0-]?(أيام عمل|يوم عمل|يومًا|يوما|يوم|أيام|ساعة|ساعات|شهرًا|شهرا|شهر|أشهر|شهور|سنة|سنوات|عامًا|عاما|عام|أعوام|في المائة|بالمائة|في المئة|بالمئة|٪|%)(?![\u0621-\u064a])`, 'g'),
};

function unitOf(word: string | undefined): WrittenValue['unit'] {
  const w = (word ?? '%').toLowerCase().replace(/^(?:calendar|clear) /, '');
  if (w.startsWith('working') || w.includes('ouvrable') || w.includes('عمل')) return 'working-days';
  if (w.startsWith('day') || w.startsWith('jour') || /يوم|أيام/.test(w)) return 'days';
  if (w.startsWith('hour') || w.startsWith('heure') || w.startsWith('ساع')) return 'hours';
  if (w.startsWith('month') || w === 'mois' || /شهر|أشهر/.test(w)) return 'months';
  if (w.startsWith('year') || w.startsWith('an') || /سن|عام|أعوام/.test(w)) return 'years';
  return 'percent';
}

/** "٩٠" or "1,5" as a number. */
const numberOf = (digits: string) => Number(digits.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[,\u066b]/, '.'));

/**
 * Every number followed by a unit of time or a percent sign in a text.
 * @param lang The text's language: English unit words, or French or Arabic ones in a translation.
 */
export function writtenValues(text: string, lang = 'en'): WrittenValue[] {
  return [...text.matchAll(WRITTEN_IN[lang] ?? WRITTEN)].map((m) => {
    let index = m.index ?? 0;
    let written = m[0];
    // A placeholder bracketing the unit too, "[5 working days]": its closing bracket is quoted with
    // it (the warning quoted "[5 working days"); an opening bracket whose text goes on past the
    // value ("[5 working days or less]") is left out, so the quote never has half a pair.
    // The same for a parenthesis: "(30 days)" is quoted whole, "(30 days or less" from the number.
    for (const [open, close] of [['[', ']'], ['(', ')']] as const) {
      if (written.startsWith(open) && !written.includes(close)) {
        if (text[index + written.length] === close) written += close;
        else [index, written] = [index + 1, written.slice(1)];
      }
    }
    const after = text.slice(index + written.length);
    return {
      index,
      text: written,
      value: numberOf(m[1]!),
      unit: unitOf(m[2]),
      describesAge: /^[ \u00a0-]old\b/i.test(after),
      describesCalendar: unitOf(m[2]) === 'days' && (!!MONTH_HAS[lang]?.test(text.slice(Math.max(0, index - 30), index)) || !!IN_MONTH[lang]?.test(after)),
    };
  });
}

/** The same length in the units a parameter may use: 1 year = 12 months = 365 days. */
function equivalents({ value, unit, describesAge }: WrittenValue): [number, ParameterUnit][] {
  const out: [number, ParameterUnit][] = [[value, unit]];
  if (unit === 'years' && !describesAge) out.push([value, 'age']);
  if (unit === 'years') out.push([value * 12, 'months'], [value * 365, 'days']);
  if (unit === 'months' && value % 12 === 0) out.push([value / 12, 'years'], [(value / 12) * 365, 'days']);
  if (unit === 'days' && value % 365 === 0 && value > 0) out.push([value / 365, 'years'], [(value / 365) * 12, 'months']);
  return out;
}

/** A noun's forms, in lower case. */
const formsOf = (noun: NounForms | undefined): string[] => (noun ? Object.values(noun).filter((f): f is string => typeof f === 'string').map((f) => f.toLowerCase()) : []);

/**
 * The forms of a count parameter's noun, as written after its number, in lower case: in a text's
 * language, the noun its translation gives (`content/<lang>/parameters.yaml`, or its base
 * language's), else the source's; with no language, every language's.
 */
function nounForms(p: CountedParameter, lang?: string): string[] {
  if (p.unit !== 'count') return [];
  if (lang === undefined) return [...new Set([p.noun, ...Object.values(p.nouns ?? {})].flatMap(formsOf))];
  return formsOf(nounIn(p.nouns, lang) ?? p.noun);
}

/** The parameters whose value and unit a written value equals (several when parameters share a value). */
export function matchingParameters(written: WrittenValue, list: readonly Parameter[], which: 'value' | 'model' = 'value'): Parameter[] {
  const valueOf = (p: Parameter) => (which === 'value' ? p.value : p.model.value);
  const changedOrAny = (p: Parameter) => which === 'value' || p.model.value !== p.value;
  if (written.unit === 'count') return list.filter((p) => changedOrAny(p) && valueOf(p) === written.value && nounForms(p).includes(written.noun ?? ''));
  const forms = equivalents(written);
  return list.filter((p) => changedOrAny(p) && forms.some(([v, u]) => p.unit === u && valueOf(p) === v));
}

/** Per parameter list and language: one expression for every count noun it has, longest forms first. */
const countPatterns = new WeakMap<readonly Parameter[], Map<string, RegExp | null>>();

/**
 * The counts in a text written with the noun a count parameter counts ("100 records", "[2]
 * witness statements", "100 enregistrements"), as the parameters' nouns are written in the text's
 * language: a number with no noun, or another one, is a fact of the text ("12% of 100", "2 records").
 */
function writtenCounts(text: string, list: readonly CountedParameter[], lang: string): WrittenValue[] {
  const byLang = countPatterns.get(list) ?? new Map<string, RegExp | null>();
  countPatterns.set(list, byLang);
  let pattern = byLang.get(lang);
  if (pattern === undefined) {
    const nouns = [...new Set(list.flatMap((p) => nounForms(p, lang)))].sort((a, b) => b.length - a.length);
    pattern = nouns.length ? new RegExp(String.raw`(?<![\w.,/-])\[?(\d+)\]?[ \u00a0](${nouns.map(escapeRegExp).join('|')})(?![\p{L}\p{N}])`, 'giu') : null;
    byLang.set(lang, pattern);
  }
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index ?? 0, text: m[0], value: Number(m[1]), unit: 'count' as const, noun: m[2]!.toLowerCase(), describesAge: false, describesCalendar: false }));
}

/**
 * Each written value in a text that equals a parameter, with the parameters it equals (`params`)
 * and those whose model value it equals where the country set another value (`old`): a "90 days"
 * left in a text after the country set the period to 60 states the model's law, not its own.
 */
export function hardCodedValues(text: string, list: readonly Parameter[], lang = 'en'): { written: WrittenValue; params: Parameter[]; old: Parameter[] }[] {
  if (!list.length) return [];
  return [...writtenValues(text, lang), ...writtenCounts(text, list, lang)].sort((a, b) => a.index - b.index).flatMap((written) => {
    if (written.describesCalendar) return [];
    const params = matchingParameters(written, list);
    const old = matchingParameters(written, list, 'model');
    return params.length || old.length ? [{ written, params, old }] : [];
  });
}
