import { describe, expect, it } from 'vitest';
import { pluralEntries, pluralForms, t, tn } from '../../src/i18n/index.ts';
import { pluralForm, pluralString } from '../../src/i18n/plural-form.ts';
import { attendanceText } from '../../src/lib/lifecycle/consultation-pdf.ts';
import { chartLabel, type ChartRow } from '../../src/lib/lifecycle/dryrun/report-data.ts';
import { speakerStrings } from '../../src/lib/training/deck-config.ts';
import { sessionTime } from '../../src/scripts/slides/speaker.ts';

// A noun after a count in Arabic takes the form the number gives it: 1 the singular with the
// number after it, 2 the dual, 3–10 the plural, 11–99 the singular in the accusative, 100 the
// singular. Each string here wrote one form for every count.
const COUNTS = [1, 2, 3, 11, 100];

/** Each counted key's Arabic, for 1, 2, 3, 11, 100: the noun's form, and the number when it is written. */
const arabic: Record<string, string[]> = {
  'guide.tests.minutes': ['دقيقة واحدة', 'دقيقتين', '3 دقائق', '11 دقيقة', '100 دقيقة'],
  'guide.print.participants': ['لمشارك واحد', 'لمشاركَيْن', 'لـ 3 مشاركين', 'لـ 11 مشاركًا', 'لـ 100 مشارك'],
  'consultation.attendance.participants': ['مشارك واحد', 'مشاركان', '3 مشاركين', '11 مشاركًا', '100 مشارك'],
  'consultation.attendance.organisations': ['جهة واحدة', 'جهتين', '3 جهات', '11 جهة', '100 جهة'],
  'offline.pack.pages': ['صفحة واحدة', 'صفحتان', '3 صفحات', '11 صفحة', '100 صفحة'],
  'offline.pack.pdfs': ['ملف PDF واحد', 'ملفا PDF', '3 ملفات PDF', '11 ملفًا PDF', '100 ملف PDF'],
  'trainingReport.scalePoints': ['درجة واحدة', 'درجتين', '3 درجات', '11 درجة', '100 درجة'],
  'wf.desc.steps': ['خطوة واحدة', 'خطوتان', '3 خطوات', '11 خطوة', '100 خطوة'],
  'guide.prep.copies': ['نسخة واحدة', 'نسختان', '3 نسخ', '11 نسخة', '100 نسخة'],
  'guide.room.groupCount': ['لمجموعة واحدة', 'لمجموعتين', 'لـ 3 مجموعات', 'لـ 11 مجموعة', 'لـ 100 مجموعة'],
  'glossary.untranslated.terms': ['مصطلح واحد', 'مصطلحين', '3 مصطلحات', '11 مصطلحًا', '100 مصطلح'],
  'consultation.comments.count': ['ملاحظة واحدة', 'ملاحظتان', '3 ملاحظات', '11 ملاحظة', '100 ملاحظة'],
  'trainingReport.warn.forms': ['استمارة تقييم واحدة', 'استمارتا تقييم', '3 استمارات تقييم', '11 استمارة تقييم', '100 استمارة تقييم'],
  // Key figures: the number stands before the label, whose noun takes its form.
  'trainingReport.kf.expected': ['مشارك متوقع (لا يوجد ملف للحضور)', 'مشاركَين متوقعَين (لا يوجد ملف للحضور)', 'مشاركين متوقعين (لا يوجد ملف للحضور)', 'مشاركًا متوقعًا (لا يوجد ملف للحضور)', 'مشارك متوقع (لا يوجد ملف للحضور)'],
  'trainingReport.kf.returned': ['استمارة تقييم أُعيدت (معدل الاستجابة {rate})', 'استمارتا تقييم أُعيدتا (معدل الاستجابة {rate})', 'استمارات تقييم أُعيدت (معدل الاستجابة {rate})', 'استمارة تقييم أُعيدت (معدل الاستجابة {rate})', 'استمارة تقييم أُعيدت (معدل الاستجابة {rate})'],
};

describe('Arabic nouns after a count', () => {
  for (const [base, expected] of Object.entries(arabic)) {
    it(`${base} takes the form of each count`, () => {
      expect(COUNTS.map((n) => tn(base, n, 'ar'))).toEqual(expected);
    });
  }

  it('the practice tally says the number of questions in its form (a browser script picks it from the forms the page writes)', () => {
    const forms = pluralForms('assess.practice.tally', 'ar');
    const tally = COUNTS.map((n) => pluralForm(forms, n, 'ar').replace('{right}', '0').replace('{n}', String(n)));
    expect(tally.map((s) => s.replace(/^.*: 0 من /, ''))).toEqual(['سؤال واحد.', 'سؤالين.', '3 أسئلة.', '11 سؤالًا.', '100 سؤال.']);
  });

  it('the offline pack size names its pages, PDFs and other files each in their form', () => {
    expect(pluralForm(pluralForms('offline.pack.others', 'ar'), 5, 'ar').replace('{count}', '5')).toMatch(/^5 ملفات من /);
    expect(pluralForm(pluralForms('offline.pack.others', 'ar'), 12, 'ar').replace('{count}', '12')).toMatch(/^12 ملفًا من /);
  });

  it('a consultation’s attendance counts participants and organisations in their forms', () => {
    const a = { total: 5, organisations: 2, female: 3, male: 2, unrecorded: 0, rows: [] };
    expect(attendanceText(a, 'ar')).toBe('5 مشاركين من جهتين: 3 من النساء و2 من الرجال.');
    expect(attendanceText({ ...a, total: 100, organisations: 12 }, 'ar')).toMatch(/^100 مشارك من 12 جهة:/);
  });

  it('a dry run chart says the median minutes in their form', () => {
    const row = (median: number): ChartRow => ({ step: 's', site: 'a', siteIndex: 0, minutes: { n: 3, median, min: median, max: median, timed: 0, over: 0 } });
    expect([1, 2, 5, 30].map((m) => chartLabel(row(m), '–', 'ar').split(t('list.semicolon', 'ar'))[0])).toEqual(['دقيقة واحدة', 'دقيقتان', '5 دقائق', '30 دقيقة']);
  });

  it('the kiosk counts the seconds down in their form (its scripts pick it from the forms the page writes)', () => {
    const strings = Object.fromEntries([...pluralEntries('assess.kiosk.idleWarning', 'ar'), ...pluralEntries('assess.kiosk.pinWait', 'ar')]);
    const idle = (n: number) => pluralString(strings, 'assess.kiosk.idleWarning', n, 'ar').replace('{n}', String(n)).match(/خلال ([^.]+)\./)?.[1];
    expect(COUNTS.map(idle)).toEqual(['ثانية واحدة', 'ثانيتين', '3 ثوانٍ', '11 ثانية', '100 ثانية']);
    const wait = (n: number) => pluralString(strings, 'assess.kiosk.pinWait', n, 'ar').replace('{n}', String(n)).match(/انتظر (.+) قبل/)?.[1];
    expect(COUNTS.map(wait)).toEqual(['ثانية واحدة', 'ثانيتين', '3 ثوانٍ', '11 ثانية', '100 ثانية']);
    const en = Object.fromEntries(pluralEntries('assess.kiosk.idleWarning', 'en'));
    expect([1, 30].map((n) => pluralString(en, 'assess.kiosk.idleWarning', n, 'en').replace('{n}', String(n)))).toEqual([1, 30].map((n) => `No activity for a while: these answers will be set aside for the trainer in ${n} s. Touch the screen or press a key to go on.`));
  });

  it('the course report page says how many files it read in their form (its script picks it from the forms the page writes)', () => {
    const done = (lang: string, n: number) => pluralString(Object.fromEntries(pluralEntries('reportPage.done', lang)), 'reportPage.done', n, lang).replace('{n}', String(n));
    expect(COUNTS.map((n) => done('ar', n).replace(/^أُعدّ التقرير من /, ''))).toEqual(['ملف واحد.', 'ملفين.', '3 ملفات.', '11 ملفًا.', '100 ملف.']);
    expect([1, 3].map((n) => done('en', n))).toEqual(['Report made from 1 file.', 'Report made from 3 files.']);
    expect([1, 3].map((n) => done('fr', n))).toEqual(['Rapport établi à partir de 1 fichier.', 'Rapport établi à partir de 3 fichiers.']);
  });

  it("the speaker view says a session's planned minutes in their form", () => {
    const line = (lang: string, planned: number) => sessionTime(speakerStrings(lang), 1, 0, String(planned), lang);
    expect(COUNTS.map((n) => line('ar', n))).toEqual(['الجلسة 1: 0 من دقيقة واحدة', 'الجلسة 1: 0 من دقيقتين', 'الجلسة 1: 0 من 3 دقائق', 'الجلسة 1: 0 من 11 دقيقة', 'الجلسة 1: 0 من 100 دقيقة']);
    expect([1, 45].map((n) => line('en', n))).toEqual(['Session 1: 0 of 1 min', 'Session 1: 0 of 45 min']);
    expect(line('fr', 45)).toBe('Séance 1\u00a0: 0 sur 45 min');
  });

  it('a dry run report counts the rows left unfilled in their form', () => {
    expect(COUNTS.map((n) => tn('dryrun.report.unfilled', n, 'ar', { n }).split(' من النموذج')[0])).toEqual(['صف واحد', 'صفّان', '3 صفوف', '11 صفًّا', '100 صف']);
  });

  it('leaves English and French as they were', () => {
    for (const n of [3, 12]) {
      expect(t('wf.desc', 'en', { title: 'T', steps: tn('wf.desc.steps', n, 'en'), first: 'F' })).toMatch(new RegExp(`^Diagram of the workflow “T”: ${n} steps, starting with “F”\\.`));
      expect(t('wf.desc', 'fr', { title: 'T', steps: tn('wf.desc.steps', n, 'fr'), first: 'F' })).toContain(`\u00a0: ${n} étapes, en commençant`);
      expect(t('guide.prep.print', 'en', { copies: tn('guide.prep.copies', n, 'en') })).toBe(`Print the pack below (${n} copies in all) and check a copy of every page.`);
      expect(t('guide.room.groups', 'fr', { groups: tn('guide.room.groupCount', n, 'fr'), size: 4 })).toMatch(new RegExp(`^Des tables pour ${n} groupes de 4 `));
      expect(t('glossary.untranslated', 'en', { n: 1, terms: tn('glossary.untranslated.terms', n, 'en'), language: 'English' })).toMatch(new RegExp(`^1 of the ${n} terms are not translated yet`));
      expect(tn('dryrun.report.unfilled', n, 'en', { n })).toBe(`${n} rows of the template were not filled in and are left out.`);
      expect(t('consultation.comments.summary', 'en', { comments: tn('consultation.comments.count', n, 'en') })).toMatch(new RegExp(`^${n} comments: `));
      expect(t('trainingReport.warn.moreForms', 'fr', { returned: tn('trainingReport.warn.forms', n, 'fr'), expected: 'X', files: 'f' })).toMatch(new RegExp(`^${n} fiches d’évaluation pour X \\(f\\)`));
    }
    const a = { total: 10, organisations: 3, female: 5, male: 4, unrecorded: 1, rows: [] };
    expect(attendanceText(a, 'en')).toBe('10 participants from 3 organisations; 5 women and 4 men where recorded (1 not recorded).');
    expect(attendanceText({ ...a, unrecorded: 0 }, 'fr')).toBe('10 participants de 3 organisations\u00a0: 5 femmes et 4 hommes.');
    for (const n of [2, 11, 100]) {
      expect(t('guide.tests.lead', 'en', { pre: 'A', post: 'B', minutes: tn('guide.tests.minutes', n, 'en') })).toContain(`Allow ${n} minutes. Choose`);
      expect(t('guide.tests.leadOne', 'fr', { quiz: 'Q', minutes: tn('guide.tests.minutes', n, 'fr') })).toContain(`Prévoyez ${n} minutes. Choisissez`);
      expect(t('guide.print.lead', 'en', { participants: tn('guide.print.participants', n, 'en'), spare: 10, trainers: 2 })).toMatch(new RegExp(`^Quantities for ${n} participants plus 10% spares`));
      expect(t('trainingReport.statementsCaption', 'en', { points: tn('trainingReport.scalePoints', n, 'en') })).toContain(`on the ${n}-point scale`);
      expect(t('trainingReport.statementsCaption', 'fr', { points: tn('trainingReport.scalePoints', n, 'fr') })).toContain(`l’échelle à ${n} points,`);
      expect(pluralForm(pluralForms('assess.practice.tally', 'en'), n, 'en')).toBe('Right at their last check: {right} of {n} questions.');
    }
    const size = (lang: string, n: number) =>
      t('offline.pack.size', lang, { size: '1 MB', pages: tn('offline.pack.pages', n, lang), pdfs: tn('offline.pack.pdfs', n, lang), other: tn('offline.pack.others', n, lang) });
    expect(size('en', 12)).toBe('The whole pack is 1 MB: 12 pages, 12 PDFs (handbooks and test papers) and 12 scripts, styles and data files.');
    expect(size('fr', 12)).toBe('L’ensemble complet pèse 1 MB\u00a0: 12 pages, 12 PDF (manuels et épreuves) et 12 scripts, styles et fichiers de données.');
  });

  it('reads one in the singular in English and French: 1 minute, 1 participant, 1 step, not 1 minutes', () => {
    expect(t('guide.tests.lead', 'en', { pre: 'A', post: 'B', minutes: tn('guide.tests.minutes', 1, 'en') })).toContain('Allow 1 minute. Choose');
    expect(t('wf.desc', 'en', { title: 'T', steps: tn('wf.desc.steps', 1, 'en'), first: 'F' })).toMatch(/^Diagram of the workflow “T”: 1 step, starting with “F”\./);
    expect(t('wf.desc', 'fr', { title: 'T', steps: tn('wf.desc.steps', 1, 'fr'), first: 'F' })).toContain('\u00a0: 1 étape, en commençant');
    expect(tn('dryrun.report.unfilled', 1, 'en', { n: 1 })).toBe('1 row of the template was not filled in and is left out.');
    expect(t('consultation.comments.summary', 'en', { comments: tn('consultation.comments.count', 1, 'en') })).toMatch(/^1 comment: /);
    expect(attendanceText({ total: 1, organisations: 1, female: 1, male: 0, unrecorded: 0, rows: [] }, 'en')).toMatch(/^1 participant from 1 organisation/);
    expect(pluralForm(pluralForms('assess.practice.tally', 'en'), 1, 'en')).toBe('Right at their last check: {right} of {n} question.');
    expect(pluralForm(pluralForms('assess.practice.tally', 'fr'), 1, 'fr')).toContain('{right} sur {n}\u00a0question.');
    // The noun follows the number it agrees with: "1 questions sur 6" read as a plural of one.
    expect(pluralForm(pluralForms('assess.practice.tally', 'fr'), 6, 'fr')).toContain('{right} sur {n}\u00a0questions.');
    const size = (lang: string, n: number) =>
      t('offline.pack.size', lang, { size: '1 MB', pages: tn('offline.pack.pages', n, lang), pdfs: tn('offline.pack.pdfs', n, lang), other: tn('offline.pack.others', n, lang) });
    expect(size('en', 1)).toBe('The whole pack is 1 MB: 1 page, 1 PDF (handbooks and test papers) and 1 script, style or data file.');
    // Every English or French one-form of a counted noun differs from its other-form.
    for (const lang of ['en', 'fr']) {
      for (const key of ['guide.tests.minutes', 'guide.print.participants', 'wf.desc.steps', 'glossary.untranslated.terms', 'consultation.attendance.participants', 'consultation.attendance.organisations']) {
        expect(tn(key, 1, lang), `${lang} ${key}`).not.toBe(tn(key, 2, lang).replace('2', '1'));
      }
    }
  });

  it('writes a no-break space before % in the Arabic score, never a space a line can break at', () => {
    expect(t('assess.score', 'ar')).toContain('{percent}\u00a0%');
  });
});
