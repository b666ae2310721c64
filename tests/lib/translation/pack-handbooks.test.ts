// The model pack's French birth registration handbook: its step table reads the French words of
// workflows/fr/birth-registration.yaml (state titles and events), as the French web page does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadProject } from '../../../src/lib/content/project.ts';
import { renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { saveTo } from '../handbook/pdf-tools.ts';

const root = join(import.meta.dirname, '../../..');

describe('a translated handbook of the model pack', () => {
  it('prints the step table in the translation language', async () => {
    const project = loadProject(root);
    const labels = YAML.parse(readFileSync(join(root, 'workflows/fr/birth-registration.yaml'), 'utf8')) as { states: Record<string, string>; events: Record<string, string> };
    const dir = mkdtempSync(join(tmpdir(), 'fr-handbook-'));
    const path = saveTo(dir, 'fr.pdf', await renderSopHandbook(projectIn(project, 'fr'), 'birth-registration', { edition: 'participant', paper: 'a4' }));
    const text = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const state of ['reception', 'verification', 'registration']) expect(text, state).toContain(labels.states[state]!);
    // The table's "next" column: the event in French, then the section it leads to.
    expect(text).toContain(`${labels.events['declaration.submitted']} » 6.2`);
    expect(text).not.toMatch(/declaration submitted » 6\.2/i);
  }, 120_000);
});
