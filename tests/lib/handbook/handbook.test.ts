import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { renderPackHandbook, renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { decodeQr, pdfInfo, pdfText, qpdfCheck, qpdfJson, saveTo, tempDir } from './pdf-tools.ts';

const root = resolve('tests/fixtures/handbook/project');
let project: Project;
let dir: string;
let participant: string;
let trainer: string;
let french: string;
let pack: string;
let bytes: Uint8Array;

beforeAll(async () => {
  project = loadProject(root);
  dir = tempDir();
  bytes = await renderSopHandbook(project, 'sample-registration', { edition: 'participant', paper: 'a4' });
  participant = saveTo(dir, 'sample-registration.pdf', bytes);
  trainer = saveTo(dir, 'sample-registration-trainer.pdf', await renderSopHandbook(project, 'sample-registration', { edition: 'trainer', paper: 'a4' }));
  french = saveTo(dir, 'enregistrement-naissance.pdf', await renderSopHandbook(project, 'enregistrement-naissance', { edition: 'participant', paper: 'letter' }));
  pack = saveTo(dir, 'sopkit-handbook.pdf', await renderPackHandbook(project, { edition: 'trainer', paper: 'a4' }));
}, 120_000);

describe('SOP handbook', () => {
  it('passes qpdf --check', () => {
    for (const f of [participant, trainer, french, pack]) expect(qpdfCheck(f).ok, qpdfCheck(f).output).toBe(true);
  });

  it('has the headings, the running footer with "Page n of m", and the cover data in its text', () => {
    const text = pdfText(participant);
    const pages = Number(pdfInfo(participant).Pages);
    for (const heading of ['1 Purpose', '5 Procedure', '5.1 Receive the declaration', '6 Records and retention', 'Glossary of terms used', 'Approval and signatures', 'Revision history', 'Contents']) {
      expect(text).toContain(heading);
    }
    const bodyPages = pdfText(participant).match(/Page (\d+) of (\d+)/g) ?? [];
    expect(bodyPages.length).toBeGreaterThan(3);
    const m = /Page \d+ of (\d+)/.exec(text)!;
    expect(Number(m[1])).toBeLessThan(pages);
    expect(text).toContain('SOP-FX-01 v1.1.0');
    expect(text).toContain('uncontrolled when printed');
    expect(text).toContain('[Name of the Registrar General]');
  });

  it('gives the contents real page numbers that match where the sections start', () => {
    const contents = pdfText(participant, 3);
    const entry = /6 Records and retention[ .]+(\d+)/.exec(contents);
    expect(entry).not.toBeNull();
    const page = Number(entry![1]);
    // Body page n is PDF page n + 3 (cover, signatures and history, contents).
    expect(pdfText(participant, page + 3)).toContain('6 Records and retention');
  });

  it('has bookmarks mirroring the sections, nested, and roman page labels for the front matter', () => {
    const json = qpdfJson(participant);
    const titles = json.outlines.map((o) => o.title);
    expect(titles).toEqual(['Approval and signatures', 'Revision history', '1 Purpose', '2 Scope', '3 Legal basis', '4 Roles and responsibilities', '5 Procedure', '6 Records and retention', '7 Forms annex', 'Glossary of terms used']);
    const procedure = json.outlines.find((o) => o.title === '5 Procedure')!;
    expect(procedure.kids.map((k) => k.title)).toEqual(['5.1 Receive the declaration', '5.2 Check the documents', '5.3 Supervisor review', '5.4 Register the event']);
    const labels = json.pagelabels.map((l) => [l.index, l.label['/S']]);
    expect(labels).toEqual([[0, '/r'], [3, '/D']]);
  });

  it('repeats the table header on the next page when a table breaks', () => {
    const text = pdfText(participant);
    const pagesWithRows = text.split('\f').filter((p) => p.includes('Register volume'));
    expect(pagesWithRows.length).toBeGreaterThan(1);
    for (const p of pagesWithRows) expect(p).toMatch(/record\s+where kept\s+how long/);
  });

  it('prints trainer notes only in the trainer edition, following the component registry', () => {
    expect(pdfText(participant)).not.toContain('TRAINER-ONLY-MARKER');
    expect(pdfText(trainer)).toContain('TRAINER-ONLY-MARKER');
    expect(pdfText(trainer)).toContain('Trainer edition');
  });

  it('prints the glossary of the terms used, and only those', () => {
    const text = pdfText(participant);
    expect(text).toContain('Vital event —');
    expect(text).toContain('Late registration —');
    expect(text).not.toContain('Unused term');
  });

  it('draws the workflow diagram with its caption and the step table', () => {
    const text = pdfText(participant);
    expect(text).toMatch(/Figure 1 – Workflow of the procedure/);
    expect(text).toContain('Receive the declaration');
    expect(text).toContain('Steps of the procedure');
  });

  it('puts a QR code with the page address on the cover', () => {
    expect(decodeQr(participant, 1, dir)).toBe('https://fixture.example.org/sops/sample-registration/');
  });

  it('renders French, Kinyarwanda, Swahili and Ŋ ŋ ɛ ɔ ɣ so they come back out of the PDF', () => {
    const text = pdfText(french);
    expect(text).toContain("L'officier de l'état civil enregistre chaque naissance déclarée");
    expect(text).toContain("Umwana wese agomba kwandikwa mu gitabo cy'irangamimerere");
    expect(text).toMatch(/Kila mtoto\s+anasajiliwa ndani ya siku tisini/);
    expect(text).toContain('Ŋ ŋ ɛ ɔ ɣ');
    expect(text).toMatch(/Page 1 sur \d+/);
    expect(pdfInfo(french)['Page size']).toContain('612 x 792');
  });

  it('marks a draft with a watermark and an approved SOP without one', () => {
    // The watermark is one rotated run; poppler extracts it a letter a line, after the body text.
    expect(pdfText(french, 4, 4, '-raw')).toMatch(/P\s*R\s*O\s*J\s*E\s*T\s*SOP-FX-02/);
    expect(pdfText(participant, 4, 4, '-raw')).not.toMatch(/D\s*R\s*A\s*F\s*T/);
  });

  it('is byte-identical when built twice from the same sources', async () => {
    const again = await renderSopHandbook(loadProject(root), 'sample-registration', { edition: 'participant', paper: 'a4' });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });
});

describe('whole-pack handbook', () => {
  it('has a master contents and one bookmark per SOP with its sections inside', () => {
    const json = qpdfJson(pack);
    const titles = json.outlines.map((o) => o.title);
    expect(titles).toContain('SOP-FX-01 Sample registration of a vital event');
    expect(titles).toContain('SOP-FX-02 Enregistrement des naissances');
    const first = json.outlines.find((o) => o.title.startsWith('SOP-FX-01'))!;
    expect(first.kids.map((k) => k.title)).toContain('5 Procedure');
    expect(pdfText(pack, 2)).toMatch(/SOP-FX-02 Enregistrement des naissances[ .]+\d+/);
  });
});
