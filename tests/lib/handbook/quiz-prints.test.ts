import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import type { ScoreReport } from '../../../src/lib/assessment/types.ts';
import { componentsWithoutPrintRenderer } from '../../../src/lib/handbook/check.ts';
import { renderAnswerKey } from '../../../src/lib/handbook/quiz/answer-key.ts';
import { renderAnswerSheet } from '../../../src/lib/handbook/quiz/answer-sheet.ts';
import { renderTestBooklet, type QuizPrintOptions } from '../../../src/lib/handbook/quiz/booklet.ts';
import { answerText, formItems, printedOptions } from '../../../src/lib/handbook/quiz/items.ts';
import { renderTrainingReport } from '../../../src/lib/handbook/report.ts';
import { quizCode, sopCodes } from '../../../src/lib/assessment/quiz-code.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import type { Project } from '../../../src/lib/content/project.ts';
import type { Quiz } from '../../../src/schemas/quiz.ts';
import { pdfInfo, pdfText, pdfWords, qpdfCheck, saveTo, tempDir, withoutBidiMarks } from './pdf-tools.ts';

const root = resolve('tests/fixtures/handbook/project');
const options: QuizPrintOptions = { paper: 'a4', lang: 'en', organisation: '[Fixture Authority]', date: '2026-01-01' };
let quiz: Quiz;
let dir: string;

beforeAll(() => {
  quiz = loadQuizFile(root, resolve(root, 'quizzes/sample-registration.yaml')).quiz!;
  dir = tempDir();
});

describe('quiz prints', () => {
  it('a test booklet numbers every question of the form, with name and id fields', async () => {
    const path = saveTo(dir, 'pre.pdf', await renderTestBooklet(quiz, 'pre', options));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path);
    const items = formItems(quiz, 'pre');
    expect(text).toContain('Participant ID');
    expect(text).toContain('Name');
    items.forEach((item, i) => expect(text).toContain(`${i + 1}.`));
    expect(text).toContain(items[0]!.stem.slice(0, 40));
    expect(text).toMatch(/Page 1 of \d+/);
    const explained = items.find((i) => i.explanation);
    if (explained) expect(text.replace(/\s+/g, ' ')).not.toContain(explained.explanation!.slice(0, 30));
  });

  it('the closing line is never alone on the last page: it goes over with the last question', async () => {
    // Forms of 1 to 30 questions (the fixture's items over again under new ids): wherever the
    // page ends, the last page holds a question as well as "End of the test".
    const alone: number[] = [];
    for (let n = 1; n <= 30; n++) {
      const items = Array.from({ length: n }, (_, i) => ({ ...quiz.items[i % quiz.items.length]!, id: `q${i}` }));
      const long: Quiz = { ...quiz, items, forms: { ...quiz.forms, pre: items.map((i) => i.id) } };
      const path = saveTo(dir, `closing-${n}.pdf`, await renderTestBooklet(long, 'pre', options));
      const pages = Number(pdfInfo(path).Pages);
      const last = pdfText(path, pages, pages);
      expect(last).toContain('End of the test');
      if (pages > 1 && !/^\s*\d+\.\s/m.test(last) && !/\b[A-F]\s/.test(last.replace(/Page \d+ of \d+/, ''))) alone.push(n);
    }
    expect(alone).toEqual([]);
  });

  it('prints order items shuffled, never in the right order, the same way every time', () => {
    for (const item of quiz.items.filter((i) => i.type === 'order')) {
      const shown = printedOptions(quiz, item).map((o) => o.id);
      expect(shown).not.toEqual(item.options.map((o) => o.id));
      expect([...shown].sort()).toEqual(item.options.map((o) => o.id).sort());
      expect(printedOptions(quiz, item).map((o) => o.id)).toEqual(shown);
    }
  });

  it('an answer sheet fits one page with a row per question', async () => {
    const path = saveTo(dir, 'sheet.pdf', await renderAnswerSheet(quiz, 'post', options));
    expect(qpdfCheck(path).ok).toBe(true);
    expect(pdfInfo(path).Pages).toBe('1');
    const text = pdfText(path);
    formItems(quiz, 'post').forEach((_, i) => expect(text).toContain(`${i + 1}.`));
  });

  it('an answer key gives the answer of every question as the booklet labels it', async () => {
    const path = saveTo(dir, 'key.pdf', await renderAnswerKey(quiz, 'post', options));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path);
    for (const item of formItems(quiz, 'post')) expect(text).toContain(item.id);
    const single = formItems(quiz, 'post').find((i) => i.type === 'single');
    if (single) expect(answerText(single, 'en')).toBe(single.options.find((o) => o.correct)!.id.toUpperCase());
    // Several right answers are listed with the language's comma.
    const multi = [...formItems(quiz, 'pre'), ...formItems(quiz, 'post')].find((i) => i.type === 'multiple' && i.options.filter((o) => o.correct).length > 1);
    expect(multi).toBeDefined();
    expect(answerText(multi!, 'en')).toMatch(/^[A-Z](, [A-Z])+$/);
    // In Arabic, with the Arabic comma and the Arabic letters the Arabic booklet prints (أ، ب).
    expect(answerText(multi!, 'ar')).toMatch(/^[أبجدوزح](، [أبجدوزح])+$/);
    expect(text).toMatch(/trainer edition/i);
  });

  it("an answer key whose items cite several SOPs names each section with its SOP's code; one SOP's, the section alone", async () => {
    // The model pack's M1 quiz teaches five SOPs.
    const m1 = loadQuizFile(resolve('.'), resolve('quizzes/legal-identity-foundations.yaml')).quiz!;
    const codes = sopCodes(loadProject(resolve('.')));
    expect(codes['national-id-enrolment']).toBe('SOP-ID-01');
    const text = pdfText(saveTo(dir, 'm1-key.pdf', await renderAnswerKey(m1, 'pre', { ...options, sopCodes: codes })), undefined, undefined, '-raw').replace(/\s+/g, ' ');
    const cited = formItems(m1, 'pre').map((i) => i.ref.split('#'));
    expect(new Set(cited.map(([sop]) => sop)).size).toBeGreaterThan(1);
    for (const [sop, section] of cited) expect(text).toContain(`${codes[sop!]} §${section}`);
    // The fixture quiz cites one SOP: its key keeps "§6.2".
    const one = pdfText(saveTo(dir, 'one-key.pdf', await renderAnswerKey(quiz, 'pre', { ...options, sopCodes: { 'sample-registration': 'SOP-X' } })), undefined, undefined, '-raw');
    expect(one).not.toContain('SOP-X');
    expect(one).toMatch(/§\d/);
  });

  it('the training report has the summary, the gain and the item analysis', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const path = saveTo(dir, 'report.pdf', await renderTrainingReport(report, quiz));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path);
    expect(text).toContain('Training report');
    expect(text).toContain('Learning gain');
    expect(text).toMatch(/Class normalized gain\s+0\.31/);
    expect(text).toContain('Item analysis');
    expect(text).toContain(report.forms.post!.items[0]!.id);
  });
});

describe('running footers of quiz prints', () => {
  const footers = (path: string) => pdfText(path).split('\n').filter((l) => /Page \d+ of \d+|صفحة/.test(l)).map((l) => l.trim());

  it('booklet, answer sheet and key name the quiz by its code and the test, never by file id and form', async () => {
    const coded = { ...options, code: 'M9' };
    const prints = {
      booklet: saveTo(dir, 'coded-pre.pdf', await renderTestBooklet(quiz, 'pre', coded)),
      sheet: saveTo(dir, 'coded-sheet.pdf', await renderAnswerSheet(quiz, 'pre', coded)),
      key: saveTo(dir, 'coded-key.pdf', await renderAnswerKey(quiz, 'pre', coded)),
    };
    for (const path of Object.values(prints)) {
      const lines = footers(path);
      expect(lines.length).toBeGreaterThan(0);
      // The same words on the booklet, its answer sheet and its key, so a loose sheet finds its booklet.
      for (const line of lines) expect(line).toMatch(/^M9 · Pre-test · Page \d+ of \d+$/);
      expect(pdfText(path)).not.toContain(`${quiz.id} ·`);
      expect(pdfText(path)).not.toMatch(/ · pre · /);
    }
  });

  it('a quiz without a code is named by its title', async () => {
    const path = saveTo(dir, 'titled-post.pdf', await renderTestBooklet(quiz, 'post', options));
    expect(footers(path)[0]).toBe(`${quiz.title} · Post-test · Page 1 of ${pdfInfo(path).Pages}`);
    const long = { ...quiz, title: `${quiz.title} `.repeat(8).trim() };
    const cut = footers(saveTo(dir, 'long-post.pdf', await renderTestBooklet(long, 'post', options)))[0]!;
    expect(cut).toMatch(/^Sample registration.*… · Post-test · Page 1 of \d+$/);
  });

  it('an Arabic booklet’s footer is in Arabic, with no file id or Latin form code', async () => {
    const path = saveTo(dir, 'ar-pre.pdf', await renderTestBooklet(quiz, 'pre', { ...options, lang: 'ar', code: 'M9' }));
    const text = pdfText(path);
    expect(text).toContain('الاختبار القبلي · صفحة');
    expect(text).not.toContain(quiz.id);
    expect(text).not.toMatch(/ · pre\b/);
  });

  it('the score report’s item map gives items at the same place one label, not two printed over each other', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const post = report.forms.post!;
    const [a, b] = post.items;
    const same: ScoreReport = { ...report, forms: { ...report.forms, post: { ...post, items: [a!, { ...b!, facility: a!.facility, discrimination: a!.discrimination }, ...post.items.slice(2)] } } };
    const path = saveTo(dir, 'same-place.pdf', await renderTrainingReport(same, quiz));
    const text = pdfText(path);
    expect(text).toContain(`${a!.id}, ${b!.id}`);
    expect(text).not.toContain(`${a!.id}${b!.id}`);
  });

  it('the score report prints its numbers as its language writes them: 0,31 in French, "x من y" in Arabic', async () => {
    // A French report printed "0.31", "7.9 / 16" and "p = 0.010" where the course report printed "0,31".
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const fr = pdfText(saveTo(dir, 'report-fr.pdf', await renderTrainingReport(report, quiz, { lang: 'fr' }))).replace(/\s+/g, ' ');
    expect(fr).toMatch(/Gain normalisé de la classe 0,31/);
    expect(fr).toMatch(/p (=|<) 0,\d{3}/);
    expect(fr).not.toMatch(/\b0\.\d\d\b/);
    const en = pdfText(saveTo(dir, 'report-en.pdf', await renderTrainingReport(report, quiz))).replace(/\s+/g, ' ');
    expect(en).toMatch(/Class normalized gain 0\.31/);
    const ar = withoutBidiMarks(pdfText(saveTo(dir, 'report-ar.pdf', await renderTrainingReport(report, quiz, { lang: 'ar' }))));
    const { n, maxScore } = report.forms.pre!;
    expect(ar).toContain(`من ${maxScore}`);
    expect(ar).not.toMatch(new RegExp(`/ ${maxScore}|${maxScore} /`));
    expect(n).toBeGreaterThan(0);
  });

  it('the score report’s participants chart is cut into parts that fit the page: 70 participants, every one drawn above the footer', async () => {
    // Drawn whole, a chart of 60 participants ran over the page's footer and off its foot.
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const ids = Array.from({ length: 70 }, (_, i) => `R${String(i).padStart(3, '0')}`);
    const people = (form: 'pre' | 'post') => ids.map((id, i) => ({ id, score: 5, percent: form === 'pre' ? 30 + (i % 20) : 60 + (i % 30), passed: form === 'post' }));
    const many: ScoreReport = {
      ...report,
      forms: { pre: { ...report.forms.pre!, participants: people('pre') }, post: { ...report.forms.post!, participants: people('post') } },
      prepost: { ...report.prepost!, matched: ids.length, participants: ids.map((id) => ({ id, pre: 5, post: 9, gain: 0.5 })) },
    };
    const path = saveTo(dir, 'many.pdf', await renderTrainingReport(many, quiz));
    const pages = Number(pdfInfo(path).Pages);
    const drawn = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      const words = pdfWords(path, page);
      const footer = words.find((w) => w.text === 'Page');
      expect(footer, `page ${page}`).toBeDefined();
      for (const w of words.filter((x) => /^R\d{3}$/.test(x.text))) {
        expect(w.yMin, `${w.text} on page ${page}`).toBeLessThan(footer!.yMin - 4);
        drawn.add(w.text);
      }
    }
    expect([...drawn].sort()).toEqual(ids);
  });

  it('the score report’s item map reaches down to its lowest item: one of −0.8 is not drawn at −0.5', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const post = report.forms.post!;
    const [a] = post.items;
    const low: ScoreReport = { ...report, forms: { ...report.forms, post: { ...post, items: [{ ...a!, facility: 0.6, discrimination: -0.8 }, ...post.items.slice(1)] } } };
    const path = saveTo(dir, 'low.pdf', await renderTrainingReport(low, quiz));
    const page = Array.from({ length: Number(pdfInfo(path).Pages) }, (_, i) => pdfWords(path, i + 1)).find((ws) => ws.some((w) => w.text === 'discrimination') && ws.some((w) => w.text === '\u22120.5'));
    expect(page).toBeDefined();
    const tick = (label: string) => page!.find((w) => w.text === label)!.yMin;
    const point = page!.filter((w) => w.text === a!.id).at(-1)!.yMin;
    // −1.0 is on the axis, and the item sits between −0.5 and −1.0.
    expect(page!.some((w) => w.text === '\u22121.0')).toBe(true);
    expect(point).toBeGreaterThan(tick('\u22120.5'));
    expect(point).toBeLessThan(tick('\u22121.0'));
  });

  it('the score report’s item table gives flags in words of its language, not their ids', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    expect(report.forms.post!.items.some((i) => i.flags.includes('low-discrimination'))).toBe(true);
    const flagIds = /negative-discrimination|low-discrimination|too-hard|too-easy|negative-covariance|no-variance/;
    const en = pdfText(saveTo(dir, 'flags-en.pdf', await renderTrainingReport(report, quiz)));
    expect(en).not.toMatch(flagIds);
    expect(en).toContain('discrimination < 0.2');
    const ar = withoutBidiMarks(pdfText(saveTo(dir, 'flags-ar.pdf', await renderTrainingReport(report, quiz, { lang: 'ar' }))));
    expect(ar).not.toMatch(flagIds);
    expect(ar).toContain('التمييز');
  });

  it('the score report’s other words are its language’s too: participants not matched, the test’s method, charts, passed', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const en = pdfText(saveTo(dir, 'words-en.pdf', await renderTrainingReport(report, quiz))).replace(/\s+/g, ' ');
    expect(en).toContain('pre-test only: P30; post-test only: P31');
    expect(en).not.toMatch(/P30 \(pre\)/);
    expect(en).toContain('facility (share of marks earned)');
    const ar = withoutBidiMarks(pdfText(saveTo(dir, 'words-ar.pdf', await renderTrainingReport(report, quiz, { lang: 'ar' })))).replace(/\s+/g, ' ');
    for (const english of ['(pre)', '(post)', 'normal approximation', 'pass mark', 'facility', 'discrimination r(']) expect(ar, english).not.toContain(english);
    expect(ar).toContain('الاختبار القبلي فقط');
    expect(ar).toContain('السهولة (نسبة الدرجات المحصّلة)');
    // One form only: passed or not in words, not 'yes' and 'no'.
    const single: ScoreReport = { ...report, forms: { pre: report.forms.pre }, prepost: undefined } as ScoreReport;
    const one = pdfText(saveTo(dir, 'single-en.pdf', await renderTrainingReport(single, quiz)));
    expect(one).toMatch(/\b(passed|not passed)\s*$/m);
    expect(one).not.toMatch(/\s(yes|no)\s*$/m);
  });

  it('the score report’s footer names the quiz by its code and the report', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const path = saveTo(dir, 'coded-report.pdf', await renderTrainingReport(report, quiz, { code: 'M9' }));
    for (const line of footers(path)) expect(line).toMatch(/^M9 · Training report · Page \d+ of \d+$/);
    expect(pdfText(path)).not.toContain(`${quiz.id} ·`);
  });

  it('a quiz’s code is its module’s, else its SOP’s, never its id', () => {
    const project = {
      modules: [{ id: 'module-a', data: { code: 'M2', quiz: 'quiz-a' } }],
      sops: [{ id: 'sop-b', data: { code: 'SOP-XX-02' } }],
    } as unknown as Pick<Project, 'modules' | 'sops'>;
    expect(quizCode(project, { id: 'quiz-a', sop: 'sop-b' })).toBe('M2');
    expect(quizCode(project, { id: 'quiz-c', module: 'module-a' })).toBe('M2');
    expect(quizCode(project, { id: 'quiz-b', sop: 'sop-b' })).toBe('SOP-XX-02');
    expect(quizCode(project, { id: 'quiz-d' })).toBeUndefined();
  });
});

describe('print renderers', () => {
  it('every component of the registry has a print renderer', () => {
    expect(componentsWithoutPrintRenderer()).toEqual([]);
  });
});

describe('a score with partial credit', () => {
  it('is printed with one decimal, as report.html prints it (the PDF said 11.17 where the page said 11.2)', async () => {
    const report = JSON.parse(readFileSync('tests/fixtures/handbook/score-report.json', 'utf8')) as ScoreReport;
    const post = report.forms.post!;
    const [first, ...rest] = post.participants;
    const partial: ScoreReport = { ...report, prepost: undefined, forms: { ...report.forms, post: { ...post, participants: [{ ...first!, score: 11.1667 }, ...rest] } } };
    const text = pdfText(saveTo(dir, 'partial.pdf', await renderTrainingReport(partial, quiz))).replace(/\s+/g, ' ');
    expect(text).toContain(`${first!.id} 11.2 `);
    expect(text).not.toContain('11.17');
  });
});
