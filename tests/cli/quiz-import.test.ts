import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repo, runSopkit } from './spawn.ts';

// Moodle's own GIFT test files, imported as a Moodle user would.
const root = join(repo, 'tests/fixtures/assessment/interchange/moodle');
const out = mkdtempSync(join(tmpdir(), 'sopkit-import-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('sopkit quiz import on Moodle GIFT', () => {
  it('imports the supported questions of questions.gift.txt and warns once per skipped question, with its line', async () => {
    const target = join(out, 'moodle-questions.yaml');
    const r = await runSopkit(['quiz', 'import', 'questions.gift.txt', '--out', target, '--root', root]);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(warnings.map((w) => w.replace(/ not imported: .*/, ''))).toEqual([
      'warning: questions.gift.txt:2: question "Q8" (essay)',
      'warning: questions.gift.txt:5: question "Moodle activities" (matching)',
      'warning: questions.gift.txt:22: question "colours" (multiple choice)',
      'warning: questions.gift.txt:31: question "Q5" (numerical)',
      'warning: questions.gift.txt:34: question "Shortanswer" (short answer)',
    ]);
    expect(r.stderr).toContain('imported 4 questions, skipped 5; then run `sopkit check`');
    expect(r.status).toBe(0);
    const quiz = parse(readFileSync(target, 'utf8')) as { items: { id: string }[] };
    expect(quiz.items.map((i) => i.id)).toEqual(['q2', 'q1', 'q-2-08-tsl', 'q-2-08-tsl-2']);
  });

  it('imports questions_in_category.gift.txt to the screen, its id from the file name', async () => {
    const r = await runSopkit(['quiz', 'import', 'questions_in_category.gift.txt', '--root', root]);
    expect(r.status).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ id: 'questions-in-category', items: [{ id: 'greeting', format: 'html' }, { id: 'moodle-acronym', format: 'html' }] });
  });

  it('reads the ordering question of Moodle\'s own GIFT export as one, and says why this one cannot be an order item', async () => {
    // It shows 2 of its 6 items at random (no selection type written, so Moodle's default),
    // graded by Moodle's default: it was named a short answer before.
    const r = await runSopkit(['quiz', 'import', 'ordering_testexport.gift.txt', '--out', join(out, 'ordering.yaml'), '--root', root]);
    expect(r.stderr).toBe(
      'sopkit quiz: ordering_testexport.gift.txt: no question SOPKit can use: ordering_testexport.gift.txt:3:1: question "Moodle" (ordering): Moodle shows 2 of its 6 items (RANDOM); a SOPKit order item shows every step: set "Item selection type" to "Select all items" in Moodle, or write the item in the quiz YAML; SOPKit items are multiple choice, true/false, ordering, and matching to 1, 2, 3... (the order of steps)\n',
    );
    expect(r.status).toBe(1);
  });

  it('--strict refuses the file at the first question it cannot import, in one line', async () => {
    const r = await runSopkit(['quiz', 'import', 'questions.gift.txt', '--strict', '--out', join(out, 'strict.yaml'), '--root', root]);
    expect(r.stderr).toBe(
      'sopkit quiz: questions.gift.txt:2: question "Q8" (essay) not imported: SOPKit items are multiple choice, true/false, ordering, and matching to 1, 2, 3... (the order of steps); without --strict, the other questions would be imported\n',
    );
    expect(r.status).toBe(1);
  });
});
