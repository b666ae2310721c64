import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as runCli } from './run.ts';

const root = join(import.meta.dirname, '../fixtures/workflows/project');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-simulate-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(...argv, '--root', root);

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
    expect(bad.err).toMatch(/^sopkit simulate: --input .*late.json line 1, column 3: not valid JSON \(expected (double-quoted )?property name\b/);
    // A comma left before the closing brace, on the line where it is; a BOM (Notepad's UTF-8) is no mistake.
    writeFileSync(file, '{\n  "daysSinceEvent": 400,\n}\n');
    expect((await run('simulate', 'registration', '--input', file)).err).toMatch(/late\.json line 3, column 1: not valid JSON \(.*\); check the quotes, commas and braces there$/);
    writeFileSync(file, `\uFEFF${JSON.stringify({ daysSinceEvent: 400 })}`);
    const bom = await run('simulate', 'registration', '--events', 'declaration.submitted,identity.checked,documents.checked', '--input', file, '--json');
    expect(JSON.parse(bom.out).final).toBe('supervisorReview');
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

/** `sopkit` on another fixture project. */
const runIn = (project: string, ...argv: string[]) => runCli(...argv, '--root', join(import.meta.dirname, '../fixtures/workflows', project));

describe('sopkit simulate on machines that invoke actors, run in parallel and resume through history', () => {
  it('lists the invoked actors that can complete where the machine starts, in words', async () => {
    const r = await runIn('xstate', 'simulate', 'parallel-execution');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'parallel-execution: starts in ParallelExec.ShortDelayBranch.active,ParallelExec.LongDelayBranch.active',
      'possible events: done.invoke.shortDelay (short delay completes), done.invoke.longDelay (long delay completes)',
    ]);
  });

  it('completes and fails an invoked actor with done.invoke.<actor> and error.platform.<actor>, printing parallel values', async () => {
    const r = await runIn('xstate', 'simulate', 'certificate-request', '--events', 'request.received,payment.submitted,error.platform.paymentCheck,payment.submitted,done.invoke.paymentCheck,review.approved', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { steps: { event: string; to: string }[]; final: string };
    expect(json.steps.map((s) => `${s.event} → ${s.to}`)).toEqual([
      'request.received → processing.review.pending,processing.payment.unpaid',
      'payment.submitted → processing.review.pending,processing.payment.checking',
      'error.platform.paymentCheck → processing.review.pending,processing.payment.unpaid',
      'payment.submitted → processing.review.pending,processing.payment.checking',
      'done.invoke.paymentCheck → processing.review.pending,processing.payment.paid',
      'review.approved → issue',
    ]);
  });

  it('runs every scenario of every fixture machine: parallel values, history, invoked actors, timers, parameterised guards', async () => {
    for (const id of ['parallel-execution', 'applicant-request', 'certificate-request', 'interview-resume', 'late-registration']) {
      const r = await runIn('xstate', 'simulate', id, '--scenario', 'all');
      expect(r.code, `${id}: ${r.out}`).toBe(0);
    }
  });

  it('says which guard cannot be evaluated without case data instead of failing, and which output an actor must give', async () => {
    const start = await runIn('xstate', 'simulate', 'applicant-request');
    expect(start.code).toBe(0);
    expect(start.out).toContain("possible events: Submit (its guard cannot be evaluated with this case data (Unable to evaluate guard 'isOver18'");
    const r = await runIn('xstate-examples', 'simulate', 'book-lending', '--events', 'bookLendingRequest,done.invoke.Get status for book');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`✗ step 2: event "done.invoke.Get status for book" failed in the machine's guards or actions: Cannot read properties of undefined (reading 'status'); if its actions read the actor's output, give it: { type: 'done.invoke.Get status for book', output: {...} }`);
  });
});
