import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { renderJobAid } from '../../../src/lib/training/module-pdf.ts';
import { contentText, pdfInfo, pdfRectangles, pdfText, pdfWords, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';
import { copyModelPack, tempFolder } from '../../params/project.ts';

// A job aid is one sheet at the counter (ARCHITECTURE.md, Formats: module, <JobAid>), read at arm's
// length: its table is set from 9 pt down to 7 pt, never smaller (it went down to 6.5 pt), its
// columns sized so the table is lowest. One that runs past its page even so is printed on both
// sides, "Continued overleaf" under page 1, its header repeated, and `sopkit check` says so.
const project = loadProject(join(import.meta.dirname, '../../..'));
const dir = tempDir();

/** The type sizes set in a PDF (`Tf`), but the watermark's. */
function typeSizes(path: string): number[] {
  return [...contentText(path, dir).matchAll(/ ([\d.]+) Tf$/gm)].map((m) => Number(m[1])).filter((s) => s < 40);
}

/** The tick boxes of the job aid's steps: one square a step (JOB_AID_BOX, 10 pt). */
const boxes = (path: string) => pdfRectangles(path).filter((r) => Math.abs(r.w - 10) < 0.01 && Math.abs(Math.abs(r.h) - 10) < 0.01);

const aids: [lang: string, module: string, workflow: string][] = [
  ['en', 'civil-registration-births-deaths', 'death-registration'],
  ['en', 'data-quality-fraud-protection', 'personal-data-requests'],
  ['en', 'legal-identity-foundations', 'birth-registration'],
  ['en', 'national-id-enrolment-module', 'national-id-enrolment'],
  ['fr', 'legal-identity-foundations', 'birth-registration'],
  // French words (workflows/fr/death-registration.yaml) are longer than the machine's: a first draft ran onto a second page.
  ['fr', 'civil-registration-births-deaths', 'death-registration'],
  ['ar', 'legal-identity-foundations', 'birth-registration'],
  // Arabic M2 prints the death registration job aid in the words of workflows/ar/death-registration.yaml.
  ['ar', 'civil-registration-births-deaths', 'death-registration'],
  // Arabic M3 prints the enrolment job aid (24 steps) in the words of workflows/ar/national-id-enrolment.yaml
  // where they exist (the source's otherwise): one side.
  ['ar', 'national-id-enrolment-module', 'national-id-enrolment'],
  // French M3 prints it in the words of workflows/fr/national-id-enrolment.yaml: the first draft's
  // ran onto a second side at 7 pt, until the words its checks column repeats were shortened.
  ['fr', 'national-id-enrolment-module', 'national-id-enrolment'],
];

describe('a job aid on its page', () => {
  it('prints every job aid of the model pack, English, French and Arabic, on one A4 page in type no smaller than 7 pt, every step with its tick box, no word broken inside', async () => {
    for (const [lang, module, workflow] of aids) {
      const path = saveTo(dir, `${lang}-${workflow}.pdf`, await renderJobAid(lang === 'en' ? project : projectIn(project, lang), module, workflow, 'a4'));
      expect(qpdfCheck(path).ok).toBe(true);
      // The national ID enrolment (24 steps) ran onto a second page even at 6.5 pt, its columns in set shares.
      expect(pdfInfo(path).Pages, `${lang} ${workflow}`).toBe('1');
      expect(Math.min(...typeSizes(path)), `${lang} ${workflow}`).toBeGreaterThanOrEqual(7);
      expect(boxes(path).length, `${lang} ${workflow}`).toBeGreaterThan(5);
      // A column narrower than its longest word broke "Deduplication" into "Deduplicatio" and "n".
      const words = pdfText(path, undefined, undefined, '-raw').split(/\s+/);
      expect(words.filter((w) => /^[a-zà-ÿ]$/.test(w) && !['a', 'à', 'y'].includes(w)), `${lang} ${workflow}: single letters left by a word broken inside`).toEqual([]);
    }
    const english = pdfText(join(dir, 'en-birth-registration.pdf'), undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(english).toMatch(/Page 1 of 1/);
    expect(english).not.toContain('Continued overleaf');
    for (const step of ['6.1 Notify the birth', '6.8 Register the birth']) expect(english).toContain(step);
    // A short procedure keeps the largest type.
    expect(Math.min(...typeSizes(join(dir, 'en-birth-registration.pdf')))).toBeGreaterThanOrEqual(8);
  }, 300_000);

  it("has sopkit check warn of no source module's job aid of the model pack, and of a translation's that runs over", async () => {
    // Every job aid of the model pack fits its page (above). A copy of the pack whose French words
    // of the enrolment procedure are longer, as the first French draft's were (it needed two sides
    // at 7 pt): one step title, which the checks column repeats under four other steps, made long.
    // Only French module 3 runs over, and check tells the translator where to shorten it; any other
    // job aid that runs over fails here.
    const parent = tempFolder('job-aid-fr-long-');
    try {
      const root = copyModelPack(join(parent, 'pack'));
      const words = join(root, 'workflows/fr/national-id-enrolment.yaml');
      const text = readFileSync(words, 'utf8');
      // The first `adjudication.review:` is the step's title (the states come before the time limits).
      const long = text.replace(/^  adjudication\.review: .*$/m, '  adjudication.review: "Comparer un à un les enregistrements candidats, leurs données biométriques et démographiques, puis statuer et consigner la décision motivée"');
      expect(long).not.toBe(text);
      writeFileSync(words, long);
      const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
      const warned = diagnostics.filter((d) => d.code === 'job-aid/too-long');
      expect(warned.map((d) => d.file)).toEqual(['content/fr/modules/national-id-enrolment-module.mdx']);
      expect(warned[0]!.message).toContain('workflows/fr/national-id-enrolment.yaml');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 300_000);

  describe('a procedure too long for one page even at 7 pt', () => {
    // The training fixture with its workflow made 48 steps long: a procedure no type size fits on a page.
    // Inside the repository, so that its workflow finds the xstate package.
    mkdirSync(resolve('.sopkit-cache'), { recursive: true });
    const root = mkdtempSync(join(resolve('.sopkit-cache'), 'job-aid-long-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    cpSync(join(import.meta.dirname, '../../fixtures/training/base'), root, { recursive: true });
    const n = 48;
    const states = Array.from({ length: n }, (_, i) =>
      `    s${i}: { meta: { step: '6.${i + 1}', title: 'Check the declaration against the register entry number ${i + 1}', role: 'registration-clerk', sla: '2 working days' }, on: { 'step.done': [{ guard: 'isLate', target: 's${i + 1}' }, { target: 's${i + 1}' }] } },`,
    ).join('\n');
    const machine = `import { setup } from 'xstate';
import type { CaseField, Scenario } from '../../../../../src/lib/workflow/types.ts';
export const machine = setup({
  types: { context: {} as { daysSinceEvent: number }, events: {} as { type: 'step.done' }, input: {} as { daysSinceEvent?: number } },
  guards: { isLate: ({ context }) => context.daysSinceEvent > 90 },
}).createMachine({
  id: 'example-registration',
  initial: 's0',
  context: ({ input }) => ({ daysSinceEvent: input.daysSinceEvent ?? 0 }),
  states: {
${states}
    s${n}: { type: 'final', meta: { step: '6.${n + 1}', title: 'Registered', role: 'registrar' } },
  },
});
export const caseFields: CaseField[] = [{ id: 'daysSinceEvent', label: 'Days since the event', type: 'number' }];
export const scenarios: Scenario[] = [];
`;
    writeFileSync(join(root, 'workflows/sample-registration.machine.ts'), machine);
    const long = join(dir, 'long.pdf');

    it('prints on both sides: "Continued overleaf" under page 1, the table header on both, in its largest type', async () => {
      saveTo(dir, 'long.pdf', await renderJobAid(loadProject(root), 'intro', 'sample-registration', 'a4'));
      expect(qpdfCheck(long).ok).toBe(true);
      expect(Number(pdfInfo(long).Pages)).toBeGreaterThan(1);
      for (const page of [1, 2]) expect(pdfText(long, page)).toMatch(/Step\s+Who\s+Time\s+(limit\s+)?Forms\s+Checks and next step/);
      expect(pdfText(long, 1)).toContain('Continued overleaf');
      expect(pdfText(long, Number(pdfInfo(long).Pages))).not.toContain('Continued overleaf');
      // The table in 9 pt (the running heads and the lead are smaller, whatever the table's size).
      const sizes = typeSizes(long);
      expect(sizes.filter((s) => s === 9).length).toBeGreaterThan(sizes.length / 2);
    }, 120_000);

    it('has sopkit check warn of it, naming its module and workflow', async () => {
      const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
      const warned = diagnostics.filter((d) => d.code === 'job-aid/too-long');
      expect(warned.map((d) => [d.severity, d.file])).toEqual([['warning', 'content/modules/intro.mdx']]);
      expect(warned[0]!.message).toMatch(/<JobAid workflow="sample-registration">.*48 steps\) prints on \d A4 pages even at 7 pt/);
      expect(warned[0]!.message).toContain('workflows/sample-registration.machine.ts, or split the procedure into two job aids');
    }, 300_000);

    // The same module translated into French, with the workflow's French words: its job aid prints
    // those words, so the warning sends the translator to them, not to the machine, and never to a
    // split (a translation keeps its source's job aids; `translation/structure` says so).
    const frRoot = mkdtempSync(join(resolve('.sopkit-cache'), 'job-aid-long-fr-'));
    afterAll(() => rmSync(frRoot, { recursive: true, force: true }));
    cpSync(root, frRoot, { recursive: true });
    const site = join(frRoot, 'content/site.yaml');
    writeFileSync(site, `${readFileSync(site, 'utf8')}locales:\n  - { code: en, label: English, default: true }\n  - { code: fr, label: Français }\n`);
    mkdirSync(join(frRoot, 'content/fr/modules'), { recursive: true });
    const intro = readFileSync(join(frRoot, 'content/modules/intro.mdx'), 'utf8');
    writeFileSync(join(frRoot, 'content/fr/modules/intro.mdx'), intro.replace('language: en\n', 'language: fr\ntranslationOf:\n  id: intro\n  version: 0.1.0\n'));
    mkdirSync(join(frRoot, 'workflows/fr'), { recursive: true });
    const frStates = Array.from({ length: n }, (_, i) => `  s${i}: "Vérifier la déclaration au regard du numéro d'inscription ${i + 1}"`).join('\n');
    writeFileSync(join(frRoot, 'workflows/fr/sample-registration.yaml'), `title: "Enregistrement type"\nstates:\n${frStates}\n`);

    it("has sopkit check send a translation's author to the words it prints in its language", async () => {
      const { diagnostics } = await runChecks(frRoot, { today: '2026-06-01' });
      const warned = diagnostics.filter((d) => d.code === 'job-aid/too-long' && d.file === 'content/fr/modules/intro.mdx');
      expect(warned).toHaveLength(1);
      expect(warned[0]!.message).toMatch(/<JobAid workflow="sample-registration">.*48 steps\) prints on \d A4 pages even at 7 pt/);
      expect(warned[0]!.message).toContain('workflows/fr/sample-registration.yaml');
      expect(warned[0]!.message).not.toContain('.machine.ts');
      expect(warned[0]!.message).not.toContain('split');
    }, 300_000);

    // The same module in Arabic: "Continued overleaf" goes at the end of the line, where the eye
    // leaves the page, which in Arabic is the left. It was put at the start side (the right):
    // given the left margin by hand on a page the writer mirrors as it draws.
    const arRoot = mkdtempSync(join(resolve('.sopkit-cache'), 'job-aid-long-ar-'));
    afterAll(() => rmSync(arRoot, { recursive: true, force: true }));
    cpSync(root, arRoot, { recursive: true });
    const arSite = join(arRoot, 'content/site.yaml');
    writeFileSync(arSite, `${readFileSync(arSite, 'utf8')}locales:\n  - { code: en, label: English, default: true }\n  - { code: ar, label: العربية }\n`);
    mkdirSync(join(arRoot, 'content/ar/modules'), { recursive: true });
    writeFileSync(join(arRoot, 'content/ar/modules/intro.mdx'), readFileSync(join(arRoot, 'content/modules/intro.mdx'), 'utf8').replace('language: en\n', 'language: ar\ntranslationOf:\n  id: intro\n  version: 0.1.0\n'));
    mkdirSync(join(arRoot, 'workflows/ar'), { recursive: true });
    const arStates = Array.from({ length: n }, (_, i) => `  s${i}: "مطابقة التصريح مع رقم القيد في السجل ${i + 1}"`).join('\n');
    writeFileSync(join(arRoot, 'workflows/ar/sample-registration.yaml'), `title: "تسجيل نموذجي"\nstates:\n${arStates}\n`);

    it('puts "Continued overleaf" at the end of the line: the right in English, the left in Arabic', async () => {
      const arabic = saveTo(dir, 'long.ar.pdf', await renderJobAid(projectIn(loadProject(arRoot), 'ar'), 'intro', 'sample-registration', 'a4'));
      if (!existsSync(long)) saveTo(dir, 'long.pdf', await renderJobAid(loadProject(root), 'intro', 'sample-registration', 'a4'));
      expect(Number(pdfInfo(arabic).Pages)).toBeGreaterThan(1);
      const width = Number.parseFloat(pdfInfo(arabic)['Page size']!);
      const english = pdfWords(long, 1).filter((w) => ['Continued', 'overleaf'].includes(w.text));
      expect(english).toHaveLength(2);
      for (const w of english) expect(w.xMin, w.text).toBeGreaterThan(width / 2);
      // pdftotext gives an Arabic word's letters in the order they are painted, left to right.
      const painted = (word: string) => [...word].reverse().join('');
      const arabicWords = pdfWords(arabic, 1).filter((w) => 'يتبع على ظهر الصفحة'.split(' ').map(painted).includes(w.text) && w.yMin > 700);
      expect(arabicWords.map((w) => w.text).sort()).toEqual('يتبع على ظهر الصفحة'.split(' ').map(painted).sort());
      for (const w of arabicWords) expect(w.xMax, w.text).toBeLessThan(width / 2);
    }, 120_000);
  });
});
