import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { moduleWorkflowPrints, workflowTitle } from '../../../src/lib/training/module-prints.ts';
import { renderJobAid } from '../../../src/lib/training/module-pdf.ts';
import { pdfText, saveTo, tempDir } from '../handbook/pdf-tools.ts';

// A workflow's title in a job aid's heading, a module's list of job aids and its printed captions
// is the title of the SOP that owns it, in the reader's language. The French module 2 printed the
// job aid of death registration, whose SOP was not translated into French but whose workflow
// words were (workflows/fr/death-registration.yaml, with a `title`): its French job aid was
// headed "Aide-mémoire : Death registration and medical certification…" over French steps.
// Death registration is translated now; the French module 4 prints the job aid of personal-data
// requests, whose SOP is not translated into French and whose workflow words are
// (workflows/fr/personal-data-requests.yaml, with a `title`).
const root = join(import.meta.dirname, '../../..');
const project = loadProject(root);
const fr = projectIn(project, 'fr');
const wordsTitle = (id: string) => (YAML.parse(readFileSync(join(root, `workflows/fr/${id}.yaml`), 'utf8')) as { title: string }).title;
const UNTRANSLATED = 'personal-data-requests';
const MODULE = 'data-quality-fraud-protection';
const sopTitle = (p: typeof project, id: string) => p.sops.find((s) => s.data?.workflow === id)!.data!.title;

describe('a workflow title in the reader’s language', () => {
  it('is the words file’s title when the SOP has no translation in that language', () => {
    expect(sopTitle(fr, UNTRANSLATED)).toBe(sopTitle(project, UNTRANSLATED)); // not translated
    expect(workflowTitle(fr, UNTRANSLATED, 'fr')).toBe(wordsTitle(UNTRANSLATED));
    expect(workflowTitle(fr, UNTRANSLATED, 'fr')).not.toBe(sopTitle(project, UNTRANSLATED));
  });

  it('is the translated SOP’s title when there is one, and the source’s in the source language', () => {
    expect(sopTitle(fr, 'birth-registration')).not.toBe(sopTitle(project, 'birth-registration')); // translated
    expect(workflowTitle(fr, 'birth-registration', 'fr')).toBe(sopTitle(fr, 'birth-registration'));
    expect(workflowTitle(project, 'death-registration', 'en')).toBe(sopTitle(project, 'death-registration'));
    expect(workflowTitle(project, 'death-registration')).toBe(sopTitle(project, 'death-registration'));
  });

  it('heads the French job aid of module 4 and names it among the module’s prints', async () => {
    const m4 = fr.modules.find((m) => m.id === MODULE)!;
    expect(m4.data?.language).toBe('fr');
    expect((await moduleWorkflowPrints(fr, m4)).get(UNTRANSLATED)?.title).toBe(wordsTitle(UNTRANSLATED));
    const dir = tempDir();
    const path = saveTo(dir, 'fr-personal-data.pdf', await renderJobAid(fr, MODULE, UNTRANSLATED, 'a4'));
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain(wordsTitle(UNTRANSLATED).replace(/\s+/g, ' ').slice(0, 40));
    expect(text).not.toContain(sopTitle(project, UNTRANSLATED).slice(0, 30));
  }, 120_000);
});
