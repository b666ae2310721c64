import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { moduleWorkflowPrints, workflowTitle } from '../../../src/lib/training/module-prints.ts';
import { renderJobAid } from '../../../src/lib/training/module-pdf.ts';
import { pdfText, saveTo, tempDir } from '../handbook/pdf-tools.ts';
import { copyModelPack, tempFolder } from '../../params/project.ts';

// A workflow's title in a job aid's heading, a module's list of job aids and its printed captions
// is the title of the SOP that owns it, in the reader's language. The French module 2 printed the
// job aid of death registration, whose SOP was not translated into French but whose workflow
// words were (workflows/fr/death-registration.yaml, with a `title`): its French job aid was
// headed "Aide-mémoire : Death registration and medical certification…" over French steps.
// Death registration is translated now, and so is personal-data requests, whose job aid the French
// module 4 prints: the case is kept on a copy of the pack without the French SOP-DP-01
// (content/fr/sops/personal-data-requests.mdx removed), its workflow words
// (workflows/fr/personal-data-requests.yaml, with a `title`) still there.
const root = join(import.meta.dirname, '../../..');
const project = loadProject(root);
const fr = projectIn(project, 'fr');
const copies = tempFolder('workflow-title-lang-');
const copy = copyModelPack(join(copies, 'pack'));
rmSync(join(copy, 'content/fr/sops/personal-data-requests.mdx'));
const untranslated = loadProject(copy);
const frUntranslated = projectIn(untranslated, 'fr');
afterAll(() => rmSync(copies, { recursive: true, force: true }));
const wordsTitle = (id: string) => (YAML.parse(readFileSync(join(root, `workflows/fr/${id}.yaml`), 'utf8')) as { title: string }).title;
const UNTRANSLATED = 'personal-data-requests';
const MODULE = 'data-quality-fraud-protection';
const sopTitle = (p: typeof project, id: string) => p.sops.find((s) => s.data?.workflow === id)!.data!.title;

describe('a workflow title in the reader’s language', () => {
  it('is the words file’s title when the SOP has no translation in that language', () => {
    expect(sopTitle(frUntranslated, UNTRANSLATED)).toBe(sopTitle(untranslated, UNTRANSLATED)); // not translated
    expect(workflowTitle(frUntranslated, UNTRANSLATED, 'fr')).toBe(wordsTitle(UNTRANSLATED));
    expect(workflowTitle(frUntranslated, UNTRANSLATED, 'fr')).not.toBe(sopTitle(project, UNTRANSLATED));
  });

  it('is the translated SOP’s title when there is one, and the source’s in the source language', () => {
    expect(sopTitle(fr, 'birth-registration')).not.toBe(sopTitle(project, 'birth-registration')); // translated
    expect(workflowTitle(fr, 'birth-registration', 'fr')).toBe(sopTitle(fr, 'birth-registration'));
    expect(workflowTitle(fr, UNTRANSLATED, 'fr')).toBe(sopTitle(fr, UNTRANSLATED)); // translated in the pack itself
    expect(workflowTitle(project, 'death-registration', 'en')).toBe(sopTitle(project, 'death-registration'));
    expect(workflowTitle(project, 'death-registration')).toBe(sopTitle(project, 'death-registration'));
  });

  it('heads the French job aid of module 4 and names it among the module’s prints', async () => {
    const m4 = frUntranslated.modules.find((m) => m.id === MODULE)!;
    expect(m4.data?.language).toBe('fr');
    expect((await moduleWorkflowPrints(frUntranslated, m4)).get(UNTRANSLATED)?.title).toBe(wordsTitle(UNTRANSLATED));
    const dir = tempDir();
    const path = saveTo(dir, 'fr-personal-data.pdf', await renderJobAid(frUntranslated, MODULE, UNTRANSLATED, 'a4'));
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain(wordsTitle(UNTRANSLATED).replace(/\s+/g, ' ').slice(0, 40));
    expect(text).not.toContain(sopTitle(project, UNTRANSLATED).slice(0, 30));
  }, 120_000);
});
