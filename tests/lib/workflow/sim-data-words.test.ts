// The simulator's data in a language: scenario and case-field words from the labels file, key by
// key, the machine's words where the file has none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { graphIn } from '../../../src/lib/translation/workflow-labels.ts';
import { graphOf } from '../../../src/lib/workflow/graph.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { simData } from '../../../src/lib/workflow/sim-data.ts';
import { workflowLabelsSchema } from '../../../src/schemas/translation.ts';

const root = join(import.meta.dirname, '../../..');
const loaded = await loadWorkflowFile(root, join(root, 'workflows/birth-registration.machine.ts'));
const fr = workflowLabelsSchema.parse(YAML.parse(readFileSync(join(root, 'workflows/fr/birth-registration.yaml'), 'utf8')));
const base = { roleTitle: () => undefined, anchor: () => undefined, strings: {} };

describe('simulator data in the page language', () => {
  const data = simData(loaded, graphIn(loaded, fr, 'fr'), { ...base, lang: 'fr', labels: fr });

  it('titles and tells the cases, and labels the case fields, in the labels file’s words', () => {
    const market = data.scenarios.find((s) => s.id === 'foundling-market')!;
    expect(market.title).toBe(fr.scenarios['foundling-market']!.title);
    expect(market.description).toBe(fr.scenarios['foundling-market']!.description);
    const place = data.caseFields.find((f) => f.id === 'placeOfBirth')!;
    expect(place.label).toBe('Lieu de naissance');
    expect(place.help).toBe(fr.fields.placeOfBirth!.help);
    expect(place.options?.map((o) => o.label)).toEqual(['Établissement de santé', 'Domicile ou ailleurs dans la communauté']);
    expect(data.states.reception?.title).toBe(fr.states.reception);
    expect(data.transitions.reception?.map((t) => t.label)).toContain(fr.events['declaration.checked']);
    expect(data.lang).toBe('fr');
  });

  it('falls back to the machine’s words for each key the file does not give', () => {
    const partial = workflowLabelsSchema.parse({
      scenarios: { 'foundling-market': { title: 'Bébé trouvé au marché' } },
      fields: { parentsStatus: { label: 'Statut des parents', options: { refugee: 'Réfugiés' } } },
    });
    const own = simData(loaded, graphIn(loaded, partial, 'fr'), { ...base, lang: 'fr', labels: partial });
    const source = loaded.module.scenarios.find((s) => s.id === 'foundling-market')!;
    const market = own.scenarios.find((s) => s.id === 'foundling-market')!;
    expect([market.title, market.description]).toEqual(['Bébé trouvé au marché', source.description]);
    expect(own.scenarios.find((s) => s.id === 'fictitious-twins')?.title).toBe(loaded.module.scenarios.find((s) => s.id === 'fictitious-twins')?.title);
    const status = own.caseFields.find((f) => f.id === 'parentsStatus')!;
    const sourceStatus = loaded.module.caseFields!.find((f) => f.id === 'parentsStatus')!;
    expect(status.help).toBe(sourceStatus.help);
    expect(status.options?.find((o) => o.value === 'refugee')?.label).toBe('Réfugiés');
    expect(status.options?.find((o) => o.value === 'stateless')?.label).toBe(sourceStatus.options!.find((o) => o.value === 'stateless')!.label);
    expect(own.caseFields.find((f) => f.id === 'witnesses')?.label).toBe(loaded.module.caseFields!.find((f) => f.id === 'witnesses')!.label);
    expect(own.states.reception?.title).toBe(graphOf(loaded).states.find((s) => s.path === 'reception')?.meta?.title);
  });

  it('keeps the saved-position fingerprint of the source language, so a position resumes across languages', () => {
    const english = simData(loaded, graphOf(loaded), { ...base, strings: {} });
    expect(data.fingerprint).toBe(english.fingerprint);
    expect(english.scenarios).toEqual(loaded.module.scenarios.map((s) => expect.objectContaining({ id: s.id, title: s.title })));
  });

  it("leaves a scenario's assumes lines, which are for the check, out of the page's data", () => {
    expect(loaded.module.scenarios.some((s) => s.assumes?.length)).toBe(true);
    expect(data.scenarios.filter((s) => 'assumes' in s).map((s) => s.id)).toEqual([]);
  });
});
