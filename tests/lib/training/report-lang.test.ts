import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, t, tn } from '../../../src/i18n/index.ts';
import { formatDecimal, formatPercent } from '../../../src/i18n/numbers.ts';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import type { EvaluationStats } from '../../../src/lib/training/evaluation/stats.ts';
import { courseInfo } from '../../../src/lib/training/report/course-info.ts';
import { trainingReportHtml } from '../../../src/lib/training/report/html.ts';
import { renderTrainingReportPdf } from '../../../src/lib/training/report/pdf.ts';
import { buildTrainingReport, type InputFile, type ReportInputs, type TrainingReport } from '../../../src/lib/training/report/model.ts';
import { contentText, saveTo, tempDir } from '../handbook/pdf-tools.ts';
import { packWithout } from '../translation/pack-without.ts';
import { courseRows, dateRuns, evaluationLead, keyFigures, pct, testLead } from '../../../src/lib/training/report/words.ts';

const examples = resolve('examples/registry-officers');
const file = (name: string): InputFile => ({ name, text: readFileSync(join(examples, name), 'utf8') });
const inputs = (): ReportInputs => ({
  tests: [{ ...file('pre.csv'), form: 'pre' }, { ...file('post.csv'), form: 'post' }],
  evaluations: [file('evaluation.csv')],
  attendance: file('attendance.csv'),
  notes: file('notes.md'),
});
const intlPercent = (x: number, lang: string) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(x).replace(/[\u200e\u200f\u061c]/g, '');
const intlDecimal = (x: number, lang: string) => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }).format(x).replace(/[\u200e\u200f\u061c]/g, '').replace(/^-/, '−');

let project: Project;
const report = (lang?: string): TrainingReport => buildTrainingReport(courseInfo(project, 'registry-officers', lang), inputs(), '2026-03-06');

beforeAll(() => {
  project = loadProject(process.cwd());
});

describe('the training report in French and Arabic', () => {
  it('takes module titles and quiz objectives from their translations, the source where there is none', () => {
    const fr = courseInfo(project, 'registry-officers', 'fr');
    const en = courseInfo(project, 'registry-officers');
    expect(fr.language).toBe('fr');
    const frModule = parse(readFileSync('content/fr/modules/legal-identity-foundations.mdx', 'utf8').split('---')[1]!) as { title: string };
    expect(fr.modules.find((m) => m.id === 'legal-identity-foundations')?.title).toBe(frModule.title);
    // Module 4 has a French file too; in a copy of the pack without its Arabic one, the Arabic
    // report keeps its English title.
    const frM4 = parse(readFileSync('content/fr/modules/data-quality-fraud-protection.mdx', 'utf8').split('---')[1]!) as { title: string };
    expect(fr.modules.find((m) => m.id === 'data-quality-fraud-protection')?.title).toBe(frM4.title);
    const noArabicM4 = packWithout('content/ar/modules/data-quality-fraud-protection.mdx');
    expect(existsSync(join(noArabicM4, 'content/ar/modules/data-quality-fraud-protection.mdx'))).toBe(false);
    expect(courseInfo(loadProject(noArabicM4), 'registry-officers', 'ar').modules.find((m) => m.id === 'data-quality-fraud-protection')?.title).toBe(en.modules.find((m) => m.id === 'data-quality-fraud-protection')?.title);
    const frQuiz = parse(readFileSync('quizzes/fr/legal-identity-foundations.yaml', 'utf8')) as { objectives: { id: string; text: string }[] };
    const quiz = fr.quizzes.find((q) => q.id === 'legal-identity-foundations')!;
    expect(quiz.objectives.map((o) => o.text)).toEqual(frQuiz.objectives.map((o) => o.text));
    // The items' words are the translation's; ids, keys and marks stay the source's, so every
    // language scores the same.
    const source = en.quizzes.find((q) => q.id === 'legal-identity-foundations')!;
    const key = (items: typeof quiz.items) => items.map((i) => ({ id: i.id, marks: i.marks, options: (i.options ?? []).map((o) => [o.id, o.correct]) }));
    expect(key(quiz.items)).toEqual(key(source.items));
    expect(quiz.items[0]!.stem).not.toBe(source.items[0]!.stem);
    // The evaluation form's statements are the French form's, with the source's ids.
    const frForm = parse(readFileSync('quizzes/fr/evaluations/registry-officers.yaml', 'utf8')) as { title: string };
    expect(fr.evaluations[0]!.title).toBe(frForm.title);
    // The course's own words from its French file.
    const frCourse = parse(readFileSync('content/fr/courses/registry-officers.yaml', 'utf8')) as { title: string };
    expect(fr.title).toBe(frCourse.title);
    expect(fr.title).not.toBe(en.title);
    const figures = (r: TrainingReport) => r.summary.tests.map(({ title: _, ...rest }) => rest);
    expect(figures(report('fr'))).toEqual(figures(report()));
  });

  it('prints numbers, percents and dates as Intl writes them in French; English writes 85%', () => {
    const fr = report('fr');
    const figures = keyFigures(fr);
    const rate = fr.summary.attendanceRate!;
    const gain = fr.summary.tests[0]!.classGain!;
    expect(figures).toContainEqual([intlPercent(rate, 'fr'), t('trainingReport.kf.attendanceRate', 'fr')]);
    expect(figures.map(([v]) => v)).toContain(intlDecimal(gain, 'fr'));
    expect(intlDecimal(gain, 'fr')).toContain(',');
    expect(courseRows(fr)[0]![1]).toBe('2–6 mars 2026');
    expect(formatDate('2026-03-02', 'fr')).toBe('2 mars 2026');
    expect(pct(0.853, 'en')).toBe('85%');
    expect(formatDecimal(-0.123, 2, 'en')).toBe('−0.12');
    expect(formatDecimal(-0.123, 2, 'fr')).toBe(intlDecimal(-0.123, 'fr'));
    expect(formatDecimal(-0.001, 2, 'fr')).toBe(intlDecimal(0, 'fr'));
  });

  it('puts French spacing before the colons of the items to review, as the rest of the report does', () => {
    const html = trainingReportHtml(report('fr'));
    const items = [...html.matchAll(/<li><b>[^<]+<\/b> \([^)]*\)([^ ]*) /g)].map((m) => m[1]);
    expect(items.length).toBeGreaterThan(0);
    for (const after of items) expect(after).toBe('\u00a0:');
    expect(trainingReportHtml(report('en'))).toMatch(/<li><b>[^<]+<\/b> \([^)]*\): /);
  });

  it("reads an evaluation file's labels in any language of the form, whatever the report's language", () => {
    // Kobo's label export writes the form's words: "Agree" from the English form, "D’accord" from
    // the French. The French report refused "Agree", the English one "D’accord", and a keyboard's
    // straight apostrophe ("D'accord") was refused in both.
    const header = file('evaluation.csv').text.split(/\r?\n/)[0]!;
    const rest = ','.repeat(header.split(',').length - 2);
    const text = [header, ...['Agree', 'D’accord', "D'accord", 'strongly_agree', 'Tout à fait d’accord'].map((label) => `registry-officers,${label}${rest}`)].join('\r\n');
    for (const lang of ['en', 'fr']) {
      const r = buildTrainingReport(courseInfo(project, 'registry-officers', lang), { tests: [], evaluations: [{ name: 'e.csv', text }] }, '2026-03-06');
      const item = r.evaluation[0]!.likert.find((i) => i.id === 'rel-job')!;
      expect(item, lang).toMatchObject({ n: 5, counts: [0, 0, 0, 3, 2] });
    }
  });

  it("names a course's days as spans of consecutive days, a gap as a new span", () => {
    const week = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    expect(dateRuns(week, 'en')).toEqual(['2026-03-02 – 2026-03-06']);
    expect(dateRuns(week, 'fr')).toEqual(['2–6 mars 2026']);
    expect(dateRuns(week, 'ar')).toEqual([formatDateRange('2026-03-02', '2026-03-06', 'ar')]);
    expect(dateRuns(week, 'ar')[0]).not.toBe(`${formatDate('2026-03-02', 'ar')} – ${formatDate('2026-03-06', 'ar')}`);
    // Three Mondays, a span across a month's end, a date given twice, out of order.
    expect(dateRuns(['2026-03-16', '2026-03-02', '2026-03-09'], 'fr')).toEqual(['2 mars 2026', '9 mars 2026', '16 mars 2026']);
    // Intl sets the dash between thin no-break spaces.
    expect(dateRuns(['2026-03-31', '2026-03-30', '2026-04-01', '2026-04-01', '2026-04-03'], 'fr').map((s) => s.replace(/\s/gu, ' '))).toEqual(['30 mars – 1er avril 2026', '3 avril 2026']);
    expect(dateRuns(['2026-12-31', '2027-01-01'], 'en')).toEqual(['2026-12-31 – 2027-01-01']);
    expect(courseRows(report('en'))[0]).toEqual([t('trainingReport.dates', 'en'), '2026-03-02 – 2026-03-06']);
  });

  it('Arabic numbers carry no bidi marks: the PDF engine orders them itself', () => {
    for (const text of [formatPercent(0.853, 'ar'), formatDecimal(-0.5, 2, 'ar'), formatPercent(0.5, 'ar-EG')]) expect(text).not.toMatch(/[\u200e\u200f\u061c]/);
    expect(formatPercent(0.853, 'ar')).toBe(intlPercent(0.853, 'ar'));
    expect(formatDecimal(-0.5, 2, 'ar')).toBe(intlDecimal(-0.5, 'ar'));
  });

  it('an Arabic sentence built from a count takes the plural form of the count: 0, 1, 2, 3, 11, 100', () => {
    const lead = (n: number) => evaluationLead({ respondents: n, expected: null } as EvaluationStats, 'ar');
    expect([0, 1, 2, 3, 11, 100].map(lead)).toEqual([
      'لم تُعَد أي استمارة.',
      'أُعيدت استمارة واحدة.',
      'أُعيدت استمارتان.',
      'أُعيدت 3 استمارات.',
      'أُعيدت 11 استمارة.',
      'أُعيدت 100 استمارة.',
    ]);
    const r = report('ar');
    const q = r.tests[0]!;
    const withMatched = (n: number) => testLead({ ...q, report: { ...q.report, prepost: { ...q.report.prepost!, matched: n } } }, 'ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => /(?:لم|أدّى)[^.]*كليهما/.exec(withMatched(n))?.[0])).toEqual([
      'لم يؤدِّ أي مشارك الاختبارين كليهما',
      'أدّى مشارك واحد الاختبارين كليهما',
      'أدّى مشاركان الاختبارين كليهما',
      'أدّى 3 مشاركين الاختبارين كليهما',
      'أدّى 11 مشاركًا الاختبارين كليهما',
      'أدّى 100 مشارك الاختبارين كليهما',
    ]);
    // Each mean is said with the number it is over; the gain and the change with the participants who took both.
    const en = report('en').tests[0]!;
    const { pre, post } = en.report.forms;
    expect([pre!.n, post!.n, en.report.prepost!.matched]).toEqual([18, 17, 16]);
    expect(testLead(en, 'en')).toMatch(/^Mean score 7\.8 \/ 15 \(52%\) on the pre-test \(n = 18\) and 11\.4 \/ 15 \(76%\) on the post-test \(n = 17; pass mark 70%\); \d+ of 17 passed the post-test\. 16 participants took both tests\. Over them: class normalized gain /);
    // French: 0 and 1 are singular, English 1 only.
    expect(tn('trainingReport.bothTests', 0, 'fr')).toBe('0 participant a passé les deux tests.');
    expect(tn('trainingReport.bothTests', 0, 'en')).toBe('0 participants took both tests.');
  });

  it("the attendance figure's label says its participants in the form of the figure's count (1 / 1 participant, 12 / 14 participants; Arabic 1, 2, 3–10, 11–99, 100)", () => {
    const attendance = (lang: string, attended: number, listed: number | null) => {
      const r = report(lang);
      return keyFigures({ ...r, summary: { ...r.summary, attended, listed, expected: 20 } })[0]!;
    };
    expect(attendance('en', 1, 1)).toEqual(['1 / 1', 'participant attended (20 expected)']);
    expect(attendance('en', 12, 14)[1]).toBe('participants attended (20 expected)');
    expect(attendance('en', 1, null)[1]).toBe('participant attended (20 expected)');
    expect(attendance('fr', 1, 1)[1]).toBe('participant présent (effectif attendu\u00a0: 20)');
    expect(attendance('fr', 12, 14)[1]).toBe('participants présents (effectif attendu\u00a0: 20)');
    expect([[1, 1], [2, 2], [3, 3], [11, 11], [90, 100]].map(([a, l]) => attendance('ar', a!, l!)[1].split(' (')[0])).toEqual(['مشارك حضر', 'مشاركَين حضروا', 'مشاركين حضروا', 'مشاركًا حضروا', 'مشارك حضروا']);
  });

  it('with no attendance file the expected count, and each evaluation the forms returned, are said in the form of their number (1 participant expected, 1 fiche rendue)', () => {
    const figures = (lang: string, expected: number, respondents: number) => {
      const r = report(lang);
      const evaluation = r.summary.evaluation.map((e) => ({ ...e, respondents }));
      return keyFigures({ ...r, summary: { ...r.summary, attended: null, listed: null, expected, evaluation } });
    };
    const label = (lang: string, expected: number, respondents: number) => {
      const f = figures(lang, expected, respondents);
      return [f[0]![1], f.find(([value, what]) => value === String(respondents) && what !== f[0]![1])?.[1]];
    };
    expect(report('en').summary.evaluation.length).toBeGreaterThan(0);
    expect(label('en', 1, 1)).toEqual(['participant expected (no attendance file)', expect.stringMatching(/^evaluation form returned \(response rate /)]);
    expect(label('en', 20, 14)).toEqual(['participants expected (no attendance file)', expect.stringMatching(/^evaluation forms returned \(response rate /)]);
    expect(label('fr', 1, 1)).toEqual(['participant attendu (pas de fichier de présence)', expect.stringMatching(/^fiche d’évaluation rendue \(taux de réponse /)]);
    // The warning of more forms than participants counts them the same way.
    expect(tn('trainingReport.warn.forms', 1, 'fr')).toBe('1 fiche d’évaluation');
    expect(label('ar', 2, 3)).toEqual(['مشاركَين متوقعَين (لا يوجد ملف للحضور)', expect.stringMatching(/^استمارات تقييم أُعيدت \(معدل الاستجابة /)]);
  });

  it('the Arabic report.html is right to left, in Arabic, with the evaluation lead in the plural its count takes', () => {
    const r = report('ar');
    const html = trainingReportHtml(r);
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain(`>${t('trainingReport.summary', 'ar')}</h2>`);
    expect(html).toContain(tn('trainingReport.formsReturned', r.evaluation[0]!.respondents, 'ar'));
    expect(html).not.toContain('>Summary<');
  });
});

/** The web addresses a PDF's links go to (`/URI` of its link annotations), each once. */
const linkUris = (pdf: string): string[] => [...new Set([...contentText(pdf, tempDir()).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!))];

describe("the report PDF's links in the report's language", () => {
  // The trainer's notes link an SOP, the glossary and the course's report page.
  const notes: InputFile = { name: 'notes.md', text: 'See [the SOP](/sops/birth-registration/), [the glossary](/glossary/) and [the report page](/courses/registry-officers/report/).\n' };
  const made = (lang: string) => buildTrainingReport(courseInfo(project, 'registry-officers', lang), { tests: [], evaluations: [], notes }, '2026-03-06');
  const uris = async (lang: string) => linkUris(saveTo(tempDir(), `report.${lang}.pdf`, await renderTrainingReportPdf(made(lang))));

  it('fr: the cover and the notes link the French pages where the site has them, the English page where it has none', async () => {
    const site = (project.site?.url ?? '').replace(/\/$/, '');
    const fr = await uris('fr');
    for (const path of ['/courses/registry-officers/', '/sops/birth-registration/', '/glossary/']) {
      expect(fr, path).toContain(`${site}/fr${path}`);
      expect(fr, path).not.toContain(`${site}${path}`);
    }
    // The course's report page exists in the source language only.
    expect(fr).toContain(`${site}/courses/registry-officers/report/`);
    expect(fr.filter((u) => u.includes('/report/') && u.includes('/fr/'))).toEqual([]);
    // In the source language, no locale prefix.
    const en = await uris('en');
    expect(en).toContain(`${site}/courses/registry-officers/`);
    expect(en).toContain(`${site}/sops/birth-registration/`);
    expect(en.filter((u) => /\/(fr|ar)\//.test(u))).toEqual([]);
  }, 120_000);

  it("report.html: the notes' site paths are the site's addresses, in the report's language where the site has the page", () => {
    const site = (project.site?.url ?? '').replace(/\/$/, '');
    const hrefs = (lang: string) => [...trainingReportHtml(made(lang)).matchAll(/<a href="([^"#][^"]*)"/g)].map((m) => m[1]!);
    // A path alone went nowhere in report.html opened from a folder, and to the English page.
    expect(hrefs('fr')).toEqual([`${site}/fr/sops/birth-registration/`, `${site}/fr/glossary/`, `${site}/courses/registry-officers/report/`]);
    expect(hrefs('en')).toEqual([`${site}/sops/birth-registration/`, `${site}/glossary/`, `${site}/courses/registry-officers/report/`]);
  });
});
