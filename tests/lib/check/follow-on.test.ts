import { describe, expect, it } from 'vitest';
import { withoutFollowOns } from '../../../src/lib/check/follow-on.ts';
import { diagnostic, formatDiagnostic } from '../../../src/lib/diagnostics.ts';

const roleSchema = diagnostic('error', 'roles/schema', 'content/roles.yaml', '[0].title: missing; required: text', { line: 7, column: 3 });
const unknownRole = (file: string, line: number) => diagnostic('error', 'role/unknown', file, `state "x": role "informant" is not in content/roles.yaml; add it there or fix the id`, { line, column: 5 });
const translatedRole = diagnostic('error', 'translation/unknown-id', 'content/fr/roles.yaml', 'id "informant" is not in content/roles.yaml: translate only entries the source has (same id)', { line: 3, column: 3 });
const badSection = diagnostic('error', 'ref/unknown-section', 'content/sops/a.mdx', '<Ref to="b#9">: b has no section 9', { line: 40, column: 1 });

describe('errors that follow from a broken list file', () => {
  it('are left out when the file has an error of its own, with one warning after it saying how many', () => {
    const out = withoutFollowOns([unknownRole('workflows/a.machine.ts', 10), roleSchema, translatedRole, unknownRole('content/courses/c.yaml', 12), badSection]).map(formatDiagnostic);
    expect(out).toEqual([
      formatDiagnostic(roleSchema),
      formatDiagnostic(badSection),
      'content/roles.yaml:7:4  warning  check/follow-on  3 more errors naming a role are not shown: they follow from the errors in this file (an entry with an error is left out, so what names it finds nothing); fix those and check again',
    ]);
  });

  it('of two periods the wrong way round are counted at the parameter, not listed scenario by scenario', () => {
    const relation = diagnostic('error', 'params/relation', 'content/parameters.yaml', 'birth-grace-period is 60 days, but it must be longer than birth-registration-period, 90 days', { line: 24, column: 3 });
    const scenario = (n: number) => diagnostic('error', 'workflow/scenario-fails', 'workflows/b.machine.ts', `scenario "late-${n}": step 5: event "supervisor.approved" is not possible in state "delayedInquiry"`, { line: 300 + n, column: 5 });
    const unreachable = diagnostic('error', 'workflow/unreachable', 'workflows/b.machine.ts', 'state "supervisorReview" is reached by no scenario', { line: 120, column: 5 });
    const results = diagnostic('warning', 'dryrun/step-not-in-case', 'content/dryruns/results/b.csv', 'row 4: step 6.5 is not in case late-1', { line: 4, column: 3 });
    const out = withoutFollowOns([relation, scenario(1), scenario(2), unreachable, results, badSection]).map(formatDiagnostic);
    expect(out).toEqual([
      formatDiagnostic(relation),
      formatDiagnostic(badSection),
      'content/parameters.yaml:24:4  warning  check/follow-on  4 more problems in workflow scenarios, unreachable states and dry-run results are not shown: values that contradict each other break the cases at their limits; fix the values and check again',
    ]);
    // Without the relation error, every one is shown.
    expect(withoutFollowOns([scenario(1), unreachable, results])).toHaveLength(3);
  });

  it('are all shown when the file is sound: the ids are really unknown', () => {
    const found = [unknownRole('workflows/a.machine.ts', 10), translatedRole, badSection];
    expect(withoutFollowOns(found)).toEqual(found);
  });

  it('include a workflow that does not load for want of a parameter, when parameters.yaml has an error', () => {
    const schema = diagnostic('error', 'params/schema', 'content/parameters.yaml', '[0].value: found "ninety"; expected a number', { line: 14, column: 3 });
    const load = diagnostic('error', 'workflow/import', 'workflows/b.machine.ts', `cannot load the module: param('birth-period'): no parameter "birth-period" in content/parameters.yaml; add it there or fix the id`, { line: 18, column: 27 });
    // As the loader words it when the file's error left the entry out.
    const unread = diagnostic('error', 'workflow/import', 'workflows/d.machine.ts', `cannot load the module: param('birth-period'): "birth-period" cannot be read, as content/parameters.yaml has an error at line 14: [0].value: found "ninety"; fix it (sopkit check lists every error)`, { line: 18, column: 27 });
    const other = diagnostic('error', 'workflow/import', 'workflows/c.machine.ts', 'cannot load the module: Unexpected token', { line: 1, column: 1 });
    const out = withoutFollowOns([schema, load, unread, other]);
    expect(out.map((d) => d.code)).toEqual(['params/schema', 'workflow/import', 'check/follow-on']);
    expect(out[1]).toBe(other);
    expect(out[2]!.message).toMatch(/^2 more errors naming a parameter are not shown: they follow/);
  });
});
