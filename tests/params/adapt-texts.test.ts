import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/check/index.ts';
import { copyProject, replaceIn, setParameter, tempFolder } from './project.ts';

// A country sets the late-registration period to 60 days (the model's is 30). The model's value
// typed as words in the texts a workflow prints (a machine's time limit, a translation's time
// limit and scenario, a translated glossary definition) would state the model's law in every
// step table, diagram and simulator page: the check must point at each, as it does in SOP text.
const parent = tempFolder('sopkit-adapt-texts-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

let root: string;
const lines: Record<string, number> = {};
beforeAll(() => {
  root = copyProject(parent, 'country', (dir) => {
    setParameter(dir, 'late-registration-period', 60);
    appendFileSync(join(dir, 'content/site.yaml'), 'locales:\n  - { code: en, label: English, default: true }\n  - { code: fr, label: Français, title: Ensemble de test, organisation: "[Autorité de test]" }\n');
    // The machine: a time limit typed instead of paramText(), and a scenario whose story states the model's period.
    lines.sla = replaceIn(dir, 'workflows/registration.machine.ts', "sla: `late after ${paramText('late-registration-period')}`", "sla: 'late after 30 days'");
    lines.scenario = replaceIn(dir, 'workflows/registration.machine.ts', "description: 'Declared just after the period; the supervisor approves.'", "description: `Declared ${LATE_PERIOD + 1} days after the event, after the 30-day period; the supervisor approves.`");
    mkdirSync(join(dir, 'workflows/fr'), { recursive: true });
    writeFileSync(
      join(dir, 'workflows/fr/registration.yaml'),
      [
        'states:',
        '  reception: "Recevoir la déclaration"',
        'sla:',
        '  lateReview: "tardive après 30 jours"',
        '  refused: "{param:appeal-period}"',
        'scenarios:',
        '  late-approved:',
        '    title: "Tardive et approuvée"',
        '    description: "Déclarée le lendemain du délai de {param:late-registration-period}."',
        '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'content/fr'), { recursive: true });
    writeFileSync(join(dir, 'content/fr/glossary.yaml'), '- id: late-registration\n  term: Enregistrement tardif\n  definition: "L\'enregistrement d\'un fait d\'état civil après le délai légal, ici 30 jours après le fait."\n');
  });
});

describe('the model value left in the texts of a workflow and of a translated glossary', () => {
  it('is a params/model-value warning at each, with what to write there', async () => {
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const found = diagnostics.filter((d) => d.code === 'params/model-value' || d.code === 'params/hard-coded').map((d) => [d.file, d.line, d.code, d.message]);
    expect(found).toEqual([
      ['content/fr/glossary.yaml', 3, 'params/model-value', '"30 jours" is the model value of parameter late-registration-period (Legal period for registration), which this country has set to 60 days: the text states the model\'s value, not the one in force; write {param:late-registration-period}'],
      ['workflows/fr/registration.yaml', 4, 'params/model-value', '"30 jours" is the model value of parameter late-registration-period (Legal period for registration), which this country has set to 60 days: the text states the model\'s value, not the one in force; write {param:late-registration-period}'],
      ['workflows/registration.machine.ts', lines.sla, 'params/model-value', '"30 days" is the model value of parameter late-registration-period (Legal period for registration), which this country has set to 60 days: the text states the model\'s value, not the one in force; write ${paramText(\'late-registration-period\')}'],
      ['workflows/registration.machine.ts', lines.scenario, 'params/model-value', '"30-day" is the model value of parameter late-registration-period (Legal period for registration), which this country has set to 60 days: the text states the model\'s value, not the one in force; write ${paramText(\'late-registration-period\')}'],
    ]);
  });
});
