import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardCodedValues } from '../../../src/lib/params/find-values.ts';
import { parseParameters } from '../../../src/lib/params/load.ts';
import { sopScaffold } from '../../../src/lib/scaffold/sop.ts';

// `sopkit new sop` promises a file that passes the check; in the sample pack its step's time,
// "1 working day", was the value of a parameter and the new file's first check warned about it.
describe('the new-SOP template', () => {
  it('types no value of the sample pack’s parameters', () => {
    const { list } = parseParameters(readFileSync(join(import.meta.dirname, '../../../content/parameters.yaml'), 'utf8')).set;
    expect(list.length).toBeGreaterThan(20);
    const text = sopScaffold({ id: 'marriage-registration', role: 'registrar', today: '2026-12-03' });
    const attributes = [...text.matchAll(/\b[a-z]+="([^"]*)"/g)].map((m) => m[1]!);
    expect(attributes).toContain('[time limit]');
    const found = [...attributes, ...text.split('\n')].flatMap((t) => hardCodedValues(t, list).map((h) => `${h.written.text} (${h.params.map((p) => p.id).join(', ')})`));
    expect(found).toEqual([]);
  });
});
