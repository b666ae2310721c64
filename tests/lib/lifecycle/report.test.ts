import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { commentChartSvg } from '../../../src/lib/lifecycle/comment-chart.ts';
import { renderConsultationReport } from '../../../src/lib/lifecycle/consultation-pdf.ts';
import { loadLifecycle, type LifecycleModel } from '../../../src/lib/lifecycle/model.ts';
import { lifecycleRows } from '../../../src/lib/lifecycle/overview.ts';
import { consultationReport, totalOf, type ConsultationReport } from '../../../src/lib/lifecycle/report-model.ts';

const project = loadProject(join(import.meta.dirname, '../../fixtures/lifecycle/project'));
const temp = mkdtempSync(join(tmpdir(), 'sopkit-report-'));
let model: LifecycleModel;
let report: ConsultationReport;

beforeAll(async () => {
  model = await loadLifecycle(project);
  const doc = model.consultations[0]!;
  report = consultationReport({ ...doc, data: doc.data! }, model, project, '2026-06-01');
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// The fixture (tests/fixtures/lifecycle/project/content/consultations) counted by hand: three
// delegations of 6 (4 women, 2 men), 3 (1, 2) and 1 (not recorded); five comments.
describe('consultation report model', () => {
  it('adds up attendance, by sex only where it was recorded', () => {
    expect(report.attendance).toMatchObject({ total: 10, organisations: 3, female: 5, male: 4, unrecorded: 1 });
  });

  it('counts comments by type, decision, SOP and section, sections in numeric order', () => {
    expect(report.comments).toHaveLength(5);
    expect(report.byType).toEqual({ general: 1, technical: 3, editorial: 1 });
    expect(report.byDecision).toEqual({ accepted: 2, 'accepted-in-part': 0, rejected: 1, noted: 0, open: 2 });
    expect(report.bySop.map((r) => [r.label, totalOf(r), r.open])).toEqual([['SOP-LC-01 v0.2.0', 5, 2]]);
    expect(report.bySection.map((r) => [r.section, r.counts.general, r.counts.technical, r.counts.editorial, r.open])).toEqual([
      ['1', 1, 0, 0, 0],
      ['6.2', 0, 1, 1, 1],
      ['6.10', 0, 2, 0, 1],
    ]);
  });

  it('marks an action not done by its due date as overdue against the given day', () => {
    expect(report.actions.map((a) => a.state)).toEqual(['done', 'overdue', 'open']);
    const before = consultationReport({ ...model.consultations[0]!, data: model.consultations[0]!.data! }, model, project, '2026-01-31');
    expect(before.actions.map((a) => a.state)).toEqual(['done', 'open', 'open']);
  });

  it('feeds the life-cycle page: open and decided comments, the consultation, the review date', () => {
    const [row] = lifecycleRows(project, model, '2026-06-01');
    expect(row).toMatchObject({ id: 'alpha', open: 2, decided: 3, underReview: true, reviewOverdue: false, lastChange: '2025-11-01' });
    expect(row?.consultations.map((c) => [c.id, c.version, c.example])).toEqual([['review-2025-11', '0.2.0', true]]);
    expect(lifecycleRows(project, model, '2027-07-01')[0]?.reviewOverdue).toBe(true);
  });
});

describe('comments chart (web)', () => {
  it('draws one stacked bar per section, each labelled with its total', () => {
    const svg = commentChartSvg(report.bySection, 't', { title: 'Comments', types: { general: 'general', technical: 'technical', editorial: 'editorial' }, axis: 'comments' });
    expect(svg).toContain('role="img"');
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(4); // 1 + 2 + 1 segments
    expect(svg).toContain('<title>SOP-LC-01 §6.10: 2 technical</title>');
  });
});

describe('consultation report PDF', () => {
  it('is a valid PDF with the banner, the matrix, the chart title and the overdue action', async () => {
    const bytes = await renderConsultationReport(report, { paper: 'a4', lang: 'en', organisation: '[Registry]' });
    const path = join(temp, 'report.pdf');
    writeFileSync(path, bytes);
    execFileSync('qpdf', ['--check', path], { stdio: 'pipe' });
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (const s of ['Model example: replace with your own records', 'Consultation completion report', 'Draft review of the alpha SOP', '10 participants from 3 organisations; 5 women and 4 men where recorded (1 not recorded).', 'Comments by SOP section and type', 'Comment resolution matrix']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/Send the draft to the justice ministry +Legal office +2026-01-31 +OVERDUE/);
    expect(text).toMatch(/Plan the validation workshop +Office of the Registrar General +2026-09-30 +open/);
    // The same sources give the same bytes.
    expect(Buffer.from(await renderConsultationReport(report, { paper: 'a4', lang: 'en', organisation: '[Registry]' })).equals(Buffer.from(bytes))).toBe(true);
  });
});
