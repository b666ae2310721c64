import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { renderJobAid } from '../../../src/lib/training/module-pdf.ts';
import { contentText, pdfInfo, pdfRectangles, pdfText, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// A job aid is one sheet at the counter (ARCHITECTURE.md, Formats: module, <JobAid>). The French
// job aid of the model pack's birth registration ran to "Page 1 sur 2", even at 6.5 pt, in the
// columns' set shares; fitted to its words it holds on one page.
const project = loadProject(join(import.meta.dirname, '../../..'));
const dir = tempDir();

/** The type sizes set in a PDF (`Tf`), but the watermark's. */
function typeSizes(path: string): number[] {
  return [...contentText(path, dir).matchAll(/ ([\d.]+) Tf$/gm)].map((m) => Number(m[1])).filter((s) => s < 40);
}

/** The tick boxes of the job aid's steps: one square a step (JOB_AID_BOX, 10 pt). */
const boxes = (path: string) => pdfRectangles(path).filter((r) => Math.abs(r.w - 10) < 0.01 && Math.abs(Math.abs(r.h) - 10) < 0.01);

describe('a job aid on one page', () => {
  it('holds for the French birth registration, every step in it, its text no smaller than 6.5 pt', async () => {
    const french = saveTo(dir, 'fr.pdf', await renderJobAid(projectIn(project, 'fr'), 'legal-identity-foundations', 'birth-registration', 'a4'));
    expect(qpdfCheck(french).ok).toBe(true);
    expect(pdfInfo(french).Pages).toBe('1');
    const text = pdfText(french, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(text).toMatch(/Page 1 sur 1/);
    for (const step of ['6.1 Notifier la naissance', '6.8 Enregistrer la naissance', '6.10 La cellule']) expect(text).toContain(step);
    // The same steps as the English job aid, each with its tick box.
    const english = saveTo(dir, 'en.pdf', await renderJobAid(project, 'legal-identity-foundations', 'birth-registration', 'a4'));
    expect(boxes(french)).toHaveLength(boxes(english).length);
    expect(Math.min(...typeSizes(french))).toBeGreaterThanOrEqual(6.5);
    // The English one already fitted in its set shares at 7.5 pt, and is as it was.
    expect(pdfInfo(english).Pages).toBe('1');
    expect(Math.min(...typeSizes(english))).toBe(7.5);
  }, 120_000);

  it('prints a job aid in the largest type that fits one page, fitted or not: the death registration at 7 pt, not 6.5', async () => {
    // Two pages at 7 pt in the set shares, so it went down to 6.5; fitted to its words it holds at 7.
    const death = saveTo(dir, 'death.pdf', await renderJobAid(project, 'civil-registration-births-deaths', 'death-registration', 'a4'));
    expect(pdfInfo(death).Pages).toBe('1');
    expect(Math.min(...typeSizes(death))).toBe(7);
  }, 120_000);

  it('runs a procedure longer still onto a second page, under its header repeated, at no less than 6.5 pt', async () => {
    // National ID enrolment: 26 steps, two pages however its columns are set.
    const long = saveTo(dir, 'id.pdf', await renderJobAid(project, 'national-id-enrolment-module', 'national-id-enrolment', 'a4'));
    expect(pdfInfo(long).Pages).toBe('2');
    for (const page of [1, 2]) expect(pdfText(long, page)).toMatch(/Step\s+Who\s+Time limit\s+Forms\s+Checks and next step/);
    expect(Math.min(...typeSizes(long))).toBeGreaterThanOrEqual(6.5);
  }, 120_000);
});
