import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { renderModuleBook } from '../../../src/lib/training/module-pdf.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { pdfText, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// The model pack's module legal-identity-foundations draws the birth registration workflow; it is
// translated into French (content/fr/modules/), and so are the workflow's words (workflows/fr/).
const project = loadProject(join(import.meta.dirname, '../../..'));

describe("a translated module's printed workflow", () => {
  it("draws the workflow in the module's language, as the translated SOP's handbook does", async () => {
    const view = projectIn(project, 'fr');
    const file = saveTo(tempDir(), 'lif.fr.pdf', await renderModuleBook(view, 'legal-identity-foundations', { edition: 'participant', paper: 'a4' }));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Notifier la naissance');
    expect(text).not.toContain('Notify the birth');
  }, 120_000);
});
