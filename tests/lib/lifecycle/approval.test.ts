import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { formatDate } from '../../../src/i18n/index.ts';
import { renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { approvalScope, footerEffective } from '../../../src/lib/lifecycle/approval.ts';
import { pdfText, saveTo, tempDir } from '../handbook/pdf-tools.ts';

const approval = { by: '[Name]', title: 'Registrar General', date: '2025-06-16' };
const line = (version: string, date: string) => ({ version, date, summary: '' });

describe('what an approval covers', () => {
  it('the version of the approval day, or the last before it; editorial patches after it change nothing', () => {
    expect(approvalScope({ approval, history: [line('1.2.1', '2025-09-01'), line('1.2.0', '2025-06-16'), line('1.1.0', '2025-03-28')] })).toEqual({ approved: line('1.2.0', '2025-06-16'), changedSince: [] });
    // Approved between two versions: the one before.
    expect(approvalScope({ approval, history: [line('1.1.0', '2025-07-01'), line('1.0.0', '2025-05-01')] })?.approved.version).toBe('1.0.0');
    expect(approvalScope({ approval: undefined, history: [line('1.0.0', '2025-05-01')] })).toBeUndefined();
    expect(approvalScope({ approval, history: [line('1.0.0', '2025-07-01')] })).toBeUndefined();
  });

  it('a new minor or major version after it changed the procedure, and so did every version after that one', () => {
    const scope = approvalScope({ approval, history: [line('2.0.0', '2026-02-01'), line('1.3.1', '2026-01-05'), line('1.3.0', '2026-01-01'), line('1.2.1', '2025-09-01'), line('1.2.0', '2025-06-16')] });
    expect(scope?.changedSince.map((h) => h.version)).toEqual(['1.3.0', '1.3.1', '2.0.0']);
    // 1.10.0 comes after 1.9.0, not before it.
    expect(approvalScope({ approval, history: [line('1.10.0', '2026-01-01'), line('1.9.0', '2025-06-16')] })?.changedSince.map((h) => h.version)).toEqual(['1.10.0']);
  });

  it("the model pack's birth registration handbook names the version approved and the version that changed it since", async () => {
    const project = loadProject(join(import.meta.dirname, '../../..'));
    const sop = project.sops.find((s) => s.id === 'birth-registration')!.data!;
    const scope = approvalScope(sop)!;
    expect(scope.approved.version).toBe('1.2.0');
    const pdf = saveTo(tempDir(), 'br.pdf', await renderSopHandbook(project, 'birth-registration', { edition: 'participant', paper: 'a4' }));
    const text = pdfText(pdf, 1, 1, '-raw').replace(/\s+/g, ' ');
    // The pack's approval rests on a model record (validation-2025-06), and the cover says so.
    expect(text).toContain(`Registrar General (${sop.approval!.date}, version 1.2.0) (Model example). Version ${scope.changedSince[0]!.version} (${scope.changedSince[0]!.date}) changed it since: version ${sop.version} is not approved yet.`);
    // No page's footer gives the version a date it took effect: every one read "v1.3.3 · ... ·
    // Effective 1 July 2025", the date of the approved 1.2.0.
    // The cover dates the approved version, not the current one.
    expect(text).toContain(`Effective ${formatDate(sop.effective, 'en')} (version 1.2.0)`);
    const body = pdfText(pdf, 2, 6, '-raw');
    expect(body).toContain(`SOP-CR-01 v${sop.version}`);
    expect(body).not.toContain('Effective');
  }, 60_000);

  it('an SOP approved and not changed since keeps its effective date in the footer', async () => {
    const project = loadProject(join(import.meta.dirname, '../../..'));
    const doc = project.sops.find((s) => s.id === 'death-registration')!;
    // The pack's death registration as it stood when approved: version 1.0.0 and an editorial patch.
    const history = doc.data!.history.filter((h) => h.version === '1.0.0').map((h) => ({ ...h }));
    const sop = { ...doc.data!, version: '1.0.1', history: [{ ...history[0]!, version: '1.0.1', summary: 'Editorial: typing errors.' }, ...history] };
    expect(approvalScope(sop)?.changedSince).toEqual([]);
    expect(footerEffective(sop)).toBe(sop.effective);
    const approved = { ...project, sops: project.sops.map((s) => (s === doc ? { ...doc, data: sop } : s)) };
    const pdf = saveTo(tempDir(), 'dr.pdf', await renderSopHandbook(approved, 'death-registration', { edition: 'participant', paper: 'a4' }));
    expect(pdfText(pdf, 3, 3, '-raw')).toContain(`Effective ${formatDate(sop.effective, 'en')}`);
    expect(pdfText(pdf, 1, 1, '-raw').replace(/\s+/g, ' ')).toMatch(new RegExp(`Effective ${formatDate(sop.effective, 'en')} (?!\\(version)`));
    // A draft's planned date is the stamp's to leave out (status), not this function's.
    expect(footerEffective({ ...sop, status: 'draft', approval: undefined })).toBe(sop.effective);
  }, 60_000);
});
