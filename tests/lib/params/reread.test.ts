import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuizFile } from '../../../src/lib/assessment/quiz-load.ts';
import { loadParameters } from '../../../src/lib/params/load.ts';

// loadParameters and loadQuizFile keep their last parse of each file, so that one check parses a
// file once however often it is read; an edited file must never be served from that parse.
const temp = mkdtempSync(join(tmpdir(), 'sopkit-reread-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const root = join(temp, 'project');
cpSync(join(import.meta.dirname, '../../fixtures/params/project'), root, { recursive: true });
const parameters = join(root, 'content/parameters.yaml');
const quiz = join(root, 'quizzes/registration.yaml');

describe('reading a parameters file again', () => {
  it('gives the same values while the file is unchanged, and the new ones once it is edited', () => {
    const first = loadParameters(root);
    expect(first.set.text('late-registration-period', 'en')).toBe('30 days');
    expect(loadParameters(root).set.text('late-registration-period', 'en')).toBe('30 days');
    writeFileSync(parameters, readFileSync(parameters, 'utf8').replace('  value: 30\n  unit: days', '  value: 45\n  unit: days'));
    expect(loadParameters(root).set.text('late-registration-period', 'en')).toBe('45 days');
  });

  it('gives each caller its own list of diagnostics', () => {
    writeFileSync(parameters, `${readFileSync(parameters, 'utf8')}- id: late-registration-period\n  label: Again\n  group: X\n  value: 1\n  unit: days\n`);
    const a = loadParameters(root);
    expect(a.diagnostics.length).toBeGreaterThan(0);
    a.diagnostics.length = 0;
    expect(loadParameters(root).diagnostics.length).toBeGreaterThan(0);
  });
});

describe('reading a quiz file again', () => {
  it('words it with the parameters as they are now, and reads its edited text', () => {
    writeFileSync(parameters, readFileSync(join(import.meta.dirname, '../../fixtures/params/project/content/parameters.yaml')));
    const stem = () => loadQuizFile(root, quiz).quiz?.items[0]?.stem;
    expect(stem()).toContain('The legal period is 30 days.');
    writeFileSync(parameters, readFileSync(parameters, 'utf8').replace('  value: 30\n  unit: days', '  value: 60\n  unit: days'));
    expect(stem()).toContain('The legal period is 60 days.');
    writeFileSync(quiz, readFileSync(quiz, 'utf8').replace('The legal period is {param:', 'The period in law is {param:'));
    expect(stem()).toContain('The period in law is 60 days.');
  });
});
