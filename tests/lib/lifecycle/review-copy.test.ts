import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { renderReviewCopy } from '../../../src/lib/lifecycle/review-copy.ts';
import { pdfWords } from '../handbook/pdf-tools.ts';

const project = loadProject(join(import.meta.dirname, '../../fixtures/lifecycle/project'));
const temp = mkdtempSync(join(tmpdir(), 'sopkit-review-'));
const path = join(temp, 'alpha-review-copy.pdf');
const pages: string[] = [];

beforeAll(async () => {
  writeFileSync(path, await renderReviewCopy(project, 'alpha', { paper: 'a4' }));
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
  for (let p = 1; p <= count; p++) pages.push(execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), path, '-'], { encoding: 'utf8' }));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Numbers printed at the start of lines (the left margin) of a page's text, in order. */
function lineNumbers(page: string): number[] {
  return page.split('\n').flatMap((l) => {
    const m = /^\s{0,12}(\d+)\s{2,}\S/.exec(l) ?? /^\s{0,12}(\d+)\s*$/.exec(l);
    return m ? [Number(m[1])] : [];
  });
}

describe('review copy PDF', () => {
  it('passes qpdf --check', () => {
    expect(() => execFileSync('qpdf', ['--check', path], { stdio: 'pipe' })).not.toThrow();
  });

  it('says on every page that it is a consultation draft of this version, not for use', () => {
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page).toContain('CONSULTATION DRAFT — version 0.2.0 — not for use');
  });

  it('gives no effective date in its footer: the SOP under consultation is not in force', () => {
    expect(project.sops.find((s) => s.id === 'alpha')?.data?.status).not.toBe('approved');
    for (const page of pages) expect(page).not.toMatch(/Effective/);
  });

  it('prints that line more than 10 mm (28.3 pt) from the top edge, where an office printer still prints', () => {
    for (let p = 1; p <= pages.length; p++) {
      const banner = pdfWords(path, p).filter((w) => w.text === 'CONSULTATION');
      expect(banner.length, `page ${p}`).toBe(1);
      expect(banner[0]!.yMin, `page ${p}`).toBeGreaterThan(28.35);
    }
  });

  it('numbers the lines of the text continuously from 1, page after page, and not on the front page or the comment sheet', () => {
    const body = pages.slice(1, -1);
    const numbers = body.flatMap(lineNumbers);
    expect(numbers[0]).toBe(1);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThan(60);
    // Every body page continues where the previous one stopped.
    expect(lineNumbers(body[1]!)[0]).toBe(lineNumbers(body[0]!).at(-1)! + 1);
    expect(lineNumbers(pages[0]!)).toEqual([]);
  });

  it('prints the paragraph markers in the margin, as the page numbers them', () => {
    const text = pages.join('\n');
    for (const mark of ['§1 ¶1', '§1 ¶2', '§2 ¶3', '§6 ¶2', '§6.10 ¶1', '§6.10 ¶3']) expect(text).toContain(mark);
    expect(text).not.toContain('§6.10 ¶4');
  });

  it('ends with a comment sheet that has the register columns', () => {
    const sheet = pages.at(-1)!;
    for (const col of ['Comment sheet', 'Section §', 'Line', 'Type', 'Comment (what and why)', 'Proposed change', 'Decision and response']) expect(sheet).toContain(col);
    expect(sheet).toContain('SOP-LC-01 Alpha registration under consultation, version 0.2.0');
  });
});

describe('the review copy of an SOP approved and changed since', () => {
  it('says under its status which version the approval covers, as its web page does', async () => {
    // Its status row said "Approved" over a front page that says the text is a draft for comment.
    const pack = loadProject(join(import.meta.dirname, '../../..'));
    const sop = pack.sops.find((s) => s.id === 'birth-registration')!.data!;
    expect(sop.status).toBe('approved');
    const file = join(temp, 'birth-registration-review-copy.pdf');
    writeFileSync(file, await renderReviewCopy(pack, 'birth-registration', { paper: 'a4' }));
    const front = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(front).toContain(`Version 1.3.0 (2026-12-01) changed the procedure after this approval: version ${sop.version} is not approved yet.`);
    // Nor does a page's footer date the version under review as in force since the approved one.
    const body = execFileSync('pdftotext', ['-f', '2', '-l', '4', file, '-'], { encoding: 'utf8' });
    expect(body).toContain(`v${sop.version}`);
    expect(body).not.toContain('Effective');
  });
});

describe('the review copy of an SOP in force (a periodic review)', () => {
  it('says it is the procedure in force, to go on applying, not a draft not to apply', async () => {
    // Stamped "CONSULTATION DRAFT — not for use" and "It is not in force: do not apply it" over a
    // status row saying Approved, with the approval covering that very version.
    const pack = loadProject(join(import.meta.dirname, '../../..'));
    const doc = pack.sops.find((s) => s.id === 'birth-registration')!;
    const latest = [...doc.data!.history].map((h) => h.date).sort().at(-1)!;
    const approved = { ...pack, sops: pack.sops.map((s) => (s === doc ? { ...doc, data: { ...doc.data!, approval: { ...doc.data!.approval!, date: latest } } } : s)) };
    const file = join(temp, 'in-force-review-copy.pdf');
    writeFileSync(file, await renderReviewCopy(approved, 'birth-registration', { paper: 'a4' }));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('The procedure in force, shared for review. Go on applying it as it stands until a revised version is approved.');
    expect(text).toContain(`REVIEW COPY — version ${doc.data!.version} — in force`);
    expect(text).not.toContain('not for use');
    expect(text).not.toContain('It is not in force');
  });
});

