import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { concordanceRows } from '../../../src/lib/legal/concordance.ts';
import { concordanceCsv } from '../../../src/lib/legal/pack.ts';

const project = loadProject(join(import.meta.dirname, '../../fixtures/params/project'));
const sop = project.sops.find((s) => s.id === 'registration')!;
const row = (r: ReturnType<typeof concordanceRows>[number]) => `${r.step} ${r.stepTitle} | ${r.legalId} | ${r.citedBy.join('+')}`;

describe('the legal concordance of an SOP', () => {
  it('lists each step that cites a provision, in section order, then the provisions no step cites', () => {
    const sopOnly = { ...sop, data: { ...sop.data!, legalBasis: [...sop.data!.legalBasis, { id: 'dpa', instrument: '[Data Protection Act]', provision: '[s. 1]' }] } };
    expect(concordanceRows(sopOnly).map(row)).toEqual([
      '6.1 Receive the declaration | cra-period | text',
      '6.2 Decide a late case | cra-period | text',
      '6.3 Register the event | cra-period | text',
      '6.3 Register the event | cra-appeals | text',
      '  | dpa | ',
    ]);
  });

  it('adds the citations of the workflow states to their steps, and says where each comes from', () => {
    const states = [
      { path: 'reception', step: '6.1', title: 'Receive the declaration', legal: ['cra-period'] },
      { path: 'refused', step: '6.2', title: 'Refused', legal: ['cra-appeals'] },
    ];
    expect(concordanceRows(sop, states).map(row)).toEqual([
      '6.1 Receive the declaration | cra-period | text+workflow',
      '6.2 Decide a late case | cra-period | text',
      '6.2 Decide a late case | cra-appeals | workflow',
      '6.3 Register the event | cra-period | text',
      '6.3 Register the event | cra-appeals | text',
    ]);
  });

  it('writes the committee spreadsheet with two empty columns to fill in', () => {
    const csv = concordanceCsv([{ sop: sop as typeof sop & { data: NonNullable<typeof sop.data> }, rows: concordanceRows(sop) }]);
    expect(csv.split('\r\n')[0]).toBe('sop,code,step,step_title,legal_id,instrument,provision,national_provision,notes');
    expect(csv.split('\r\n')[1]).toBe('registration,SOP-PX-01,6.1,Receive the declaration,cra-period,"[Civil Registration Act, year]",[section on the period for registration],,');
  });
});
