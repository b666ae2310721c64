// The birth registration step table on the French and Arabic pages: time limits in the page's
// language, from the labels files' `sla` with each `{param:id}` worded in that language.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { graphIn, workflowLabelsIn } from '../../src/lib/translation/workflow-labels.ts';
import { loadWorkflowFile } from '../../src/lib/workflow/load.ts';
import { stepRows } from '../../src/lib/workflow/steps.ts';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();
const root = process.cwd();
const project = loadProject(root);
const loaded = await loadWorkflowFile(root, join(root, 'workflows/birth-registration.machine.ts'));
const rowsIn = (lang?: string) => stepRows(graphIn(loaded, workflowLabelsIn(project, lang, 'birth-registration'), lang), () => undefined);

describe.each(['fr', 'ar'])('the birth registration step table in %s', (lang) => {
  it('shows every time limit in the language, none in English', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.url}/${lang}/sops/birth-registration/`);
      const table = page.locator('.step-table table[data-workflow="birth-registration"]');
      const english = rowsIn();
      for (const row of rowsIn(lang).filter((r) => r.sla)) {
        const cell = table.locator(`tr[data-state-id="${row.path}"] td`).nth(2);
        await expect(cell.textContent(), row.path).resolves.toBe(row.sla);
        expect(row.sla).not.toBe(english.find((e) => e.path === row.path)?.sla);
      }
      await expect(table.textContent()).resolves.not.toMatch(/\b(days?|same day|working)\b|\{param:/);
    } finally {
      await page.close();
    }
  });
});
