import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../src/i18n/numbers.ts';
import { componentUses, parseMdx } from '../../../src/lib/content/mdx.ts';
import { splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { hardCodedInMdx } from '../../../src/lib/params/check.ts';
import { writtenValues, hardCodedValues } from '../../../src/lib/params/find-values.ts';
import { formatParameter } from '../../../src/lib/params/format.ts';
import { parseParameters } from '../../../src/lib/params/load.ts';
import { machineParamUses } from '../../../src/lib/params/machine-refs.ts';
import { runtimePayload, runtimePayloadFor } from '../../../src/lib/params/payload.ts';
import { param, paramDays, paramMs, paramText, useParameters } from '../../../src/lib/params/runtime.ts';
import { paramRefs, substituteDeep, substituteParams } from '../../../src/lib/params/substitute.ts';

const files = join(import.meta.dirname, '../../fixtures/params/files');
const parse = (name: string) => parseParameters(readFileSync(join(files, name), 'utf8'));
const messages = (name: string) => parse(name).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

describe('loading content/parameters.yaml', () => {
  it('reads every entry, with the model value and why', () => {
    const { set, diagnostics } = parse('valid.yaml');
    expect(diagnostics).toEqual([]);
    expect(set.list.map((p) => p.id)).toEqual(['late-period', 'quality-sample', 'fee']);
    expect(set.get('late-period')).toMatchObject({ value: 30, unit: 'days', model: { value: 90 }, group: 'Registration periods' });
    expect(set.get('missing')).toBeUndefined();
  });

  it('keeps the valid entries when another is wrong, and says what is wrong and where', () => {
    const { set } = parse('one-bad.yaml');
    expect(set.list.map((p) => p.id)).toEqual(['late-period']);
    expect(messages('one-bad.yaml')).toEqual([
      '11:3 params/schema parameter share, value: found 120; expected a percentage between 0 and 100',
      '13:3 params/schema parameter share, currency: found "XOF"; expected currency only with unit: currency (remove it, or change the unit)',
    ]);
  });

  it('refuses a value too large to be a period or an amount, at the parameter (not in every workflow that reads it)', () => {
    expect(messages('too-large.yaml')).toEqual([
      '3:3 params/schema parameter late-period, value: found 1e308; expected at most 366,000 days (1,000 years): check the value',
      '14:5 params/schema parameter retention, model.value: found 1001; expected at most 1,000 years: check the value',
      '19:3 params/schema parameter fee, value: found 1e300; expected a number written in full, not one this large: check the value',
    ]);
  });

  it('reads permanent as a period with no end, and says at the key what else is allowed', () => {
    const { set } = parse('permanent.yaml');
    expect(set.list.map((p) => [p.id, p.value, p.model.value])).toEqual([
      ['register-retention', 'permanent', 'permanent'],
      ['paper-retention', 30, 'permanent'],
    ]);
    expect(messages('permanent.yaml')).toEqual([
      '19:3 params/schema parameter forever, value: found "forever"; expected a number, in the unit of the parameter, or permanent (a period with no end), or unset (an amount the country sets)',
      '27:3 params/schema parameter permanent-fee, value: found "permanent"; expected a number: permanent is only for a length of time (unit days, working-days, hours, months or years), and this parameter is in currency',
    ]);
  });

  it('reads unset as an amount the country sets, and refuses it for anything but an amount, at the key', () => {
    const { set } = parse('unset.yaml');
    expect(set.list.map((p) => [p.id, p.value, p.model.value])).toEqual([
      ['copy-fee', 'unset', 'unset'],
      ['late-fee', 0, 0],
    ]);
    expect(messages('unset.yaml')).toEqual(['22:3 params/schema parameter unset-period, value: found "unset"; expected a number: unset is only for an amount (unit currency) the country sets, and this parameter is in days']);
  });

  it('says the file must be a list, and reports YAML syntax at its line', () => {
    expect(messages('not-a-list.yaml')).toEqual(['1:1 params/schema expected a list of parameters, each starting with "- id:"']);
    expect(messages('syntax.yaml')[0]).toMatch(/^\d+:\d+ yaml\/syntax YAML syntax: /);
  });
});

describe('printing a value with its unit', () => {
  const cases: [Parameters<typeof formatParameter>[0], string, string][] = [
    [{ value: 30, unit: 'days' }, '30 days', '30 jours'],
    [{ value: 1, unit: 'days' }, '1 day', '1 jour'],
    [{ value: 5, unit: 'working-days' }, '5 working days', '5 jours ouvrables'],
    [{ value: 1, unit: 'working-days' }, '1 working day', '1 jour ouvrable'],
    [{ value: 24, unit: 'hours' }, '24 hours', '24 heures'],
    [{ value: 3, unit: 'months' }, '3 months', '3 mois'],
    [{ value: 10, unit: 'years' }, '10 years', '10 ans'],
    [{ value: 16, unit: 'age' }, '16 years', '16 ans'],
    // English writes the sign right after the number, as its reports do (formatPercent: 85%); French
    // after a no-break space.
    [{ value: 10, unit: 'percent' }, '10%', '10\u00a0%'],
    [{ value: 12.5, unit: 'percent' }, '12.5%', '12,5\u00a0%'],
    [{ value: 0.85, unit: 'score' }, '0.85', '0,85'],
    [{ value: 2, unit: 'count' }, '2', '2'],
    [{ value: 25000, unit: 'currency', currency: 'XOF' }, '25,000 XOF', '25\u202f000 XOF'],
  ];
  for (const [p, en, fr] of cases) {
    it(`${p.value} ${p.unit}: "${en}" in English, "${fr}" in French`, () => {
      expect(formatParameter(p, 'en')).toBe(en);
      expect(formatParameter(p, 'fr')).toBe(fr);
    });
  }

  it('prints a period with no end in words, in every language (the same text in pages, PDFs and quizzes)', () => {
    const p = { value: 'permanent', unit: 'years' } as const;
    expect([formatParameter(p, 'en'), formatParameter(p, 'fr'), formatParameter(p, 'ar')]).toEqual(['permanently', 'à titre permanent', 'بصفة دائمة']);
    const { set } = parse('permanent.yaml');
    expect(set.text('register-retention', 'fr')).toBe('à titre permanent');
    expect(set.text('paper-retention', 'en')).toBe('30 years');
  });

  it('says an Arabic dual in the case its sentence gives it, and one day as an object, English and French the same in every case', () => {
    const ar = (value: number, unit: 'days' | 'working-days' | 'hours' | 'months' | 'years' | 'age', c?: 'nominative' | 'accusative' | 'genitive') => formatParameter({ value, unit }, 'ar', c);
    // After a preposition or in an idafa (خلال يومين، كل سنتين), and as an object (لا تتجاوز يومين).
    expect(['days', 'working-days', 'hours', 'months', 'years', 'age'].map((u) => ar(2, u as 'days', 'genitive'))).toEqual(['يومين', 'يومي عمل', 'ساعتين', 'شهرين', 'سنتين', 'سنتين']);
    expect(ar(2, 'years', 'accusative')).toBe('سنتين');
    // Standing alone, as a subject or a predicate, and by default (tables, the country profile).
    expect([ar(2, 'years'), ar(2, 'years', 'nominative'), ar(2, 'working-days')]).toEqual(['سنتان', 'سنتان', 'يوما عمل']);
    // An object's one day takes the accusative's alif; after a preposition it is as the nominative.
    expect([ar(1, 'days', 'accusative'), ar(1, 'months', 'accusative'), ar(1, 'days', 'genitive'), ar(1, 'hours', 'accusative')]).toEqual(['يومًا واحدًا', 'شهرًا واحدًا', 'يوم واحد', 'ساعة واحدة']);
    // 3–10 (genitive plural), 11–99 (accusative singular) and 100 (genitive singular) take one form in every case.
    for (const c of ['accusative', 'genitive'] as const) expect([3, 15, 90, 100, 365].map((n) => ar(n, 'days', c))).toEqual(['3 أيام', '15 يومًا', '90 يومًا', '100 يوم', '365 يومًا']);
    for (const c of ['accusative', 'genitive'] as const) {
      for (const [p, en, fr] of cases) {
        expect(formatParameter(p, 'en', c)).toBe(en);
        expect(formatParameter(p, 'fr', c)).toBe(fr);
      }
    }
    expect(formatParameter({ value: 'permanent', unit: 'years' }, 'ar', 'genitive')).toBe('بصفة دائمة');
  });

  it('keeps a percent sign on the line of its number: right after it in English, as the reports write it, after a no-break space in French and Arabic', () => {
    expect(formatParameter({ value: 15, unit: 'percent' }, 'en')).toBe(formatPercent(0.15, 'en'));
    for (const lang of ['ar', 'fr']) {
      const text = formatParameter({ value: 15, unit: 'percent' }, lang);
      expect(text, lang).toMatch(/^15\u00a0%$/);
    }
  });

  it('prints an amount not set yet as a placeholder, and an amount of 0 as none, in each language', () => {
    const unset = { value: 'unset', unit: 'currency', currency: 'XOF' } as const;
    expect(['en', 'fr', 'ar'].map((l) => formatParameter(unset, l))).toEqual(['[amount set by the country]', '[montant fixé par le pays]', '[المبلغ الذي يحدده البلد]']);
    // "0 XOF" for a fee that is not charged read as an amount to collect.
    expect(['en', 'fr', 'ar'].map((l) => formatParameter({ value: 0, unit: 'currency' }, l))).toEqual(['none', 'néant', 'لا يوجد']);
    // 0 of any other unit is still a number.
    expect(formatParameter({ value: 0, unit: 'days' }, 'en')).toBe('0 days');
  });

  it('names the currency placeholder when the file gives none', () => {
    expect(formatParameter({ value: 500, unit: 'currency' }, 'en')).toBe('500 [currency]');
  });
});

describe('{param:id} in YAML text and MDX attributes', () => {
  const lookup = (id: string) => ({ 'late-period': '30 days', appeal: '21 days' })[id];

  it('finds each reference with its place', () => {
    expect(paramRefs('within {param:late-period} or {param:appeal}')).toEqual([
      { id: 'late-period', index: 7 },
      { id: 'appeal', index: 30 },
    ]);
  });

  it('reads the case a translator asks for after a bar, and keeps an unknown case in the id for the checker', () => {
    expect(paramRefs('كل {param:audit-cycle|genitive} و{param:late-period}')).toEqual([
      { id: 'audit-cycle', grammaticalCase: 'genitive', index: 3 },
      { id: 'late-period', index: 33 },
    ]);
    expect(paramRefs('{param:audit-cycle|genetive}')).toEqual([{ id: 'audit-cycle|genetive', index: 0 }]);
    const cased = (id: string, c?: string) => (id === 'audit-cycle' ? (c === 'genitive' ? 'سنتين' : 'سنتان') : undefined);
    expect(substituteParams('مرة كل {param:audit-cycle|genitive}؛ المدة: {param:audit-cycle}', cased)).toBe('مرة كل سنتين؛ المدة: سنتان');
    expect(substituteParams('{param:audit-cycle|genetive}', cased)).toBe('{param:audit-cycle|genetive}');
    expect(substituteDeep({ stem: 'بعد {param:audit-cycle|genitive}' }, cased)).toEqual({ stem: 'بعد سنتين' });
  });

  it('replaces known ids and leaves unknown ones as written for the checker', () => {
    expect(substituteParams('within {param:late-period}; {param:nope}', lookup)).toBe('within 30 days; {param:nope}');
    expect(substituteParams('no reference', lookup)).toBe('no reference');
  });

  it('replaces strings deep in YAML data and leaves keys, numbers and booleans alone', () => {
    const data = { stem: 'Within {param:late-period}?', options: [{ id: 'a', text: '{param:appeal}', correct: true }], marks: 1 };
    expect(substituteDeep(data, lookup)).toEqual({ stem: 'Within 30 days?', options: [{ id: 'a', text: '21 days', correct: true }], marks: 1 });
    expect(data.stem).toBe('Within {param:late-period}?');
  });
});

describe('numbers typed in text that a parameter holds', () => {
  it('reads digits with a unit in the forms authors write them', () => {
    const found = (s: string) => writtenValues(s).map((w) => `${w.value} ${w.unit}`);
    expect(found('within 90 days of the birth')).toEqual(['90 days']);
    expect(found('a 90-day period')).toEqual(['90 days']);
    expect(found('[30] days (model value: 30)')).toEqual(['30 days']);
    expect(found('5 working days, or [20] working days')).toEqual(['5 working-days', '20 working-days']);
    expect(found('10 %, 10%, [10]% and [5%]')).toEqual(['10 percent', '10 percent', '10 percent', '5 percent']);
    expect(found('within 24 hours; 12 months; 2 years')).toEqual(['24 hours', '12 months', '2 years']);
    expect(found('born 2016-02-14; article 7; the last 4 weeks; ninety days; version 1.2.0')).toEqual([]);
  });

  it('reads a period as legal drafting writes it: calendar or clear days, the number in words and in figures, per cent in Arabic words', () => {
    // "within thirty (30) calendar days" is how regulations write a period; it was no value at all,
    // so a country's own text kept the old law with no warning.
    const found = (s: string, lang = 'en') => writtenValues(s, lang).map((w) => `${w.text}: ${w.value} ${w.unit}`);
    expect(found('within 30 calendar days; 14 clear days')).toEqual(['30 calendar days: 30 days', '14 clear days: 14 days']);
    expect(found('within thirty (30) days; within 60 (sixty) days; ninety (90) calendar days')).toEqual(['(30) days: 30 days', '60 (sixty) days: 60 days', '(90) calendar days: 90 days']);
    expect(found('not yet 3 (three) years old')).toEqual(['3 (three) years: 3 years']);
    expect(writtenValues('not yet 3 (three) years old')[0]?.describesAge).toBe(true);
    expect(found('دقة 10 في المائة، و5 بالمائة، و٢ في المئة', 'ar')).toEqual(['10 في المائة: 10 percent', '5 بالمائة: 5 percent', '٢ في المئة: 2 percent']);
    // A parenthesis that is not the number's own is left alone.
    expect(found('see annex (30 pages) days later')).toEqual([]);
  });

  it('quotes a placeholder bracketing the unit too with both brackets, and never half a pair', () => {
    // time="[5 working days]" was quoted "[5 working days".
    const quoted = (s: string, lang = 'en') => writtenValues(s, lang).map((w) => [w.text, s.slice(w.index, w.index + w.text.length)]);
    expect(quoted('[5 working days]')).toEqual([['[5 working days]', '[5 working days]']]);
    expect(quoted('within [30 days] of the birth; [10 %]')).toEqual([['[30 days]', '[30 days]'], ['[10 %]', '[10 %]']]);
    expect(quoted('[5 jours ouvrables]', 'fr')).toEqual([['[5 jours ouvrables]', '[5 jours ouvrables]']]);
    expect(quoted('[٥ أيام عمل]', 'ar')).toEqual([['[٥ أيام عمل]', '[٥ أيام عمل]']]);
    // The bracket closes past the value: the value alone, at its own place.
    expect(quoted('[5 working days or less]')).toEqual([['5 working days', '5 working days']]);
    expect(quoted('[30] days; [5%]')).toEqual([['[30] days', '[30] days'], ['[5%]', '[5%]']]);
  });

  it('leaves the calendar of a counting exercise alone, not a time limit said the same way', () => {
    const list = [{ ...parse('valid.yaml').set.list[0]!, id: 'appeal', value: 28 }, { ...parse('valid.yaml').set.list[0]!, id: 'notify', value: 21 }];
    const ids = (s: string, lang = 'en') => hardCodedValues(s, list, lang).map((h) => h.written.text);
    expect(ids('February 2025 had 28 days, so 31 days; February has 28 or 29 days')).toEqual([]);
    expect(ids('born 10 January (21 days left in January)')).toEqual([]);
    expect(ids('février 2025 comptait 28 jours ; 21 jours restants en janvier', 'fr')).toEqual([]);
    // The same numbers as time limits are still found.
    expect(ids('The informant has 28 days to appeal; notify within 21 days in any month')).toEqual(['28 days', '21 days']);
    expect(ids("l'usager a 28 jours pour faire appel", 'fr')).toEqual(['28 jours']);
  });

  it('reads the units of a French or Arabic translation, Arabic-Indic digits included', () => {
    const found = (s: string, lang: string) => writtenValues(s, lang).map((w) => `${w.value} ${w.unit}`);
    expect(found('dans un délai de 90 jours ; 5 jours ouvrables ; 24 heures ; 12 mois ; 1 an ; 2 années ; 10 % ; 10\u00a0%', 'fr')).toEqual(['90 days', '5 working-days', '24 hours', '12 months', '1 years', '2 years', '10 percent', '10 percent']);
    expect(found('voir les annexes 2 et 3 ; article 7 ; quatre-vingt-dix jours', 'fr')).toEqual([]);
    expect(found('خلال ٩٠ يومًا، أو 30 يوما، و٥ أيام عمل، و24 ساعة، و12 شهرًا، و10 ٪', 'ar')).toEqual(['90 days', '30 days', '5 working-days', '24 hours', '12 months', '10 percent']);
    // An English text is read with English words only: "90 jours" in it is no value.
    expect(found('90 jours', 'en')).toEqual([]);
  });

  it('names the model value of a parameter the country changed (the text states the old law), and not one left as the model has it', () => {
    const [base] = parse('valid.yaml').set.list;
    const changed = { ...base!, id: 'changed', value: 60, model: { ...base!.model, value: 90 } };
    const kept = { ...base!, id: 'kept', value: 90, model: { ...base!.model, value: 90 } };
    const found = hardCodedValues('dans un délai de 90 jours', [changed, kept], 'fr');
    expect(found.map((h) => [h.written.text, h.params.map((p) => p.id), h.old.map((p) => p.id)])).toEqual([['90 jours', ['kept'], ['changed']]]);
    expect(hardCodedValues('within 60 days', [changed, kept]).map((h) => [h.params.map((p) => p.id), h.old])).toEqual([[['changed'], []]]);
  });

  it('matches a parameter by value and unit, a year as 12 months or 365 days, and an age limit but not a person\'s age', () => {
    const list = parse('valid.yaml').set.list;
    const ids = (s: string) => hardCodedValues(s, list).map((h) => `${h.written.text}=${h.params.map((p) => p.id).join('+')}`);
    expect(ids('within 30 days; 10 % of decisions')).toEqual(['30 days=late-period', '10 %=quality-sample']);
    expect(ids('within 31 days; 30 working days')).toEqual([]);
    const year = [{ ...list[0]!, id: 'grace', value: 365 }, { ...list[0]!, id: 'age', unit: 'age' as const, value: 16 }];
    expect(hardCodedValues('up to 1 year, or 12 months', year).map((h) => h.params[0]?.id)).toEqual(['grace', 'grace']);
    expect(hardCodedValues('aged 16 years and over', year).map((h) => h.params[0]?.id)).toEqual(['age']);
    expect(hardCodedValues('a 16-year-old, who is 16 years old', year)).toEqual([]);
  });

  it('finds a count typed with its parameter\'s own noun, and only that noun', () => {
    // A country that samples 150 records an office kept "100 records" typed in an SOP: only time
    // units and percentages were looked for, so a count never followed the country's value.
    const [base] = parse('valid.yaml').set.list;
    const sample = { ...base!, id: 'audit-sample-size', unit: 'count' as const, value: 100, model: { ...base!.model, value: 100 }, noun: { one: 'record', other: 'records' } };
    const witnesses = { ...base!, id: 'witnesses', unit: 'count' as const, value: 2, model: { ...base!.model, value: 2 }, noun: { one: 'witness statement', other: 'witness statements' } };
    const returns = { ...base!, id: 'returns', unit: 'count' as const, value: 3, model: { ...base!.model, value: 2 }, noun: { one: 'return', other: 'returns' } };
    const list = [sample, witnesses, returns];
    const found = (s: string) => hardCodedValues(s, list).map((h) => `${h.written.text}=${h.params.map((p) => p.id).join('+')}/${h.old.map((p) => p.id).join('+')}`);
    expect(found('Draw 100 records per office; [100] records at most; 2 witness statements.')).toEqual(['100 records=audit-sample-size/', '[100] records=audit-sample-size/', '2 witness statements=witnesses/']);
    // Another noun, no noun, a bigger number, a number inside a code or a date: none of them.
    expect(found('2 records; 100 witness statements; 12% of 100; 1100 records; 100 recordings; GEN-100 records')).toEqual([]);
    // The model value of a count the country changed states the model's rule.
    expect(found('after 2 returns')).toEqual(['2 returns=/returns']);
    expect(writtenValues('100 records').map((w) => w.unit)).toEqual([]);
  });

  it('finds a count typed with the noun its translation gives, in that language\'s text', () => {
    // The French M4 could type "100 enregistrements" for the audit's sample: only the source's
    // noun ("records") was looked for, so a translation kept the model's count silently.
    const [base] = parse('valid.yaml').set.list;
    const sample = { ...base!, id: 'audit-sample-size', unit: 'count' as const, value: 100, model: { ...base!.model, value: 100 }, noun: { one: 'record', other: 'records' }, nouns: { en: { one: 'record', other: 'records' }, fr: { one: 'enregistrement', other: 'enregistrements' }, ar: { one: 'سجل', two: 'سجلان', few: 'سجلات', many: 'سجلًا', other: 'سجل' } } };
    const returns = { ...base!, id: 'returns', unit: 'count' as const, value: 3, model: { ...base!.model, value: 2 }, noun: { one: 'return', other: 'returns' }, nouns: { en: { one: 'return', other: 'returns' }, fr: { one: 'renvoi', other: 'renvois' } } };
    const found = (s: string, lang: string) => hardCodedValues(s, [sample, returns], lang).map((h) => `${h.written.text}=${h.params.map((p) => p.id).join('+')}/${h.old.map((p) => p.id).join('+')}`);
    expect(found('Tirer 100 enregistrements par bureau ; [100] Enregistrements au plus.', 'fr')).toEqual(['100 enregistrements=audit-sample-size/', '[100] Enregistrements=audit-sample-size/']);
    expect(found('après 2 renvois', 'fr')).toEqual(['2 renvois=/returns']);
    expect(found('تُسحب 100 سجل من كل مكتب', 'ar')).toEqual(['100 سجل=audit-sample-size/']);
    // Another noun or none stays a fact, in French as in English.
    expect(found('100 registres ; 12 % de 100 ; 1100 enregistrements', 'fr')).toEqual([]);
  });
});

describe('param() in a workflow file', () => {
  const source = readFileSync(join(import.meta.dirname, '../../fixtures/params/project/workflows/registration.machine.ts'), 'utf8');

  it('finds every call with the position of its id, and nothing in comments', () => {
    // The same calls found line by line with a regular expression (the file has no tricky strings).
    const expected = source.split('\n').flatMap((line, i) =>
      line.trimStart().startsWith('//') ? [] : [...line.matchAll(/\bparam(?:Text|Ms|Days)?\('([^']+)'\)/g)].map((m) => ({ id: m[1], at: { line: i + 1, column: (m.index ?? 0) + m[0].indexOf("'") + 1 } })),
    );
    expect(expected).toHaveLength(4);
    expect(machineParamUses(source).refs).toEqual(expected);
    expect(machineParamUses(`// param('in-a-comment')\nconst s = "param('in-a-string')";`).refs).toEqual([]);
  });

  it('places each read: in a state, in a guard through a constant, in a delay', () => {
    const uses = machineParamUses(source);
    expect(Object.fromEntries([...uses.states].map(([k, v]) => [k, [...v]]))).toEqual({ lateReview: ['late-registration-period'], refused: ['appeal-period'] });
    expect(Object.fromEntries([...uses.guards].map(([k, v]) => [k, [...v]]))).toEqual({ isLate: ['late-registration-period'] });
    expect(Object.fromEntries([...uses.delays].map(([k, v]) => [k, [...v]]))).toEqual({ appealPeriod: ['appeal-period'] });
  });
});

describe('the values machines read', () => {
  it('gives the value, its text in each language and its length in milliseconds', () => {
    useParameters(runtimePayload(parse('valid.yaml').set, 'fr'));
    expect(param('late-period')).toBe(30);
    expect(paramText('late-period')).toBe('30 jours');
    expect(paramText('late-period', 'en')).toBe('30 days');
    expect(paramMs('late-period')).toBe(30 * 86_400_000);
  });

  it('counts working days as calendar time, and refuses what is not a length of time', () => {
    useParameters({ language: 'en', values: { w: { value: 20, unit: 'working-days', text: { en: '20 working days' } }, s: { value: 10, unit: 'percent', text: { en: '10 %' } } } });
    expect(paramMs('w')).toBe(28 * 86_400_000);
    expect(() => paramMs('s')).toThrow(`paramMs('s'): "s" is in percent, not a length of time; use param('s')`);
  });

  it('gives a period in days to compare with days, and refuses one in another unit, which guards would read as days', () => {
    useParameters({ language: 'en', values: { d: { value: 90, unit: 'days', text: { en: '90 days' } }, m: { value: 3, unit: 'months', text: { en: '3 months' } }, w: { value: 20, unit: 'working-days', text: { en: '20 working days' } } } });
    expect(paramDays('d')).toBe(90);
    expect(() => paramDays('m')).toThrow(`paramDays('m'): "m" is in months in content/parameters.yaml, but this workflow counts calendar days, so it would read 3 months as 3 days; give the parameter in days (3 months as 90 days, or the number of days the law means)`);
    expect(() => paramDays('w')).toThrow(/"w" is in working-days .* would read 20 working-days as 20 days/);
  });

  it('prints a permanent period, and refuses to count with it', () => {
    useParameters(runtimePayload(parse('permanent.yaml').set, 'en'));
    expect(paramText('register-retention')).toBe('permanently');
    expect(paramText('register-retention', 'ar')).toBe('بصفة دائمة');
    expect(() => param('register-retention')).toThrow(`param('register-retention'): "register-retention" is permanent in content/parameters.yaml, a period with no end, so a workflow cannot count with it; give the parameter a number of years there, or use paramText('register-retention') to print it`);
    expect(() => paramDays('register-retention')).toThrow(/^paramDays\('register-retention'\): "register-retention" is permanent/);
    expect(() => paramMs('register-retention')).toThrow(/^paramMs\('register-retention'\): "register-retention" is permanent/);
    expect(paramMs('paper-retention')).toBe(30 * 365 * 86_400_000);
  });

  it('prints an amount not set yet, and refuses to count with it', () => {
    useParameters(runtimePayload(parse('unset.yaml').set, 'en'));
    expect(paramText('copy-fee')).toBe('[amount set by the country]');
    expect(paramText('copy-fee', 'fr')).toBe('[montant fixé par le pays]');
    expect(() => param('copy-fee')).toThrow(`param('copy-fee'): "copy-fee" is unset in content/parameters.yaml, an amount the country has not set yet, so a workflow cannot count with it; give the parameter its amount there, or use paramText('copy-fee') to print it`);
    expect(param('late-fee')).toBe(0);
  });

  it('names an unknown id and where to add it', () => {
    useParameters({ language: 'en', values: {} });
    expect(() => param('late-period')).toThrow(`param('late-period'): no parameter "late-period" in content/parameters.yaml; add it there or fix the id`);
  });

  it('says the file has an error, not that the parameter is missing, when an error left the entry out (a user told to add it added a second one)', () => {
    const root = mkdtempSync(join(tmpdir(), 'sopkit-params-broken-'));
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content/parameters.yaml'), '- id: late-period\n  label: Late period\n  group: Periods\n  value: "60 days"\n  unit: days\n  model: { value: 30, why: "The model." }\n  source: "[Act], [section]"\n');
    const payload = runtimePayloadFor(root);
    expect(payload.problem).toMatch(/^line 4: parameter late-period, value: found "60 days"; expected a number/);
    useParameters(payload);
    expect(() => param('late-period')).toThrow(/^param\('late-period'\): "late-period" cannot be read, as content\/parameters\.yaml has an error at line 4: parameter late-period, value: found "60 days".*; fix it \(sopkit check lists every error\)$/);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('the warning at a value typed where a parameter could be', () => {
  const source = '---\nid: x\n---\n\nThe clerk answers within 2 working days.\n';
  const warn = (count: number) => {
    const list = Array.from({ length: count }, (_, i) => ({ id: `p${i + 1}`, label: `Limit ${i + 1}`, value: 2, unit: 'working-days' as const, model: { value: 2, why: 'x' }, source: '[x]' }));
    const tree = parseMdx(splitFrontmatter(source).body);
    if ('error' in tree) throw new Error(tree.error.message);
    return hardCodedInMdx('x.mdx', source, tree.tree, componentUses(tree.tree), list).map((d) => d.message);
  };

  it('names the parameter, and how to keep a fact that only happens to be equal', () => {
    expect(warn(1)).toEqual(['"2 working days" is the value of parameter p1 (Limit 1): write <Param id="p1" /> so the text follows the country\'s value (a fact of a case that only happens to be equal: write the number in words)']);
  });

  it('names three of many parameters sharing the value, and counts the rest', () => {
    expect(warn(11)).toEqual(['"2 working days" is the value of 11 parameters (p1, p2, p3 and 8 more): if it stands for one of them, write <Param id="<id>" />; if it is a fact of a case, write the number in words']);
  });

  it('points at a count typed with its noun in an SOP, at its line and column', () => {
    const text = '---\nid: x\n---\n\nDraw 100 records per office.\n';
    const list = [{ id: 'audit-sample-size', label: 'Records sampled', value: 100, unit: 'count' as const, noun: { one: 'record', other: 'records' }, model: { value: 100, why: 'x' }, source: '[x]' }];
    const tree = parseMdx(splitFrontmatter(text).body);
    if ('error' in tree) throw new Error(tree.error.message);
    const found = hardCodedInMdx('x.mdx', text, tree.tree, componentUses(tree.tree), list);
    expect(found.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(['5:6 params/hard-coded "100 records" is the value of parameter audit-sample-size (Records sampled): write <Param id="audit-sample-size" /> so the text follows the country\'s value (a fact of a case that only happens to be equal: write the number in words)']);
  });
});
