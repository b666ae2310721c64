import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { renderJobAid, renderModuleBook } from '../../../src/lib/training/module-pdf.ts';
import { renderTrainerGuide } from '../../../src/lib/training/guide-pdf.ts';
import { coursePrintPack } from '../../../src/lib/training/guide.ts';
import { totalCopies } from '../../../src/lib/training/print-pack.ts';
import { pdfText, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// The model pack's module: the participant workbook leaves out what only trainers see.
const project = loadProject(join(import.meta.dirname, '../../..'));
const id = 'legal-identity-foundations';
const dir = tempDir();
const files: Record<string, string> = {};

beforeAll(async () => {
  files.workbook = saveTo(dir, 'w.pdf', await renderModuleBook(project, id, { edition: 'participant', paper: 'a4' }));
  files.manual = saveTo(dir, 'm.pdf', await renderModuleBook(project, id, { edition: 'trainer', paper: 'a4' }));
  files.jobAid = saveTo(dir, 'j.pdf', await renderJobAid(project, id, 'birth-registration', 'a4'));
  files.guide = saveTo(dir, 'g.pdf', await renderTrainerGuide(project, 'registry-officers', 'a4'));
  files.participantGuide = saveTo(dir, 'gp.pdf', await renderTrainerGuide(project, 'registry-officers', 'a4', undefined, 'participant'));
}, 120_000);

describe('module PDFs', () => {
  it('are valid PDFs', () => {
    for (const path of Object.values(files)) expect(qpdfCheck(path).ok, path).toBe(true);
  });

  it('the workbook has the sessions, slides, case study and handouts, but no speaker notes, facilitator key or answer key', () => {
    const text = pdfText(files.workbook!);
    expect(text).toMatch(/Why legal identity matters/);
    expect(text).toMatch(/Fatima's late declaration/);
    expect(text).toMatch(/Handout: Task cards/);
    expect(text).not.toMatch(/SPEAKER NOTES|Speaker notes/i);
    expect(text).not.toMatch(/228 days/);
    expect(text).not.toMatch(/Answer key/);
  });

  it('the trainer manual has the session plan, speaker notes, the facilitator key and both answer keys', () => {
    const text = pdfText(files.manual!);
    expect(text).toMatch(/What happens/);
    expect(text).toMatch(/Speaker notes/i);
    expect(text).toMatch(/228 days/);
    expect(text.match(/Answer key: (Pre|Post)-test/g)?.length).toBeGreaterThanOrEqual(2);
    // The session plan names the job aid as the job aid does (its SOP's title), not by the
    // workflow's file name ("Job aid: birth-registration").
    const plan = pdfText(files.manual!, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(plan).toMatch(/Job aid: Birth registration, including late/);
    expect(plan).not.toMatch(/Job aid: birth-registration/);
  });

  it('the job aid is one page with every step of the machine that is not an end', () => {
    const text = pdfText(files.jobAid!, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(text).toMatch(/Page 1 of 1/);
    for (const step of ['Receive and screen the declaration', 'Verify facts and evidence', 'Register the birth']) expect(text).toContain(step);
  });

  it("a longer procedure's job aid is set smaller to stay on its one sheet, down to 7 pt", async () => {
    // Death registration: one page, its columns fitted to its words; job-aid-fit.test.ts checks
    // every job aid, and one too long for a page even at 7 pt.
    const death = saveTo(dir, 'jd.pdf', await renderJobAid(project, 'civil-registration-births-deaths', 'death-registration', 'a4'));
    const text = pdfText(death, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(text).toMatch(/Page 1 of 1/);
    expect(text).toContain('6.10 Integrity unit');
    expect(text).not.toContain('Continued overleaf');
  });

  it('the trainer guide prints the quantities for 20 participants with 10 % spares', () => {
    const text = pdfText(files.guide!);
    expect(text).toMatch(/Print pack/);
    expect(text).toMatch(/Test booklet, pre-test[\s\S]*?22/);
    // Tests and the evaluation form by name (M1's code and title, the course's title), not by id;
    // the course's one quiz named once in the tests' lead.
    expect(text).toMatch(/Test booklet, pre-test: M1 Legal identity/);
    expect(text).toMatch(/Answer key, post-test: M1 Legal identity/);
    expect(text).toMatch(/Session evaluation form: Legal identity and/);
    expect(text).not.toMatch(/(pre|post)-test: legal-identity/);
    expect(text).not.toMatch(/evaluation form: registry-officers/);
    expect(text).not.toMatch(/\(legal-identity-foundations \/ legal-identity-/);
    // The total grows with every module the course lists, so it is read from the pack the guide
    // prints from (print-pack.test.ts checks that arithmetic by hand on a fixed fixture).
    const course = project.courses.find((c) => c.id === 'registry-officers')?.data;
    expect(course).toBeDefined();
    if (!course) return;
    const total = totalCopies(coursePrintPack(project, course));
    expect(total).toBeGreaterThan(206); // more than the first module's pack alone
    expect(text).toMatch(new RegExp(`Total copies\\s+${total}\\b`));
  });

  it("the participant edition's guide is marked as such and names the trainer-only files without pointing to them", () => {
    const trainer = pdfText(files.guide!);
    const participant = pdfText(files.participantGuide!);
    expect(trainer).toMatch(/Trainer edition/);
    expect(participant).toMatch(/Participant edition/);
    expect(participant).not.toMatch(/Trainer edition/);
    // The answer keys are printed only in the trainer edition: the participant guide says so.
    const key = /(\S+-key\.pdf)/.exec(trainer)?.[1];
    expect(key).toBeDefined();
    expect(participant).toContain(`${key} (trainer edition)`);
    expect(trainer).not.toContain(`${key} (trainer edition)`);
  });

  it('prints the commands the guide names without their backticks', () => {
    const text = pdfText(files.guide!);
    expect(text).toMatch(/npm run build:trainer/);
    expect(text).not.toContain('`');
  });

  it("the guide's running heads and footers never print the course's file id", () => {
    const text = pdfText(files.guide!);
    expect(text).not.toContain('registry-officers ·');
    expect(text).toMatch(/^Page 3 of \d+ · uncontrolled when printed/m);
  });
});
