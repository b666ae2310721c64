import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const root = join(import.meta.dirname, '../fixtures/workflows/project');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-simulate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--root', root], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('sopkit simulate', () => {
  it('prints each step and the final state of a scenario', async () => {
    const r = await run('simulate', 'registration', '--scenario', 'never-corrected');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'registration: scenario never-corrected (Never corrected)',
      '  1. reception --declaration.submitted--> checks.identity.pending,checks.documents.pending',
      '  2. checks.identity.pending,checks.documents.pending --identity.checked--> checks.identity.ok,checks.documents.pending',
      '  3. checks.identity.ok,checks.documents.pending --documents.checked--> returned',
      '  4. returned --after.correctionPeriod--> closed',
      'final: closed (done)',
    ]);
  });

  it('--json prints { workflow, steps: [{ from, event, to }], final, done }', async () => {
    const r = await run('simulate', 'registration', '--events', 'declaration.submitted,identity.checked', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      workflow: 'registration',
      steps: [
        { from: 'reception', event: 'declaration.submitted', to: 'checks.identity.pending,checks.documents.pending' },
        { from: 'checks.identity.pending,checks.documents.pending', event: 'identity.checked', to: 'checks.identity.ok,checks.documents.pending' },
      ],
      final: 'checks.identity.ok,checks.documents.pending',
      done: false,
    });
  });

  it('--scenario all runs every scenario and exits 1 when one fails', async () => {
    const ok = await run('simulate', 'registration', '--scenario', 'all');
    expect(ok.code).toBe(0);
    expect(ok.out.split('\n')).toHaveLength(4);
    expect(ok.err).toBe('registration: 4 scenarios, 4 passed, 0 failed');
    const bad = await run('simulate', 'bad-scenario', '--scenario', 'all', '--json');
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.out) as { passed: boolean; scenarios: { scenario: string; passed: boolean }[] };
    expect(json.passed).toBe(false);
    expect(json.scenarios.map((s) => [s.scenario, s.passed])).toEqual([['typo', false], ['wrong-expectation', false], ['ghost-state', false]]);
  });

  it('takes case data from --input, which changes the route', async () => {
    const file = join(temp, 'late.json');
    writeFileSync(file, JSON.stringify({ daysSinceEvent: 400 }));
    const r = await run('simulate', 'registration', '--events', 'declaration.submitted,identity.checked,documents.checked', '--input', file, '--json');
    expect(JSON.parse(r.out).final).toBe('supervisorReview');
    writeFileSync(file, '{ nope');
    const bad = await run('simulate', 'registration', '--input', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^sopkit simulate: --input .*late.json: not valid JSON/);
  });

  it('says in one line when the workflow, the event or the scenario is unknown', async () => {
    for (const [args, message] of [
      [['registraton'], /^sopkit simulate: no workflow "registraton" in workflows\/; known: bad-meta, /],
      [['registration', '--events', 'declaration.sent'], /^sopkit simulate: workflow registration has no event "declaration.sent"; known: after.correctionPeriod, declaration.submitted/],
      [['registration', '--scenario', 'nope'], /^sopkit simulate: workflow registration has no scenario "nope"; known: on-time, /],
      [['registration', '--scenario', 'on-time', '--events', 'x'], /give --scenario or --events, not both/],
    ] as const) {
      const r = await run('simulate', ...args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err.split('\n')).toHaveLength(1);
    }
  });

  it('exits 1 when an event is sent where it is not possible', async () => {
    const r = await run('simulate', 'registration', '--events', 'record.registered');
    expect(r.code).toBe(1);
    expect(r.out).toContain('(ignored: not possible in this state)');
  });
});

describe('sopkit check on workflows', () => {
  it('fails on an unreachable state and a dead end, naming the file, the line and the state', async () => {
    const r = await run('check');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toContain('workflows/unreachable.machine.ts:17:5  error  workflow/unreachable  state "orphan" is unreachable: no transition leads to it from the start; connect it or remove it');
    expect(lines.find((l) => l.startsWith('workflows/dead-end.machine.ts:13:5  error  workflow/dead-end  state "waiting" is a dead end'))).toBeDefined();
  });
});
