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
// is the title of the SOP that owns it, in the reader's language. The French module 2 prints the
// job aid of death registration, whose SOP is not translated into French but whose workflow
// words are (workflows/fr/death-registration.yaml, with a `title`): its French job aid was
// headed "Aide-mémoire : Death registration and medical certification…" over French steps.
const root = join(import.meta.dirname, '../../..');
const project = loadProject(root);
const fr = projectIn(project, 'fr');
const wordsTitle = (id: string) => (YAML.parse(readFileSync(join(root, `workflows/fr/${id}.yaml`), 'utf8')) as { title: string }).title;
const sopTitle = (p: typeof project, id: string) => p.sops.find((s) => s.data?.workflow === id)!.data!.title;

describe('a workflow title in the reader’s language', () => {
  it('is the words file’s title when the SOP has no translation in that language', () => {
    expect(sopTitle(fr, 'death-registration')).toBe(sopTitle(project, 'death-registration')); // not translated
    expect(workflowTitle(fr, 'death-registration', 'fr')).toBe(wordsTitle('death-registration'));
    expect(workflowTitle(fr, 'death-registration', 'fr')).not.toBe(sopTitle(project, 'death-registration'));
  });

  it('is the translated SOP’s title when there is one, and the source’s in the source language', () => {
    expect(sopTitle(fr, 'birth-registration')).not.toBe(sopTitle(project, 'birth-registration')); // translated
    expect(workflowTitle(fr, 'birth-registration', 'fr')).toBe(sopTitle(fr, 'birth-registration'));
    expect(workflowTitle(project, 'death-registration', 'en')).toBe(sopTitle(project, 'death-registration'));
    expect(workflowTitle(project, 'death-registration')).toBe(sopTitle(project, 'death-registration'));
  });

  it('heads the French job aid of module 2 and names it among the module’s prints', async () => {
    const m2 = fr.modules.find((m) => m.id === 'civil-registration-births-deaths')!;
    expect(m2.data?.language).toBe('fr');
    expect((await moduleWorkflowPrints(fr, m2)).get('death-registration')?.title).toBe(wordsTitle('death-registration'));
    const dir = tempDir();
    const path = saveTo(dir, 'fr-death.pdf', await renderJobAid(fr, 'civil-registration-births-deaths', 'death-registration', 'a4'));
    const text = pdfText(path).replace(/\s+/g, ' ');
    expect(text).toContain(wordsTitle('death-registration').replace(/\s+/g, ' ').slice(0, 40));
    expect(text).not.toContain(sopTitle(project, 'death-registration').slice(0, 30));
  }, 120_000);
});
