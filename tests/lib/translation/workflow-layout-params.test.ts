// A translated diagram's cached layout follows the translated parameter words it prints: a count
// in a French time limit prints its noun from content/fr/parameters.yaml, and a new noun there
// gives a new cache key and a diagram laid out with it. layoutIn keys on the labels as
// workflowLabelsIn gives them, with every {param:id} already in the language's words, so the
// translated parameters file needs no place of its own in the key.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { layoutIn, workflowLabelsIn } from '../../../src/lib/translation/workflow-labels.ts';
import { forgetLayouts } from '../../../src/lib/workflow/layout.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { copyModelPack, replaceIn, tempFolder } from '../../params/project.ts';

const parent = tempFolder('layout-params-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('a translated diagram and content/fr/parameters.yaml', () => {
  it('is laid out again, under a new key, when a noun it prints changes there', async () => {
    const root = copyModelPack(join(parent, 'pack'));
    replaceIn(root, 'workflows/fr/birth-registration.yaml', 'verification: "{param:birth-verification-time}"', 'verification: "{param:birth-verification-time}, {param:delayed-birth-documents}"');
    const cacheDir = mkdtempSync(join(tmpdir(), 'sopkit-layout-params-'));
    const loaded = await loadWorkflowFile(root, join(root, 'workflows/birth-registration.machine.ts'));
    const laidOut = async () => {
      forgetLayouts(); // as a new build: only the disk cache is kept
      const layout = await layoutIn(loaded, workflowLabelsIn(loadProject(root), 'fr', 'birth-registration'), 'fr', { root, cacheDir });
      return JSON.stringify(layout.nodes.find((n) => n.id === 'verification'));
    };
    expect(await laidOut()).toContain('documents indépendants');
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const file = join(root, 'content/fr/parameters.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('other: documents indépendants', 'other: pièces indépendantes'));
    expect(await laidOut()).toContain('pièces indépendantes');
    expect(readdirSync(cacheDir)).toHaveLength(2);
    rmSync(cacheDir, { recursive: true, force: true });
  }, 120_000);
});
