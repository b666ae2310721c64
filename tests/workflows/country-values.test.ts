import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { loadWorkflowFile } from '../../src/lib/workflow/load.ts';
import { runScenario } from '../../src/lib/workflow/run.ts';
import { workflowLabelsIn } from '../../src/lib/translation/workflow-labels.ts';
import { copyModelPack, setParameter, tempFolder } from '../params/project.ts';

// The model pack adapted to a country whose age of enrolment is 18 and whose files wait 21 days
// for what is missing (the model: 16 and 30): its simulator cases say the country's values and
// still end where they say.
const parent = tempFolder('country-values-');
const root = join(parent, 'pack');
copyModelPack(root);
setParameter(root, 'id-enrolment-age', 18);
setParameter(root, 'resubmission-period', 21);
setParameter(root, 'replacement-limit', 3);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("simulator cases follow the country's values", () => {
  it('the under-age applicant is a year under the country\'s age of enrolment, and is still turned away', async () => {
    const { module } = await loadWorkflowFile(root, join(root, 'workflows/national-id-enrolment.machine.ts'));
    const scenario = module.scenarios.find((s) => s.id === 'under-age')!;
    expect(scenario.input).toEqual({ age: 17 });
    expect(scenario.description).toMatch(/^Fatima, 17, .*age of enrolment \(18 years\)/);
    expect(runScenario(module.machine, scenario).failures).toEqual([]);
  });

  it("the third loss in a year, whose record carries a bank's alert, goes to the supervisor whatever the replacement limit", async () => {
    const { module } = await loadWorkflowFile(root, join(root, 'workflows/document-replacement.machine.ts'));
    const scenario = module.scenarios.find((s) => s.id === 'third-loss-referred')!;
    expect(runScenario(module.machine, scenario).failures).toEqual([]);
  });

  it('a case that turns on a time limit says the country\'s, in English and in its translations', async () => {
    const { module } = await loadWorkflowFile(root, join(root, 'workflows/birth-registration.machine.ts'));
    expect(module.scenarios.find((s) => s.id === 'discrepancy-not-resubmitted')?.description).toContain('nobody comes back within 21 days');
    const project = loadProject(root);
    expect(workflowLabelsIn(project, 'fr', 'birth-registration')?.scenarios['discrepancy-not-resubmitted']?.description).toContain('dans un délai de 21 jours');
    expect(workflowLabelsIn(project, 'ar', 'birth-registration')?.scenarios['discrepancy-not-resubmitted']?.description).toMatch(/خلال 21 /);
    expect(workflowLabelsIn(project, 'fr', 'national-id-enrolment')?.scenarios['under-age']?.description).toContain("à un an de l'âge d'enrôlement (18 ans)");
    expect(workflowLabelsIn(project, 'ar', 'national-id-enrolment')?.scenarios['under-age']?.description).toContain('لبلوغ سن التسجيل (18 سنة)');
  });
});
