import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { isolate, measureWords } from '../../../src/lib/fonts/index.ts';
import { dryRunIn } from '../../../src/lib/lifecycle/dryrun/localize.ts';
import { loadDryRunModel, type DryRunModel } from '../../../src/lib/lifecycle/dryrun/model.ts';
import { renderDryRunFragment } from '../../../src/lib/lifecycle/dryrun/report-html.ts';
import { renderDryRunReport } from '../../../src/lib/lifecycle/dryrun/report-pdf.ts';
import { renderObservationSheets } from '../../../src/lib/lifecycle/dryrun/sheets-pdf.ts';
import { pdfText, saveTo, tempDir, withoutBidiMarks } from '../handbook/pdf-tools.ts';

// The model dry run of the pack, made in Arabic with its sites' names left in English (a record
// not translated yet: the Arabic outputs fall back to the source's words).
const root = join(import.meta.dirname, '../../..');
const SITES = [
  { id: 'district-office', name: '[Northern District] civil registration office', type: 'district civil registration office' },
  { id: 'hospital-point', name: '[Regional Referral Hospital] birth registration point', type: 'hospital-based registration point' },
];
let project: Project;
let model: DryRunModel;
beforeAll(async () => {
  project = loadProject(root);
  const ar = dryRunIn(await loadDryRunModel(project, 'birth-registration-2025'), project, 'ar');
  model = { ...ar, data: { ...ar.data, sites: SITES } };
});

const lines = (path: string) => withoutBidiMarks(pdfText(path)).split('\n');

describe('an English site name in the Arabic dry-run outputs', () => {
  it('keeps its brackets and word order in the report: each name is isolated, not split around brackets taken into the Arabic', async () => {
    const pdf = saveTo(tempDir(), 'report.pdf', await renderDryRunReport(model));
    const text = lines(pdf);
    // The facts table's row of sites: both names whole, in their order, joined by the Arabic semicolon.
    const sites = text.find((l) => l.includes('Northern District'))!;
    expect(sites).toContain('[Northern District] civil registration office');
    expect(text.join('\n')).not.toMatch(/\]Northern District|\]Regional Referral Hospital/);
    // The isolates order the text; they are not drawn, nor extracted.
    expect(text.join('\n')).not.toMatch(/[\u2066-\u2069]/);
  });

  it('keeps its brackets on the observation sheets\' site boxes', async () => {
    const pdf = saveTo(tempDir(), 'sheets.pdf', await renderObservationSheets(model));
    const text = withoutBidiMarks(pdfText(pdf, 1, 1));
    expect(text).toContain('[Northern District] civil registration office');
    expect(text).not.toMatch(/\]Northern District|[\u2066-\u2069]/);
  });

  it('is isolated in the HTML report (<bdi>), as the training report isolates a venue', () => {
    const html = renderDryRunFragment(model);
    expect(html).toContain('<bdi>[Northern District] civil registration office</bdi>');
  });

  it('an isolate takes no width: a line measures as it is drawn', () => {
    const name = SITES[0]!.name;
    expect(measureWords(isolate(name), 10, 'regular')).toBeCloseTo(measureWords(name, 10, 'regular'), 6);
  });
});
