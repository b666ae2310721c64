import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { renderJobAid } from '../../../src/lib/training/module-pdf.ts';
import { contentText, pdfInfo, pdfRectangles, pdfText, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// A job aid is one sheet at the counter (ARCHITECTURE.md, Formats: module, <JobAid>), read at arm's
// length: its table is set from 9 pt down to 8 pt, never smaller (it went down to 6.5 pt), its
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
];

describe('a job aid on its page', () => {
  it('prints every job aid, English and French, in type no smaller than 8 pt, with no word broken inside', async () => {
    for (const [lang, module, workflow] of aids) {
      const path = saveTo(dir, `${lang}-${workflow}.pdf`, await renderJobAid(lang === 'en' ? project : projectIn(project, lang), module, workflow, 'a4'));
      expect(qpdfCheck(path).ok).toBe(true);
      expect(Math.min(...typeSizes(path)), `${lang} ${workflow}`).toBeGreaterThanOrEqual(8);
      // A column narrower than its longest word broke "Deduplication" into "Deduplicatio" and "n".
      const words = pdfText(path, undefined, undefined, '-raw').split(/\s+/);
      expect(words.filter((w) => /^[a-zà-ÿ]$/.test(w) && !['a', 'à', 'y'].includes(w)), `${lang} ${workflow}: single letters left by a word broken inside`).toEqual([]);
    }
  }, 300_000);

  it('holds one page for a job aid that fits at 8 pt or more: the English birth registration, every step with its tick box', async () => {
    const english = saveTo(dir, 'en.pdf', await renderJobAid(project, 'legal-identity-foundations', 'birth-registration', 'a4'));
    expect(pdfInfo(english).Pages).toBe('1');
    const text = pdfText(english, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(text).toMatch(/Page 1 of 1/);
    expect(text).not.toContain('Continued overleaf');
    for (const step of ['6.1 Notify the birth', '6.8 Register the birth']) expect(text).toContain(step);
    expect(boxes(english).length).toBeGreaterThan(10);
    expect(Math.min(...typeSizes(english))).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('prints a job aid too long for one page on both sides: "Continued overleaf" under page 1, the table header on both', async () => {
    // National ID enrolment: 24 steps, two pages at 8 pt however its columns are set.
    const long = saveTo(dir, 'id.pdf', await renderJobAid(project, 'national-id-enrolment-module', 'national-id-enrolment', 'a4'));
    expect(pdfInfo(long).Pages).toBe('2');
    for (const page of [1, 2]) expect(pdfText(long, page)).toMatch(/Step\s+Who\s+Time\s+(limit\s+)?Forms\s+Checks and next step/);
    expect(pdfText(long, 1)).toContain('Continued overleaf');
    expect(pdfText(long, 2)).not.toContain('Continued overleaf');
    expect(Math.min(...typeSizes(long))).toBeGreaterThanOrEqual(8);
    const french = saveTo(dir, 'fr-long.pdf', await renderJobAid(projectIn(project, 'fr'), 'legal-identity-foundations', 'birth-registration', 'a4'));
    if (pdfInfo(french).Pages !== '1') expect(pdfText(french, 1)).toContain('Suite au verso');
  }, 120_000);

  it('has sopkit check warn of each job aid that runs past one page, naming its module and workflow, and of no other', async () => {
    const counts = new Map<string, number>();
    for (const [lang, module, workflow] of aids) {
      const path = join(dir, `${lang}-${workflow}.pdf`);
      saveTo(dir, `${lang}-${workflow}.pdf`, await renderJobAid(lang === 'en' ? project : projectIn(project, lang), module, workflow, 'a4'));
      counts.set(`${lang === 'en' ? 'content/modules' : `content/${lang}/modules`}/${module}.mdx ${workflow}`, Number(pdfInfo(path).Pages));
    }
    const { diagnostics } = await runChecks(project.root, { today: '2026-06-01' });
    const warned = diagnostics.filter((d) => d.code === 'job-aid/too-long');
    for (const w of warned) expect(w.severity).toBe('warning');
    const named = new Set(warned.map((d) => `${d.file} ${/<JobAid workflow="([^"]+)">/.exec(d.message)?.[1]}`));
    expect(named).toEqual(new Set([...counts].filter(([, n]) => n > 1).map(([k]) => k)));
    expect(warned.find((d) => d.file.endsWith('national-id-enrolment-module.mdx'))?.message).toMatch(/module M3 \(national-id-enrolment-module\).*prints on 2 A4 pages/);
  }, 300_000);
});
