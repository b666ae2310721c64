import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../src/lib/content/project.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { quizFileNames } from '../../../src/lib/handbook/write.ts';
import { evaluationFormFileName } from '../../../src/lib/training/evaluation/form-pdf.ts';
import { renderTrainerGuide } from '../../../src/lib/training/guide-pdf.ts';
import { coursePrintPack, printLineTitle, trainerGuide, type GuidePart } from '../../../src/lib/training/guide.ts';
import type { CourseDoc } from '../../../src/lib/training/courses.ts';
import { totalCopies } from '../../../src/lib/training/print-pack.ts';
import { courseTimetable } from '../../../src/lib/training/timetable.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { translatedPdfName } from '../../../src/lib/translation/paths.ts';
import type { Course } from '../../../src/schemas/course.ts';
import { t } from '../../../src/i18n/index.ts';
import { contentText, pageWith, pdfInfo, pdfText, pdfWords, saveTo, tempDir, withoutBidiMarks } from '../handbook/pdf-tools.ts';
import { packWithout } from '../translation/pack-without.ts';

// The model course's trainer's guide: its print pack and the words around it, in the three
// languages of the model pack (ARCHITECTURE.md, Formats: course; Translations: PDFs).
const project = loadProject(join(import.meta.dirname, '../../..'));
const views: Record<string, Project> = { en: project, fr: projectIn(project, 'fr'), ar: projectIn(project, 'ar') };
const ID = 'registry-officers';
const M1 = 'legal-identity-foundations';
const M2 = 'civil-registration-births-deaths';
const M3 = 'national-id-enrolment-module';
const M4 = 'data-quality-fraud-protection';
const doc = (p: Project) => p.courses.find((c) => c.id === ID) as CourseDoc & { data: Course };
const table = (parts: GuidePart[]) => parts.find((p): p is Extract<GuidePart, { kind: 'table' }> => p.kind === 'table')!;
/** The quizzes the course's modules give, and the course itself: ids that must not be printed as names. */
const ids = [ID, ...doc(project).data.modules, ...project.modules.flatMap((m) => (m.data ? [m.data.quiz] : []))];

describe("the course's print pack", () => {
  it('lists every test the timetable runs, with its booklet, answer sheet and key, and counts their copies', () => {
    const c = doc(project).data;
    // What the timetable holds, read here on its own terms: the course's test lines, and each
    // module session that is a test, its form said by its (English) title.
    const run = new Set<string>();
    for (const e of courseTimetable(c, new Map(project.modules.map((m) => [m.id, m]))).days.flat()) {
      if (e.kind === 'test') run.add(`${e.quiz}-${e.form}`);
      if (e.kind === 'session' && e.session.method === 'test') run.add(`${e.module.data!.quiz}-${/pre-test/i.test(e.session.title) ? 'pre' : 'post'}`);
    }
    // M1's quiz opens and closes the course; M2, M3 and M4 each run a pre-test and a post-test (the
    // example course's results hold both forms of every quiz).
    // The example course's result files are tests the timetable gives (pre.csv, post.csv: M1's).
    const results = readdirSync(join(import.meta.dirname, '../../../examples/registry-officers')).flatMap((f) => {
      const m = /^(pre|post)(?:-(.+))?\.csv$/.exec(f);
      return m ? [`${m[2] ?? M1}-${m[1]}`] : [];
    });
    expect(results.sort()).toEqual([...run].sort());
    expect([...run].sort()).toEqual([
      'civil-registration-births-deaths-post',
      'civil-registration-births-deaths-pre',
      'data-quality-fraud-protection-post',
      'data-quality-fraud-protection-pre',
      `${M1}-post`,
      `${M1}-pre`,
      'national-id-enrolment-module-post',
      'national-id-enrolment-module-pre',
    ]);
    const pack = coursePrintPack(project, c);
    for (const kind of ['booklet', 'answer-sheet', 'answer-key'] as const) {
      const files = pack.filter((l) => l.kind === kind).map((l) => l.file);
      const suffix = { booklet: '', 'answer-sheet': '-answer-sheet', 'answer-key': '-key' }[kind];
      expect(files.sort(), kind).toEqual([...run].sort().map((x) => `quizzes/${x}${suffix}.pdf`));
    }
    const tests = pack.filter((l) => ['booklet', 'answer-sheet', 'answer-key'].includes(l.kind));
    expect(totalCopies(tests)).toBe(run.size * (22 + 22 + 2));
    // The guide's total counts them.
    const guide = trainerGuide(project, doc(project), 'trainer', 'en');
    expect(table(guide.sections.find((s) => s.id === 'print')!.parts).footer.at(-1)).toBe(String(totalCopies(pack)));
  });

  it("tells how to run, score and report every test the timetable gives, the modules' as well as the course's", () => {
    // The guide named M1's test alone and gave one score command: a trainer who followed it got a
    // report saying no responses were given for M2, M3 and M4, whose booklets its print pack listed.
    const guide = trainerGuide(project, doc(project), 'trainer', 'en');
    const part = (id: string) => guide.sections.find((s) => s.id === id)!.parts;
    const links = part('tests').flatMap((p) => (p.kind === 'links' ? p.items.map((i) => i.href) : []));
    const others = ['civil-registration-births-deaths', 'national-id-enrolment-module', 'data-quality-fraud-protection'];
    for (const quiz of others) for (const form of ['pre', 'post']) expect(links).toContain(`/assessments/${quiz}/${form}/`);
    const score = part('score').flatMap((p) => (p.kind === 'code' ? p.text.split('\n') : []));
    expect(score).toEqual([
      'npx sopkit score --quiz legal-identity-foundations --pre pre.csv --post post.csv --out results/legal-identity-foundations/',
      ...others.map((q) => `npx sopkit score --quiz ${q} --pre pre-${q}.csv --post post-${q}.csv --out results/${q}/`),
    ]);
    const report = part('report').flatMap((p) => (p.kind === 'code' ? [p.text] : []))[0]!;
    for (const q of others) expect(report).toContain(`--pre pre-${q}.csv --post post-${q}.csv`);
  });

  it('names tests, quizzes and the evaluation form in words, never by their ids, in every language', () => {
    const m1 = (p: Project) => p.modules.find((m) => m.id === M1)!.data!;
    for (const [lang, view] of Object.entries(views)) {
      const guide = trainerGuide(view, doc(view), 'trainer', lang);
      const rows = table(guide.sections.find((s) => s.id === 'print')!.parts).rows.map((r) => r[0] as string);
      for (const row of rows) for (const id of ids) expect(row, `${lang}: ${row}`).not.toContain(id);
      const booklet = guide.pack.find((l) => l.kind === 'booklet' && l.form === 'pre' && l.file?.includes(M1))!;
      expect(printLineTitle(booklet, lang), lang).toContain(`${m1(view).code} ${m1(view).title}`);
      expect(printLineTitle(guide.pack.find((l) => l.kind === 'evaluation-form')!, lang), lang).toContain(doc(view).data.title);
      // The tests' lead names the course's one quiz once, by its module, and no id.
      const lead = guide.sections.find((s) => s.id === 'tests')!.parts.find((p) => p.kind === 'paragraph') as { text: string };
      for (const id of ids) expect(lead.text, lang).not.toContain(id);
      expect(lead.text.split(m1(view).title).length - 1, `${lang}: ${lead.text}`).toBe(1);
    }
  });

  it("points each language's guide to its own language's booklets, answer sheets and evaluation form where the build writes them, to the source's otherwise", () => {
    const files = (lang: string) => coursePrintPack(views[lang]!, doc(views[lang]!).data, lang).flatMap((l) => (l.file ? [l.file] : []));
    /** A translated quiz's booklets, answer sheets and answer keys in the guide's language, not the source's. */
    const translatedPrints = (listed: string[], quiz: string, lang: string) => {
      for (const form of ['pre', 'post'] as const) {
        const names = quizFileNames(quiz, form, lang);
        expect(listed).toContain(`quizzes/${names.booklet}`);
        expect(listed).toContain(`quizzes/${names.sheet}`);
        expect(listed).not.toContain(`quizzes/${quizFileNames(quiz, form).booklet}`);
        // The key letters the options as that language's booklet does (أ ب ج, V/F): the source's
        // A B C and True/False had to be converted answer by answer.
        expect(listed).toContain(`quizzes/${names.key}`);
        expect(names.key).toBe(`${quiz}-${form}-key.${lang}.pdf`);
        expect(listed).not.toContain(`quizzes/${quizFileNames(quiz, form).key}`);
      }
    };
    const fr = files('fr');
    // quizzes/fr/legal-identity-foundations.yaml and quizzes/fr/evaluations/registry-officers.yaml
    // exist: the build writes their French prints under these names.
    translatedPrints(fr, M1, 'fr');
    expect(fr).toContain(translatedPdfName(evaluationFormFileName(ID), 'fr'));
    expect(fr).not.toContain(evaluationFormFileName(ID));
    // M2's quiz is translated too (quizzes/fr/civil-registration-births-deaths.yaml): its French prints.
    expect(fr).toContain(`quizzes/${quizFileNames(M2, 'pre', 'fr').booklet}`);
    expect(fr).not.toContain(`quizzes/${quizFileNames(M2, 'pre').booklet}`);
    // Arabic: the evaluation form and the quizzes of M1 to M4 (quizzes/ar/legal-identity-foundations.yaml,
    // quizzes/ar/civil-registration-births-deaths.yaml, quizzes/ar/national-id-enrolment-module.yaml,
    // quizzes/ar/data-quality-fraud-protection.yaml) are translated: their Arabic prints and keys.
    const ar = files('ar');
    expect(ar).toContain(translatedPdfName(evaluationFormFileName(ID), 'ar'));
    expect(ar).not.toContain(evaluationFormFileName(ID));
    for (const quiz of [M1, M2, M3, M4]) translatedPrints(ar, quiz, 'ar');
    expect(ar.filter((f) => f.includes('.fr.'))).toEqual([]);
    // A quiz that is not translated gives its English booklet: M4's, in a copy of the pack without
    // its Arabic translation.
    const untranslated = projectIn(loadProject(packWithout(`quizzes/ar/${M4}.yaml`)), 'ar');
    const arCopy = coursePrintPack(untranslated, doc(untranslated).data, 'ar').flatMap((l) => (l.file ? [l.file] : []));
    expect(arCopy).toContain(`quizzes/${quizFileNames(M4, 'pre').booklet}`);
    expect(arCopy).not.toContain(`quizzes/${quizFileNames(M4, 'pre', 'ar').booklet}`);
    // The source's guide names no translated file.
    expect(files('en').filter((f) => /\.(fr|ar)\.pdf$/.test(f))).toEqual([]);
  });
});

describe("the Arabic trainer's guide PDF", () => {
  // A copy of the pack whose module 4 has no Arabic file: these tests are about the English words
  // of an untranslated module among the Arabic ones, which the model pack may no longer have.
  const arabic = projectIn(loadProject(packWithout(`content/ar/modules/${M4}.mdx`)), 'ar');
  let pdf: string;
  beforeAll(async () => {
    pdf = saveTo(tempDir(), 'guide.ar.pdf', await renderTrainerGuide(arabic, ID, 'a4', 'ar', 'trainer'));
  }, 120_000);

  it('sets the English materials list (modules not translated yet) left to right, its last line ending where English ends', () => {
    // Each activity's materials are a paragraph of their own: the list runs onto page 2.
    const text = withoutBidiMarks(pdfText(pdf, 1, 2, '-raw'));
    expect(text.replace(/\s+/g, ' ')).toContain("the 'Can I share this?' handout, a chair back to back for the telephone scene");
    // Set in the right-to-left flow, its final full stop went to the start of its last line.
    expect(text).not.toMatch(/^\s*\.the 'Can I share this\?'/m);
    // Its lines start at the left margin (the page is mirrored: the list's checkboxes are on the right).
    // "telephone scene", not the "scene 2" of another activity's line.
    const atScene = (ws: ReturnType<typeof pdfWords>) => ws.find((w, i) => w.text === 'scene' && ws[i - 1]?.text === 'telephone');
    const words = [1, 2].map((page) => pdfWords(pdf, page)).find((ws) => atScene(ws))!;
    const scene = atScene(words)!;
    const last = words.filter((w) => w.yMin === scene.yMin).sort((a, b) => a.xMin - b.xMin);
    expect(last.map((w) => w.text).join(' ')).toMatch(/telephone scene$/);
    expect(last[0]!.xMin).toBeLessThan(60);
    // The Arabic lead-in keeps the right margin.
    const lead = pdfWords(pdf, 1).find((w) => w.text.includes('اهجاتحت') || w.text.includes('تحتاجها'))!;
    expect(lead.xMin).toBeGreaterThan(300);
  });

  it("sets each untranslated module's English title beside its bullet, on the list's side, as the Arabic items are", () => {
    // Laid out as an English paragraph, a title went to the left margin, up to a page's width from its bullet.
    // Modules 1 to 3 are in Arabic; in this copy of the pack, module 4 is not.
    const ids = doc(arabic).data.modules.filter((id) => arabic.modules.find((m) => m.id === id)!.data!.language === 'en');
    const codes = ids.map((id) => arabic.modules.find((m) => m.id === id)!.data!);
    expect(codes.length).toBeGreaterThan(0);
    const page = pageWith(pdf, `/modules/${ids[0]}/`);
    expect(page).toBeGreaterThan(0);
    const words = pdfWords(pdf, page);
    for (const m of codes) {
      const code = words.find((w) => w.text === m.code);
      expect(code, m.code).toBeDefined();
      const line = words.filter((w) => Math.abs(w.yMin - code!.yMin) < 1);
      const bullet = line.find((w) => w.text === '•');
      expect(bullet, `${m.code}: its bullet on its first line`).toBeDefined();
      const end = Math.max(...line.filter((w) => w !== bullet).map((w) => w.xMax));
      expect(bullet!.xMin - end, m.code).toBeGreaterThan(0);
      expect(bullet!.xMin - end, m.code).toBeLessThan(12);
    }
  });

  it("lists a workbook's English handouts right to left among the Arabic words, each title whole in its own direction", () => {
    // Not isolated, the English titles and the Arabic comma between them ran as one left-to-right
    // phrase: the first handout's last word printed left of the second's first word, and the
    // sentence's brackets closed inside the English.
    const pack = coursePrintPack(arabic, doc(arabic).data, 'ar');
    const lines = pack.filter((l) => l.kind === 'workbook' && (l.includes?.length ?? 0) >= 2 && l.includes!.every((h) => !/[\u0600-\u06ff]/.test(h)));
    expect(lines.length).toBeGreaterThan(0);
    // Each title is its own isolate in the printed words (the page renders the same text).
    for (const l of lines) for (const h of l.includes!) expect(printLineTitle(l, 'ar')).toContain(`\u2068${h}\u2069`);
    let compared = 0;
    for (const l of lines) {
      const [first, second] = l.includes! as [string, string];
      const last = first.split(' ').at(-1)!;
      const next = second.split(' ')[0]!;
      for (let page = 1; page <= 4; page++) {
        const words = pdfWords(pdf, page);
        for (const a of words.filter((w) => w.text.replace('،', '') === last)) {
          const b = words.find((w) => w.text === next && Math.abs(w.yMin - a.yMin) < 1 && Math.abs(w.xMin - a.xMin) < 150);
          if (!b) continue;
          compared++;
          expect(a.xMin, `${last} / ${next}`).toBeGreaterThan(b.xMin);
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('sets the commands to type left to right on the left, a wrapped line of one starting where its first did', () => {
    // Aligned right as the Arabic text is, the report command's second line ended at the right margin.
    const codes = trainerGuide(arabic, doc(arabic), 'trainer', 'ar').sections.flatMap((s) => s.parts.flatMap((p) => (p.kind === 'code' ? [p.text] : [])));
    expect(codes.length).toBeGreaterThan(1);
    const pages = Array.from({ length: Number(pdfInfo(pdf).Pages) }, (_, i) => pdfWords(pdf, i + 1));
    for (const command of codes) {
      const [first, last] = [command.split(' ')[0]!, command.split(' ').at(-1)!];
      const words = pages.find((ws) => ws.some((w) => w.text === last))!;
      const end = words.find((w) => w.text === last)!;
      const start = words.filter((w) => w.text === first).sort((a, b) => a.yMin - b.yMin).filter((w) => w.yMin <= end.yMin).at(-1)!;
      expect(start.xMin, command).toBeLessThan(100);
      // The line the command ends on starts at the same left edge.
      const lineStart = Math.min(...words.filter((w) => Math.abs(w.yMin - end.yMin) < 1).map((w) => w.xMin));
      expect(Math.abs(lineStart - start.xMin), command).toBeLessThan(1);
    }
  });

  it('prints what a trainer types among the Arabic words as it is typed: ?kiosk, handbooks/', () => {
    // Unisolated, the neutral ? and / took the Arabic's direction and moved to the other end of
    // the word: "kiosk?" and "/handbooks".
    const words = Array.from({ length: Number(pdfInfo(pdf).Pages) }, (_, i) => pdfWords(pdf, i + 1)).flat().map((w) => w.text).filter((w) => !w.startsWith('http'));
    const kiosk = words.filter((w) => w.includes('kiosk'));
    const folder = words.filter((w) => w.includes('handbooks'));
    expect(kiosk.length).toBeGreaterThan(0);
    expect(folder.length).toBeGreaterThan(0);
    for (const w of kiosk) expect(w).toContain('?kiosk');
    for (const w of folder) expect(w).toContain('handbooks/');
  });

  it('joins lists with the Arabic comma', () => {
    const text = withoutBidiMarks(pdfText(pdf, 1, 1));
    const heading = text.split('\n').find((l) => l.includes('قبل أسبوعين') && l.includes('في اليوم السابق'))!;
    expect(heading).toContain('،');
    expect(heading).not.toContain(',');
    const trainers = text.split('\n').find((l) => l.includes('المدرب الرئيسي'))!;
    expect(trainers).toContain('،');
    expect(trainers).not.toContain(',');
  });
});

describe("the guide's materials list", () => {
  /** The lead-in item of the materials list and its paragraphs, as [text, lang]. */
  const materials = (lang: string, view = views[lang]!) => {
    const items = trainerGuide(view, doc(view), 'trainer', lang).sections.flatMap((s) => s.parts.flatMap((p) => (p.kind === 'checklist' ? p.items : [])));
    const lead = items.find((i): i is Exclude<typeof i, string> => typeof i !== 'string' && i.content.length > 0)!;
    return lead.content.map((c) => [c.text.replace(/[\u00a0\u202f]/g, ' ').slice(0, 40), c.lang]);
  };

  it("en: each activity's materials are a line of their own, as written, not run into one sentence", () => {
    // Joined, they read "need: Per pair, five A4 cards: ...; One set of task cards per group", a
    // capital after each semicolon.
    const content = materials('en');
    expect(content.length).toBeGreaterThan(3);
    expect(content.every(([text, l]) => l === 'en' && !text!.includes('; ') && /^[A-Z0-9]/.test(text!))).toBe(true);
    expect(content.map(([text]) => text)).toContain('One set of task cards per group (handout');
  });

  it.each([
    ['fr', 'Pas encore traduit : affiché en anglais.'],
    ['ar', 'لم يُترجَم بعد: معروض باللغة الإنجليزية.'],
  ])('%s: the English paragraph is announced in the guide’s language, right before it', (lang, note) => {
    // The pack under way: module 1 alone translated (the model pack's French has every module now).
    const translations = project.translations[lang]!;
    const underWay = projectIn({ ...project, translations: { ...project.translations, [lang]: { ...translations, modules: translations.modules.filter((m) => m.id === M1) } } }, lang);
    const content = materials(lang, underWay);
    const english = content.findIndex(([, l]) => l === 'en');
    expect(english).toBeGreaterThan(0);
    expect(content[english - 1]).toEqual([note.slice(0, 40), lang]);
    // One announcement per other language; a module in the guide's language is not announced.
    expect(content.filter(([text]) => text === note.slice(0, 40)).length).toBe(new Set(content.flatMap(([, l]) => (l === lang ? [] : [l]))).size);
  });
});

describe("the guide's timetable in print", () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`${lang}: every page of the timetable that shows a session names its day above it`, async () => {
      const pdf = saveTo(tempDir(), `guide.${lang}.pdf`, await renderTrainerGuide(views[lang]!, ID, 'a4', lang, 'trainer'));
      const day = new RegExp(`^\\s*${t('course.day', lang).replace('{n}', '\\d+')}\\s*$`);
      const pages = pdfText(pdf).split('\f');
      const start = pages.findIndex((p) => p.includes(t('guide.timetable', lang)) && / \d{1,2}:\d{2}/.test(p));
      expect(start).toBeGreaterThan(0);
      const orphans: number[] = [];
      pages.slice(start).forEach((page, i) => {
        const lines = page.split('\n');
        const firstSession = lines.findIndex((l) => /^\s*\d{1,2}:\d{2}\s*[–-]\s*\d{1,2}:\d{2}/.test(l));
        if (firstSession >= 0 && !lines.slice(0, firstSession).some((l) => day.test(l))) orphans.push(start + i + 1);
      });
      expect(orphans).toEqual([]);
    }, 120_000);
  }
});

/** The web addresses a PDF's links go to (`/URI` of its link annotations), each once. */
const linkUris = (pdf: string): string[] => [...new Set([...contentText(pdf, tempDir()).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!))];

describe("the guide's links in a translated language", () => {
  const site = (project.site?.url ?? '').replace(/\/$/, '');
  const pdfs: Record<string, string> = {};
  beforeAll(async () => {
    pdfs.fr = saveTo(tempDir(), 'guide.fr.pdf', await renderTrainerGuide(views.fr!, ID, 'a4', 'fr', 'trainer'));
  }, 120_000);

  it("fr: go to the French site's pages where the site has them, as the guide page's links do, and to the English page where it has none", () => {
    const uris = linkUris(pdfs.fr!);
    const pre = `/assessments/${M1}/pre/`;
    // Pages every locale has (a module, a test, its kiosk mode, the evaluation form, scoring).
    for (const path of [`/modules/${M1}/`, pre, `${pre}?kiosk`, '/scoring/', `/evaluations/${doc(project).data.evaluation}/`]) {
      expect(uris, path).toContain(`${site}/fr${path}`);
      expect(uris, path).not.toContain(`${site}${path}`);
    }
    // Pages in the source language only: a test's CSV template, the course's report page.
    expect(uris).toContain(`${site}${pre}template.csv`);
    expect(uris).toContain(`${site}/courses/${ID}/report/`);
    expect(uris.filter((u) => u.includes('/fr/') && (u.endsWith('.csv') || u.includes('/report/')))).toEqual([]);
    // The printed address is the one the link goes to.
    expect(pdfText(pdfs.fr!).replace(/\s+/g, '')).toContain(`${site}/fr/modules/${M1}/`);
  });

  it('fr: puts a no-break space before the colon that introduces each address, as French does', () => {
    // `${text}: ` was typed for every language: "…de l'état civil: https://…".
    const raw = execFileSync('pdftotext', ['-raw', pdfs.fr!, '-'], { encoding: 'utf8' });
    const before = [...raw.matchAll(/(.)(.): ?https?:\/\//g)];
    expect(before.length).toBeGreaterThan(5);
    // pdftotext writes U+00A0 as U+00A0 or a space: either way, not a letter or bracket before the colon.
    expect(before.filter((m) => !/[\s\u00a0]/.test(m[2]!)).map((m) => m[0])).toEqual([]);
    expect(raw).not.toMatch(/\S: https?:\/\//);
  });
});
