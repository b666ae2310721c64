import { describe, expect, it } from 'vitest';
import { parseYamlWithPositions, splitFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { validateYaml } from '../../../src/lib/content/validate.ts';
import { sopSchema } from '../../../src/schemas/sop.ts';

describe('splitFrontmatter', () => {
  it('keeps the body on its original line numbers', () => {
    const src = '---\nid: a\ntitle: b\n---\n\n## Purpose\n';
    const { yaml, body, yamlLine } = splitFrontmatter(src);
    expect(yaml).toBe('id: a\ntitle: b');
    expect(yamlLine).toBe(2);
    expect(body.split('\n')[5]).toBe('## Purpose');
  });

  it('accepts CRLF line endings and a BOM', () => {
    const { yaml, body } = splitFrontmatter('\uFEFF---\r\nid: a\r\n---\r\nText\r\n');
    expect(yaml).toBe('id: a');
    expect(body.trim()).toBe('Text');
  });

  it('returns the whole text as body when there is no frontmatter', () => {
    expect(splitFrontmatter('## Only body').yaml).toBe('');
  });
});

describe('parseYamlWithPositions', () => {
  it('maps a data path to the line in the file', () => {
    const parsed = parseYamlWithPositions('id: a\nhistory:\n  - version: 1.0\n    date: x\n', 2);
    expect(parsed.positionOf(['history', 0, 'date'])).toEqual({ line: 5, column: 5 });
    expect(parsed.positionOf(['missing', 'deeper'])).toEqual({ line: 2, column: 1 });
    expect(parsed.sourceOf(['history', 0, 'version'])).toBe('1.0');
  });

  it('reports YAML syntax errors with a position', () => {
    const parsed = parseYamlWithPositions('id: a\n  bad: [\n', 1);
    expect(parsed.errors.length).toBeGreaterThan(0);
    expect(parsed.errors[0]?.at.line).toBeGreaterThanOrEqual(1);
  });

  it('says a quote mark inside a "…" value ended it early, at that quote (it blamed the indentation, at column 1)', () => {
    const errors = (yaml: string) => parseYamlWithPositions(yaml, 1).errors.map((e) => `${e.at.line}:${e.at.column}: ${e.message}`);
    expect(errors('items:\n  - id: a\n    stem: "Il dit "tout de suite" et part."\n    type: single\n')).toEqual([
      '3:19: Unexpected scalar at node end; the " at column 19 of line 3 ends the quoted value early: inside "…" write \\" for a quote mark, or use « » or “ ”, or put the value in single quotes',
    ]);
    expect(errors('- "a "b" c"\n')[0]).toMatch(/^1:6: .*the " at column 6 of line 1 ends the quoted value early/);
    // A quoted value followed by a comment, or a list of quoted values, is no mistake.
    expect(errors('stem: "fine" # a comment\nlist: ["a", "b"]\n')).toEqual([]);
  });

  it('names the mis-indented line, once, with what to do (the parser blamed the line above, twice)', () => {
    const errors = (yaml: string, firstLine = 1) => parseYamlWithPositions(yaml, firstLine).errors.map((e) => `${e.at.line}: ${e.message}`);
    // One space too many on "value" (line 14 of the file: the text starts on line 11).
    expect(errors('- id: x\n  label: X\n  group: Registration periods\n   value: 60\n  unit: days\n', 11)).toEqual([
      '14: Nested mappings are not allowed in compact mappings; line 14 has its key at column 4 where the line above it has 3: the keys of one entry start in the same column; line them up (or, if the line continues a value, put the value in quotes)',
    ]);
    // One space too few: that line is named, not the one after it.
    expect(errors('- id: x\n  label: X\n value: 60\n  unit: days\n')[0]).toMatch(/^3: Sequence item without - indicator; line 3 has its key at column 2 where the line above it has 3/);
    // Deeper under a key that opens a block is no mistake; the line under it that steps out is.
    expect(errors('- id: x\n  model:\n    value: 30\n     why: A month.\n')[0]).toMatch(/^4: .*line 4 has its key at column 6 where the line above it has 5/);
    expect(errors('- id: x\n\tlabel: X\n')[0]).toBe('2: Unexpected scalar at node end; line 2 starts with a tab: YAML indents with spaces only; replace the tab with spaces');
  });
});

describe('SOP frontmatter messages', () => {
  const valid = `id: a
code: SOP-A-01
title: Alpha
summary: A summary that is long enough.
version: 1.0.0
status: draft
effective: 2026-01-01
reviewDue: 2027-01-01
owner: Office
legalBasis: [{ id: act, instrument: "[Act]", provision: "[s. 1]" }]
roles: [registrar]
history: [{ version: 1.0.0, date: 2026-01-01, summary: First. }]`;

  it('accepts a valid frontmatter and fills defaults', () => {
    const v = validateYaml(valid, sopSchema, 'a.mdx', 'sop/frontmatter');
    expect(v.diagnostics).toEqual([]);
    expect(v.value).toMatchObject({ language: 'en', forms: [], effective: '2026-01-01' });
  });

  it.each([
    ['status: draft', 'status: final', 'status: found "final"; allowed: draft, consultation, pilot, approved, superseded'],
    ['owner: Office', 'owner: O', 'owner: found "O"; must be at least 2 characters'],
    ['effective: 2026-01-01', 'effective: 2026-02-30', 'effective: found "2026-02-30"; expected a real calendar date'],
    ['code: SOP-A-01', 'code: sop-a', 'code: found "sop-a"; expected a document code like "SOP-CR-01"'],
    ['roles: [registrar]', 'roles: []', 'roles: found []; needs at least 1 entry'],
    ['version: 1.0.0', 'version: 2', 'version: found 2; expected a version like 1.2.0 (major.minor.patch)'],
  ])('names the field, the value found and what is allowed (%s → %s)', (from, to, message) => {
    const v = validateYaml(valid.replace(from, to), sopSchema, 'a.mdx', 'sop/frontmatter', 2);
    expect(v.diagnostics.map((d) => d.message)).toEqual([message]);
    expect(v.diagnostics[0]?.line).toBe(valid.split('\n').findIndex((l) => l.startsWith(from.split(':')[0] + ':')) + 2);
  });

  it('reports a missing required field', () => {
    const v = validateYaml(valid.replace(/^owner: Office\n/m, ''), sopSchema, 'a.mdx', 'sop/frontmatter');
    expect(v.diagnostics.map((d) => d.message)).toEqual(['owner: missing; required: text']);
  });
});

describe('an SOP without frontmatter', () => {
  it('says the frontmatter is never closed when the file opens it, and to start with --- when it does not', async () => {
    const { parseSop } = await import('../../../src/lib/content/project.ts');
    const unclosed = parseSop('a', 'content/sops/a.mdx', '/x/content/sops/a.mdx', '---\nid: a\ntitle: b\n\n## Purpose\n\nText.\n');
    const [first] = unclosed.diagnostics.filter((d) => d.code === 'sop/frontmatter');
    expect(first?.message).toBe('the frontmatter opened by --- on line 1 is never closed: add a line with only --- after the last field, before the text');
    const none = parseSop('a', 'content/sops/a.mdx', '/x/content/sops/a.mdx', '## Purpose\n\nText.\n');
    expect(none.diagnostics.find((d) => d.code === 'sop/frontmatter')?.message).toBe('no frontmatter: start the file with --- and the SOP fields (run `sopkit new sop <id>` for a template)');
  });
});
