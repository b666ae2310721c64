import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { jobAidSteps } from '../../../src/lib/training/job-aid.ts';
import { renderJobAid } from '../../../src/lib/training/module-pdf.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { graphIn, workflowLabelsIn } from '../../../src/lib/translation/workflow-labels.ts';
import { getWorkflow } from '../../../src/lib/workflow/cache.ts';
import { pdfText, saveTo, tempDir } from '../handbook/pdf-tools.ts';

const root = join(import.meta.dirname, '../../..');
const project = loadProject(root);

async function checks(lang: string): Promise<string[]> {
  const loaded = await getWorkflow(root, 'birth-registration');
  const words = lang === 'en' ? undefined : workflowLabelsIn(project, lang, 'birth-registration');
  if (lang !== 'en') expect(words, `workflows/${lang}/birth-registration.yaml`).toBeDefined();
  return jobAidSteps(graphIn(loaded, words, lang), undefined, undefined, lang).flatMap((s) => s.checks.map((c) => c.when));
}

describe("a job aid's conditions are punctuated as their language writes a question", () => {
  it('French: a no-break space before "?", which never starts a line (Pièces incomplètes ou dates impossibles ?)', async () => {
    const questions = (await checks('fr')).filter((w) => w.endsWith('?'));
    expect(questions.length).toBeGreaterThan(3);
    for (const q of questions) expect(q, q).toMatch(/[^\s]\u00a0\?$/);
  });

  it('Arabic: the Arabic question mark "؟", not the Latin "?"', async () => {
    const all = await checks('ar');
    expect(all.filter((w) => w.endsWith('؟')).length).toBeGreaterThan(3);
    for (const w of all) expect(w, w).not.toMatch(/\?/);
  });

  it('English keeps "?" right after the word', async () => {
    const questions = (await checks('en')).filter((w) => w.endsWith('?'));
    expect(questions.length).toBeGreaterThan(3);
    for (const q of questions) expect(q, q).toMatch(/\w\?$/);
  });

  it("the French module's job aid PDF prints no question mark glued to its word", async () => {
    // As `sopkit handbook legal-identity-foundations --lang fr` prints it (writeTranslatedModule).
    const path = saveTo(tempDir(), 'j.fr.pdf', await renderJobAid(projectIn(project, 'fr'), 'legal-identity-foundations', 'birth-registration', 'a4'));
    // pdftotext gives the no-break space as a space.
    const text = pdfText(path, undefined, undefined, '-raw').replace(/\u00a0/g, ' ');
    expect(text).toContain('Pièces incomplètes ou dates impossibles ?');
    expect(text).not.toMatch(/[\p{L})]\?/u);
  }, 120_000);
});
