import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDryRunSummaries } from '../../../src/lib/lifecycle/dryruns.ts';

describe('dry-run summaries for the life-cycle page', () => {
  it('reads the SOP, version, dates and model-example mark of each record, whatever shape the dates have, and tolerates other fields and a broken file', () => {
    const runs = readDryRunSummaries(join(import.meta.dirname, '../../fixtures/lifecycle/dryruns'));
    expect(runs).toEqual([
      { id: 'alpha-dry-run', file: 'content/dryruns/alpha-dry-run.yaml', sop: 'alpha', version: '0.2.0', title: 'Dry run of the alpha SOP', dates: ['2026-02-02', '2026-02-13'], example: true },
      { id: 'beta-dry-run', file: 'content/dryruns/beta-dry-run.yaml', sop: 'beta', version: '1.0.0', title: undefined, dates: ['2026-03-02', '2026-03-10'], example: false },
      { id: 'broken', file: 'content/dryruns/broken.yaml', dates: [], example: false },
    ]);
  });

  it('gives nothing when the project has no dry runs', () => {
    expect(readDryRunSummaries(join(import.meta.dirname, '../../fixtures/lifecycle/project'))).toEqual([]);
  });
});
