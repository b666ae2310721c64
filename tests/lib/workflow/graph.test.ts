import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { and, not, setup } from 'xstate';
import { paramMs, paramTextOfMs, useParameters } from '../../../src/lib/params/runtime.ts';
import { buildGraph, guardName } from '../../../src/lib/workflow/graph.ts';
import { delayLabel, humanise } from '../../../src/lib/workflow/humanise.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';

const root = join(import.meta.dirname, '../../fixtures/workflows/project');
const { module } = await loadWorkflowFile(root, join(root, 'workflows/registration.machine.ts'));
const graph = buildGraph(module.machine);
const edge = (source: string, label: string) => graph.transitions.find((t) => t.source === source && t.label === label);

describe('buildGraph: our own walk over machine.root', () => {
  it('lists every state in the order written, parents first, with kinds and meta', () => {
    expect(graph.states.map((s) => `${s.path}:${s.kind}`)).toEqual([
      'reception:atomic',
      'checks:parallel',
      'checks.identity:compound',
      'checks.identity.pending:atomic',
      'checks.identity.ok:final',
      'checks.documents:compound',
      'checks.documents.pending:atomic',
      'checks.documents.ok:final',
      'routing:atomic',
      'returned:atomic',
      'supervisorReview:atomic',
      'registration:atomic',
      'registered:final',
      'rejected:final',
      'closed:final',
    ]);
    expect(graph.states[0]!.meta).toMatchObject({ step: '2.1', role: 'registration-clerk' });
  });

  it('draws initial markers for the machine and for each compound region', () => {
    expect(graph.transitions.filter((t) => t.kind === 'initial').map((t) => `${t.source}->${t.target}`)).toEqual([
      '#initial->reception',
      'checks.identity#initial->checks.identity.pending',
      'checks.documents#initial->checks.documents.pending',
    ]);
  });

  it('labels guarded eventless transitions `[guard]`, and the unguarded fallback `[otherwise]`', () => {
    expect(graph.transitions.filter((t) => t.source === 'routing').map((t) => [t.kind, t.label, t.target])).toEqual([
      ['always', '[documents incomplete]', 'returned'],
      ['always', '[is late]', 'supervisorReview'],
      ['always', '[otherwise]', 'registration'],
    ]);
  });

  it('labels timers with their delay name and length, and done transitions in words', () => {
    const timer = edge('returned', 'after correction period (30 days)');
    expect(timer).toMatchObject({ kind: 'after', delay: 'correctionPeriod', target: 'closed' });
    expect(timer!.event).toMatch(/^xstate\.after\.correctionPeriod\./);
    expect(edge('checks', 'when complete')).toMatchObject({ kind: 'done', target: 'routing' });
    expect(edge('reception', 'declaration submitted')).toMatchObject({ kind: 'event', event: 'declaration.submitted', target: 'checks' });
  });

  it('gives every transition a unique, stable id', () => {
    const ids = graph.transitions.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('routing:always:1');
    expect(buildGraph(module.machine).transitions.map((t) => t.id)).toEqual(ids);
  });

  it('spells out guard combinators, inline guards and targetless transitions', () => {
    const m = setup({ guards: { a: () => true, b: () => false } }).createMachine({
      initial: 'x',
      states: {
        x: {
          on: {
            go: [{ guard: and(['a', not('b')]), target: 'y' }, { guard: { type: 'a', params: { n: 1 } }, target: 'y' }],
            note: { actions: () => undefined },
          },
        },
        y: { type: 'final' },
      },
    });
    const g = buildGraph(m);
    expect(g.transitions.filter((t) => t.source === 'x').map((t) => t.label)).toEqual(['go [a and not b]', 'go [a (n 1)]', 'note']);
    expect(g.transitions.find((t) => t.label === 'note')!.target).toBe('x');
    expect(guardName(undefined)).toBeUndefined();
  });
});

describe('labels: words in the SOP language', () => {
  it('label events, guards, timers and the fixed words from the module labels', () => {
    const m = setup({ guards: { isLate: () => true }, delays: { appealPeriod: 86_400_000 } }).createMachine({
      initial: 'a',
      states: {
        a: { on: { 'declaration.checked': [{ guard: 'isLate', target: 'b' }, { target: 'c' }] }, after: { appealPeriod: 'c' } },
        b: { type: 'final' },
        c: { type: 'final' },
      },
    });
    const g = buildGraph(m, { 'declaration.checked': 'déclaration vérifiée', isLate: 'hors délai', otherwise: 'sinon', after: 'après', appealPeriod: "délai d'appel" });
    expect(g.transitions.filter((t) => t.source === 'a').map((t) => t.label)).toEqual([
      'déclaration vérifiée [hors délai]',
      'déclaration vérifiée [sinon]',
      "après délai d'appel",
    ]);
    expect(g.transitions.find((t) => t.guard === 'isLate')).toMatchObject({ eventLabel: 'déclaration vérifiée', guardLabel: 'hors délai' });
  });
});

describe('a timer from a parameter', () => {
  it('reads in the parameter\'s words: 20 working days, not the 28 calendar days it runs', () => {
    useParameters({ language: 'en', values: { w: { value: 20, unit: 'working-days', text: { en: '20 working days', fr: '20 jours ouvrables' } }, d: { value: 3, unit: 'days', text: { en: '3 days' } } } });
    const machine = setup({ delays: { appealPeriod: paramMs('w'), shortWait: 3 * 86_400_000 } }).createMachine({
      id: 't',
      initial: 'a',
      states: { a: { after: { appealPeriod: 'b', shortWait: 'c' } }, b: { type: 'final' }, c: { type: 'final' } },
    });
    const heads = (lang?: string) => buildGraph(machine, {}, lang).transitions.map((t) => t.label).filter((l) => l.startsWith('after')).sort();
    expect(heads()).toEqual(['after appeal period (20 working days)', 'after short wait (3 days)']);
    expect(heads('fr')).toContain('after appeal period (20 jours ouvrables)');
    expect(paramTextOfMs(28 * 86_400_000)).toBe('20 working days');
  });
});

describe('humanise', () => {
  it('turns machine names into words', () => {
    expect(humanise('needsCorrection')).toBe('needs correction');
    expect(humanise('declaration.checked')).toBe('declaration checked');
    expect(humanise('child.interim-care-arranged')).toBe('child interim care arranged');
    expect(humanise('isIDValid')).toBe('is ID valid');
    expect(delayLabel(172_800_000, undefined)).toBe('after 2 days');
    expect(delayLabel('appealPeriod', 3_600_000)).toBe('after appeal period (1 hour)');
  });
});
