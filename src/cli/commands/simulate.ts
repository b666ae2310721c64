import { readFileSync } from 'node:fs';
import { binaryKind } from '../../lib/binary-kind.ts';
import { isUserError, SopkitError } from '../../lib/errors.ts';
import { inputFile } from '../../lib/input-file.ts';
import { contentCodeFromHere } from '../../lib/time-limit/content-code.ts';
import { checkCaseInput } from '../../lib/workflow/case-input.ts';
import { loadWorkflow } from '../../lib/workflow/load.ts';
import { describeStart, findScenario, formatRun, parseEvents, simulateEvents, simulateScenario } from '../../lib/workflow/simulate.ts';
import type { Command } from '../command.ts';

/** ` line L, column C` of a JSON.parse error, from the character position V8 gives (Node 20 and 22 alike), or '' when it gives none. */
function jsonWhere(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return '';
  const before = text.slice(0, Number(at[1])).split('\n');
  return ` line ${before.length}, column ${(before.at(-1) ?? '').length + 1}`;
}

/** The reason of a JSON.parse error without its place (given as line and column instead). */
function jsonReason(message: string): string {
  const token = /^Unexpected token '?(.+?)'?, "[\s\S]*" is not valid JSON$/.exec(message);
  if (token) return `unexpected ${token[1]}`;
  const reason = message.split('\n')[0]!.replace(/\s*(in JSON )?at position \d+( \(line \d+ column \d+\))?/, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/** Reads `--input file.json`: a JSON object of case data. */
export function readInput(root: string, path: string | undefined): Record<string, unknown> {
  if (path === undefined) return {};
  const abs = inputFile(root, path, 'simulate/input');
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new SopkitError('simulate/input', `--input ${path}: cannot read the file`);
  }
  // A photo or a workbook given as case data got advice about quotes and braces.
  const kind = binaryKind(readFileSync(abs));
  if (kind) throw new SopkitError('simulate/input', `--input ${path}: not a JSON file: it is ${kind}; give the case data as a JSON object, like {"dateOfBirth": "2025-01-31"}`);
  let data: unknown;
  // A BOM (Notepad's "UTF-8" files) is not JSON's, but nothing wrong with the data.
  const json = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(json);
  } catch (cause) {
    const where = jsonWhere(json, (cause as Error).message);
    throw new SopkitError('simulate/input', `--input ${path}${where}: not valid JSON (${jsonReason((cause as Error).message)}); check the quotes, commas and braces${where ? ' there' : ''}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new SopkitError('simulate/input', `--input ${path}: expected a JSON object of case data, like {"dateOfBirth": "2025-01-31"}`);
  return data as Record<string, unknown>;
}

export const simulate: Command = {
  name: 'simulate',
  help: `Usage: sopkit simulate <workflow> [--scenario <id>|all | --events a,b,c] [--input file.json] [--json]

Runs workflows/<workflow>.machine.ts from its initial state and prints each step
(state --event--> next state) and the final state. The regions of a parallel state are
printed each as its full path, joined with a comma: review.pending,payment.paid (scenarios
write expected states the same way).

Timers and invoked actors are events too:
  after.<delay>            the time has passed (after.appealPeriod)
  done.invoke.<actor>      an invoked actor completes (done.invoke.paymentCheck); <actor> is
                           the invoke's id, or its src when it has no id of its own
  error.platform.<actor>   an invoked actor fails (error.platform.paymentCheck)

Options:
  --scenario <id>    run one of the machine's scenarios and check every expected state
  --scenario all     run every scenario; exit 1 if one fails
  --events a,b,c     send these events in order (exit 1 if one is not possible where it is sent)
  --input FILE       case data (JSON object); with --scenario, overrides the scenario's input.
                     Each key must be one of the machine's case fields, with a value of its
                     type (a field not known or a wrong value is refused, listing the fields)
  --json             print {"workflow", "steps": [{"from", "event", "to"}], "final", "done"}
                     (with --scenario all: {"workflow", "scenarios": [...], "passed"})

Examples:
  sopkit simulate birth-registration --scenario all
  sopkit simulate birth-registration --events declaration.submitted,declaration.checked --input case.json`,
  maxArguments: 1,
  options: {
    scenario: { type: 'string' },
    events: { type: 'string' },
    input: { type: 'string' },
    json: { type: 'boolean' },
  },
  runsContentCode: true,
  async run({ values, positionals, root, io }) {
    const [id, extra] = positionals;
    if (!id) throw new SopkitError('simulate/usage', 'name a workflow: sopkit simulate <workflow> (the file name in workflows/ without .machine.ts)');
    if (extra) throw new SopkitError('simulate/usage', `one workflow at a time; unexpected "${extra}"`);
    const scenarioId = typeof values.scenario === 'string' ? values.scenario : undefined;
    const eventList = typeof values.events === 'string' ? values.events : undefined;
    if (scenarioId !== undefined && eventList !== undefined) throw new SopkitError('simulate/usage', 'give --scenario or --events, not both');
    const loaded = await loadWorkflow(root, id);
    const input = readInput(root, typeof values.input === 'string' ? values.input : undefined);
    const json = values.json === true;
    // Everything below runs the machine's guards and actions: the author's code.
    contentCodeFromHere(loaded.file, 'running the machine');
    try {
      if (typeof values.input === 'string') checkCaseInput(loaded, input, `--input ${values.input}`);

      if (scenarioId === 'all') {
        const results = loaded.module.scenarios.map((s) => simulateScenario(loaded, s, input));
        const failed = results.filter((r) => !r.passed);
        if (json) io.out(JSON.stringify({ workflow: loaded.id, scenarios: results, passed: failed.length === 0 }, null, 2));
        else {
          for (const r of results) {
            io.out(`${r.passed ? '✓' : '✗'} ${r.scenario}  →  ${r.final}`);
            for (const f of r.failures ?? []) io.out(`    ${f.step ? `step ${f.step}: ` : ''}${f.message}`);
          }
          io.err(`${loaded.id}: ${results.length} scenario${results.length === 1 ? '' : 's'}, ${results.length - failed.length} passed, ${failed.length} failed`);
        }
        return failed.length ? 1 : 0;
      }
      if (scenarioId !== undefined) {
        const scenario = findScenario(loaded, scenarioId);
        const result = simulateScenario(loaded, scenario, input);
        if (json) io.out(JSON.stringify(result, null, 2));
        else io.out([`${loaded.id}: scenario ${scenario.id} (${scenario.title})`, ...formatRun(result)].join('\n'));
        return result.passed ? 0 : 1;
      }
      if (eventList !== undefined) {
        const result = simulateEvents(loaded, input, parseEvents(loaded, eventList));
        if (json) io.out(JSON.stringify(result, null, 2));
        else io.out([`${loaded.id}:`, ...formatRun(result)].join('\n'));
        return result.ignored?.length || result.failures?.length ? 1 : 0;
      }
      const start = describeStart(loaded, input);
      if (json) io.out(JSON.stringify({ workflow: loaded.id, steps: [], final: start.state, done: false, events: start.events }, null, 2));
      else {
        io.out(`${loaded.id}: starts in ${start.state}`);
        const words = (e: (typeof start.events)[number]) => [e.label, e.why].filter(Boolean).join('; ');
        io.out(`possible events: ${start.events.map((e) => (words(e) ? `${e.type} (${words(e)})` : e.type)).join(', ') || 'none'}`);
        io.out(`scenarios: ${loaded.module.scenarios.map((s) => s.id).join(', ') || 'none'} (run one with --scenario <id>, or all)`);
      }
      return 0;
    } catch (error) {
      // The machine's own code or config throwing while it runs (an initial state that does not
      // exist, a guard that throws) is the file's problem, not sopkit's: say so, with where to look.
      if (isUserError(error) || !(error instanceof Error)) throw error;
      throw new SopkitError('simulate/machine', `${loaded.file}: the machine cannot run: ${error.message.split('\n')[0]}; \`sopkit check\` names the problem at its line`, { cause: error });
    }
  },
};
