import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/lib/check/index.ts';
import { copyModelPack, copyProject, replaceIn, setParameter, tempFolder } from './project.ts';
import { loadWorkflowFile } from '../../src/lib/workflow/load.ts';

// A workflow scenario's story states facts chosen for the model's values ("died 8 months ago:
// the supervisor approves the late registration"). Its input can be made to follow the country's
// values, but its words cannot: under a 180-day grace period the simulator taught that a death
// declared after 8 months is late, where the country's law makes it delayed, and nothing said so.
// The scenario says what its story takes for granted (`assumes`, as a quiz item does), and the
// check stops at the line when the country's value breaks it.
const parent = tempFolder('scenario-assumes-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const ASSUMES = "    assumes: ['late-registration-period < 45 days: declared 45 days after the event, late'],\n";

/** The fixture with a story told for the model's 30-day period, and the line of its assumes entry. */
function withStory(name: string, value: number): { root: string; line: number } {
  let line = 0;
  const root = copyProject(parent, name, (dir) => {
    setParameter(dir, 'late-registration-period', value);
    line = replaceIn(dir, 'workflows/registration.machine.ts', "    description: 'Declared just after the period; the supervisor approves.',\n", `    description: 'Declared 45 days after the event; the supervisor approves.',\n${ASSUMES}`) + 1;
  });
  return { root, line };
}

describe('a scenario that assumes a value', () => {
  it('passes while the value in force keeps its story true', async () => {
    const { root } = withStory('model', 30);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.code.startsWith('params/'))).toEqual([]);
  });

  it("is an error at its assumes line once the country's value breaks it", async () => {
    const { root, line } = withStory('country', 60);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.file.startsWith('workflows/')).map((d) => [d.file, d.line, d.severity, d.code, d.message])).toEqual([
      ['workflows/registration.machine.ts', line, 'error', 'params/assumption', 'scenario late-approved assumes late-registration-period < 45 days ("declared 45 days after the event, late"), but content/parameters.yaml sets 60 days (the model value: 30 days); its story and its input were written for other values: rewrite the scenario for the country\'s value (its title, description and input, and their words in workflows/<lang>/), then its assumes line'],
    ]);
  });

  it('that cannot be read is an error naming the scenario', async () => {
    const root = copyProject(parent, 'garbled', (dir) => {
      replaceIn(dir, 'workflows/registration.machine.ts', "    description: 'Declared just after the period; the supervisor approves.',\n", "    description: 'Declared just after the period; the supervisor approves.',\n    assumes: ['late period is short'],\n");
    });
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.code.startsWith('params/')).map((d) => [d.file, d.code, d.message.split(':')[0]])).toEqual([['workflows/registration.machine.ts', 'params/assumption-syntax', 'scenario late-approved']]);
  });
});

describe("the model pack's scenarios under a country's periods", () => {
  it('names the death scenario whose 8 months are no longer late under a 180-day grace period', async () => {
    const root = join(parent, 'pack');
    copyModelPack(root);
    setParameter(root, 'death-grace-period', 180);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const broken = diagnostics.filter((d) => d.file === 'workflows/death-registration.machine.ts' && d.code === 'params/assumption').map((d) => d.message);
    expect(broken.some((m) => m.startsWith('scenario late-inheritance-approved assumes death-grace-period'))).toBe(true);
    // The scenarios whose stories still hold under 180 days are not named.
    expect(broken.some((m) => m.startsWith('scenario late-returned-then-refused '))).toBe(false);
  });
});

describe("the model's late cases under a country's periods", () => {
  // A story that says "declared after 7 months" is declared 213 days after the birth (or death),
  // whatever the periods, as long as its assumes lines hold: the date was once put at a share of
  // the late window, and with periods of 42 and 730 days "7 months" came out as 386 days.
  const root = copyModelPack(join(parent, 'model-pack'));
  setParameter(root, 'birth-registration-period', 42);
  setParameter(root, 'birth-grace-period', 730);
  setParameter(root, 'death-registration-period', 15);
  setParameter(root, 'death-grace-period', 540);

  for (const [workflow, event, period] of [
    ['birth-registration', 'dateOfBirth', 'birth-registration-period'],
    ['death-registration', 'dateOfDeath', 'death-registration-period'],
  ] as const) {
    it(`${workflow}: each late case is declared the number of days its story states`, async () => {
      const { module } = await loadWorkflowFile(root, join(root, 'workflows', `${workflow}.machine.ts`));
      const told = module.scenarios.flatMap((s) => {
        const stated = (s.assumes ?? []).map((a) => new RegExp(`^${period} < (\\d+) days`).exec(a)?.[1]).find(Boolean);
        const input = s.input as Record<string, string> | undefined;
        if (!stated || !input?.[event] || !input.declarationDate) return [];
        return [[s.id, Number(stated), (Date.parse(input.declarationDate) - Date.parse(input[event]!)) / 86_400_000]] as const;
      });
      expect(told.length).toBeGreaterThanOrEqual(2);
      for (const [id, stated, days] of told) expect(days, id).toBe(stated);
    });
  }
});
