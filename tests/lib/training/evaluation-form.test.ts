import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluationSchema } from '../../../src/schemas/evaluation.ts';
import { renderEvaluationForm } from '../../../src/lib/training/evaluation/form-pdf.ts';
import { resolveEvaluation } from '../../../src/lib/training/evaluation/load.ts';
import { pdfInfo, pdfRectangles, pdfText, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';

const dir = tempDir();
const options = { paper: 'a4' as const, organisation: 'Civil Registration Agency', date: '2026-03-01' };

describe('the printed evaluation form', () => {
  it('is a valid PDF with every question, numbered in the order of the CSV columns, the scale over the statements and no name field', async () => {
    const { evaluation } = resolveEvaluation(process.cwd(), 'registry-officers');
    const path = saveTo(dir, 'form.pdf', await renderEvaluationForm(evaluation, options));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path, undefined, undefined, '-raw').replace(/\s+/g, ' ');
    evaluation.items.forEach((item, i) => expect(text).toContain(`${i + 1}. ${item.text.slice(0, 30)}`));
    for (const label of ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree', 'Too slow', 'About right']) expect(text).toContain(label);
    expect(text).toContain('This form is anonymous');
    expect(text).not.toContain('Participant code');
    // The footer names no file id: the page alone when no course is given...
    expect(text).not.toContain(`${evaluation.id} ·`);
    expect(text).toMatch(/ Page 1 of \d+ /);
    // ...and the course's title when it is.
    const named = pdfText(saveTo(dir, 'form-course.pdf', await renderEvaluationForm(evaluation, { ...options, course: 'Legal identity for registry officers' })));
    expect(named).toMatch(/^Legal identity for registry officers · Page 1 of \d+$/m);
  });

  it("says what the form's settings are: a required question is marked and the skip sentence names it; another scale is not asked for agreement", async () => {
    // The paper said "tick the one box that says how far you agree ... You may leave out any
    // question" over a required question left unmarked, on a Poor ... Excellent scale.
    const base = parse(readFileSync(join(import.meta.dirname, '../../fixtures/training/evaluation/form.yaml'), 'utf8'));
    const plain = pdfText(saveTo(dir, 'plain.pdf', await renderEvaluationForm(evaluationSchema.parse(base), options)), undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(plain).toContain('For each statement, tick the one box that says how far you agree. For the other questions, tick one box or write your answer on the lines. You may leave out any question.');
    expect(plain).not.toContain('(required)');
    const items = base.items.map((i: { id: string }) => (i.id === 'useful' ? { ...i, required: true } : i));
    const form = evaluationSchema.parse({ ...base, items, scale: { points: 4, labels: ['Poor', 'Fair', 'Good', 'Excellent'] } });
    const text = pdfText(saveTo(dir, 'required.pdf', await renderEvaluationForm(form, options)), undefined, undefined, '-raw').replace(/\s+/g, ' ');
    expect(text).toContain('For each statement, tick the one box on the scale that fits your answer. For the other questions, tick one box or write your answer on the lines. Answer every question marked (required); you may leave out the others.');
    expect(text).toContain('1. The course was useful for my work. (required)');
    expect(text).not.toContain('how far you agree');
    expect(text.match(/\(required\)/g)).toHaveLength(2);
  });

  it('a form that is not anonymous has a field for the participant code; the same sources give the same bytes', async () => {
    const form = evaluationSchema.parse({ ...parse(readFileSync(join(import.meta.dirname, '../../fixtures/training/evaluation/form.yaml'), 'utf8')), anonymous: false });
    const bytes = await renderEvaluationForm(form, options);
    const text = pdfText(saveTo(dir, 'named.pdf', bytes));
    expect(text).toContain('Participant code');
    expect(text).not.toContain('This form is anonymous');
    // Its two fields (code, date), half the text width each, as tall as a booklet's to write in by pen.
    const fields = pdfRectangles(join(dir, 'named.pdf')).filter((r) => Math.abs(r.w - (595.28 - 2 * 56 - 20) / 2) < 0.5);
    expect(fields).toHaveLength(2);
    for (const f of fields) expect(Math.abs(f.h)).toBeGreaterThanOrEqual(22);
    expect(Buffer.from(await renderEvaluationForm(form, options)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('the closing thanks is never alone on the last page: it goes over with the last question', async () => {
    // The sample form cut after each of its items in turn: wherever the page ends, the last
    // page holds a question as well as the thanks.
    const { evaluation } = resolveEvaluation(process.cwd(), 'registry-officers');
    const alone: number[] = [];
    for (let n = 1; n <= evaluation.items.length; n++) {
      const form = { ...evaluation, items: evaluation.items.slice(0, n) };
      const path = saveTo(dir, `thanks-${n}.pdf`, await renderEvaluationForm(form, options));
      const pages = Number(pdfInfo(path).Pages);
      const last = pdfText(path, pages, pages);
      expect(last).toContain('Thank you');
      if (pages > 1 && !/^\s*\d+\.\s/m.test(last)) alone.push(n);
    }
    expect(alone).toEqual([]);
  });
});
