import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lib/training/courses.ts';

// A list item indented deeper than the one above it is read by YAML as the rest of that item
// ("intro - other"); the schema error was reported at the line above the one to fix.
const base = join(import.meta.dirname, '../../fixtures/training/base');
const temp = mkdtempSync(join(tmpdir(), 'course-indent-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function courseWith(text: string): { file: string; lines: string[] } {
  const file = join(temp, 'content/courses/basics.yaml');
  mkdirSync(join(temp, 'content/courses'), { recursive: true });
  writeFileSync(file, text);
  return { file, lines: text.split('\n') };
}

describe('a course file with an over-indented list item', () => {
  const source = readFileSync(join(base, 'content/courses/basics.yaml'), 'utf8');

  it('is reported at the over-indented line, saying what to do', () => {
    const text = source.replace(/^audience: \[registrar\]$/m, 'audience:\n  - registrar\n      - registration-clerk');
    const { file, lines } = courseWith(text);
    const line = lines.findIndex((l) => l.trim() === '- registration-clerk') + 1;
    const { diagnostics } = loadCourse(temp, file);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(line);
    expect(errors[0]!.column).toBe(lines[line - 1]!.indexOf('-') + 1);
    expect(errors[0]!.message).toContain(`line ${line} starts a "- " item indented more than the item above it (line ${line - 1})`);
  });

  it('an item in a list of modules, too', () => {
    const text = source.replace(/^modules: \[intro\]$/m, 'modules:\n  - intro\n    - intro');
    const { file, lines } = courseWith(text);
    const line = lines.lastIndexOf('    - intro') + 1;
    const errors = loadCourse(temp, file).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.line)).toEqual([line]);
  });

  it('is an error in a list of plain words too, where the two read as one valid value', () => {
    // "Lead trainer - Co-trainer" is a valid trainer: the second trainer went missing silently.
    const text = source.replace(/^trainers: .*$/m, 'trainers:\n  - Lead trainer\n    - Co-trainer');
    const { file, lines } = courseWith(text);
    const line = lines.indexOf('    - Co-trainer') + 1;
    const errors = loadCourse(temp, file).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => [e.line, e.column])).toEqual([[line, 5]]);
    expect(errors[0]!.message).toContain('"Lead trainer - Co-trainer"');
  });

  it('leaves a list indented under its key, and nested lists, alone', () => {
    const text = source.replace(/^trainers: .*$/m, 'trainers:\n    - Lead trainer\n    - Co-trainer');
    const { file } = courseWith(text);
    expect(loadCourse(temp, file).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The base course's days are a list of lists ("- - {...}" then "    - {...}").
    expect(loadCourse(base, join(base, 'content/courses/basics.yaml')).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves a value written on several lines without a "- " where it was', () => {
    const text = source.replace(/^audience: \[registrar\]$/m, 'audience:\n  - Registrar\n    Clerk');
    const { file, lines } = courseWith(text);
    const errors = loadCourse(temp, file).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.line)).toEqual([lines.indexOf('  - Registrar') + 1]);
    expect(errors[0]!.message).not.toContain('indented more');
  });
});
