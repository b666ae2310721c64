import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { moduleWorkflowPrints } from '../../../src/lib/training/module-prints.ts';
import { renderJobAid } from '../../../src/lib/training/module-pdf.ts';
import { pdfRectangles, pdfText, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';

const project = loadProject(join(import.meta.dirname, '../../..'));

describe('job aid tick boxes', () => {
  it('each step has a drawn square to tick with a pen (3.5 mm), not a typed "[ ]" 2.5 mm wide at 7.5 pt', async () => {
    const module = project.modules.find((m) => m.id === 'legal-identity-foundations')!;
    const steps = (await moduleWorkflowPrints(project, module)).get('birth-registration')?.jobAid ?? [];
    expect(steps.length).toBeGreaterThan(10);
    const path = saveTo(tempDir(), 'job-aid.pdf', await renderJobAid(project, 'legal-identity-foundations', 'birth-registration', 'a4'));
    expect(qpdfCheck(path).ok).toBe(true);
    expect(pdfText(path)).not.toMatch(/\[\s*\]/);
    // One square per step, at least 10 pt a side, in the first column (left margin 56 pt, padding 4).
    const boxes = pdfRectangles(path).filter((r) => r.w >= 10 && Math.abs(Math.abs(r.h) - r.w) < 0.01 && r.w < 20);
    expect(boxes).toHaveLength(steps.length);
    for (const b of boxes) expect(b.x).toBeCloseTo(60, 0);
  }, 120_000);
});
