// The sample pack's consultations and dry runs are model examples (`example: true`): a handbook
// whose revision history or approval rests on one says so, in the handbook's language, instead of
// stating the workshop or the approval as an event that took place.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { approvalIsExample, historyRecords } from '../../../src/lib/lifecycle/history-records.ts';
import { approvalScope } from '../../../src/lib/lifecycle/approval.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { pdfText, saveTo, tempDir } from './pdf-tools.ts';

const repo = join(import.meta.dirname, '../../..');
let project: Project;
let dir: string;
const text: Record<string, string> = {};

/** The raw text of the revision history: from its heading to the contents that follow it. */
function history(all: string, heading: string, next: string): string {
  const from = all.indexOf(heading);
  return all.slice(from, all.indexOf(next, from));
}

/** Each history line's text, by version: from its version number (which starts a line) to the next one. */
function lines(part: string, versions: readonly string[]): Map<string, string> {
  const at = versions.map((v) => part.indexOf(`\n${v} `));
  return new Map(versions.map((v, i) => [v, part.slice(at[i], at[i + 1] ?? undefined).replace(/\s+/g, ' ')]));
}

beforeAll(async () => {
  project = loadProject(repo);
  dir = tempDir();
  for (const [lang, view] of [['en', project], ['fr', projectIn(project, 'fr')]] as const) {
    const path = saveTo(dir, `birth-registration.${lang}.pdf`, await renderSopHandbook(view, 'birth-registration', { edition: 'participant', paper: 'a4' }));
    text[lang] = pdfText(path, undefined, undefined, '-raw');
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a handbook's history and approval backed by model records", () => {
  it('finds the records a history line names, with their pages and whether they are examples', () => {
    const records = historyRecords(project);
    expect(records.get('consultations/validation-2025-06')).toMatchObject({ kind: 'consultations', path: '/lifecycle/consultations/validation-2025-06/', example: true });
    expect(records.get('dryruns/birth-registration-2025')).toMatchObject({ kind: 'dryruns', path: '/lifecycle/dry-runs/birth-registration-2025/', example: true });
    // Read once per project: every page and handbook asks.
    expect(historyRecords(project)).toBe(records);
  });

  it('marks each history line whose record is a model example, and no other', () => {
    const sop = project.sops.find((s) => s.id === 'birth-registration')!.data!;
    const byVersion = lines(history(text.en!, 'Revision history', `\n${sop.code} · `), sop.history.map((h) => h.version));
    expect([...byVersion.values()].every((l) => l.length > 20)).toBe(true);
    for (const h of sop.history) {
      const example = h.record ? historyRecords(project).get(h.record)?.example === true : false;
      expect(byVersion.get(h.version)!.endsWith(' (Model example)'), h.version).toBe(example);
    }
    expect(byVersion.get('1.2.0')).toMatch(/^\s*1\.2\.0 2025-06-16 Approved after the validation workshop: .* \(Model example\)$/);
    expect(byVersion.get('1.2.1')).not.toContain('Model example');
  });

  it('marks the approval on the cover and in the signature table, in the handbook’s language', () => {
    const cover = text.en!.split('\f')[0]!.replace(/\s+/g, ' ');
    expect(cover).toMatch(/Approved by .*2025.*version 1\.2\.0\) \(Model example\)/);
    const signatures = history(text.en!, 'Approval and signatures', 'Revision history');
    expect(signatures.replace(/\s+/g, ' ')).toContain('(Model example)');
    const french = text.fr!.replace(/\s+/g, ' ');
    expect(french).toContain('(Exemple type)');
    expect(french).not.toContain('Model example');
  });
});

describe('an approval no one signed', () => {
  it('every approval of the model pack is a model one: none reads as a signature', () => {
    // death-registration and personal-data-requests showed "Approved by [Name], Registrar General"
    // with no flag: their history lines name no record, and nothing else said so.
    const approved = project.sops.filter((s) => s.data?.approval);
    expect(approved.length).toBeGreaterThan(3);
    for (const sop of approved) {
      const d = sop.data!;
      expect(approvalIsExample(project, d.approval, approvalScope(d)?.approved), sop.id).toBe(true);
    }
  });

  it('marked example: true, the handbook says so on the cover, whatever its history names; unmarked and with no model record, it does not', async () => {
    const sop = project.sops.find((s) => s.id === 'death-registration')!;
    expect(sop.data!.history.some((h) => h.record)).toBe(false);
    const cover = (view: Project) => renderSopHandbook(view, 'death-registration', { edition: 'participant', paper: 'a4' }).then((bytes) => pdfText(saveTo(dir, `death-${view === project ? 'marked' : 'signed'}.pdf`, bytes), 1, 1).replace(/\s+/g, ' '));
    expect(await cover(project)).toMatch(/Approved by .*\(Model example\)/);
    // The same SOP really signed (no example flag): no mark.
    const signed: Project = { ...project, sops: project.sops.map((s) => (s === sop ? { ...s, data: { ...s.data!, approval: { ...s.data!.approval!, example: undefined } } } : s)) };
    const text = await cover(signed);
    expect(text).toMatch(/Approved by /);
    expect(text).not.toContain('Model example');
  });
});
