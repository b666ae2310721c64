import { describe, expect, it } from 'vitest';
import { nameListEntries, validateYaml } from '../../../src/lib/content/validate.ts';
import { rolesSchema } from '../../../src/schemas/roles.ts';

// A list file's errors named the entry by its place counted from zero ("[1]: unknown field foo"):
// in a glossary of 300 terms, an author had to count to find it.
describe('errors in a list file name the entry', () => {
  const yaml = ['- id: informant', '  title: Informant', '  description: The person who declares the event.', '- id: registrar', '  title: Registrar', '  titel: Civil registrar', '  description: The officer who registers the event.', '- title: Clerk', '  description: Keeps the register.', '  colour: blue', ''].join('\n');
  const v = validateYaml(yaml, rolesSchema, 'content/roles.yaml', 'roles/schema');

  it('by its id, where it has one, and by its place counted from one where it has none', () => {
    const named = nameListEntries(v.diagnostics, v.yaml.data, 'role').map((d) => [d.line, d.message]);
    expect(named).toContainEqual([6, expect.stringMatching(/^role registrar: unknown field titel/)]);
    expect(named.some(([, m]) => /^role 3 in the list[:,] /.test(String(m)))).toBe(true);
    expect(named.every(([, m]) => !/^\[\d+\]/.test(String(m)))).toBe(true);
  });

  it('keeps the field path after the name', () => {
    const d = { severity: 'error' as const, code: 'params/schema', file: 'content/parameters.yaml', line: 3, column: 3, message: '[1].value: found "9x"; expected a number' };
    expect(nameListEntries([d], [{ id: 'a' }, { id: 'b' }], 'parameter')[0]!.message).toBe('parameter b, value: found "9x"; expected a number');
  });
});
