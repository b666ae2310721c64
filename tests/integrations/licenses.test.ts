import { describe, expect, it } from 'vitest';
import { packageOf } from '../../src/integrations/licenses.ts';

describe('packageOf', () => {
  it.each([
    ['/r/node_modules/lunr/lunr.js', 'lunr'],
    ['/r/node_modules/@stdlib/math-base-special-betainc/lib/index.js', '@stdlib/math-base-special-betainc'],
    ['/r/node_modules/a/node_modules/b/index.js', 'b'],
    ['/r/src/lib/assessment/stats.ts', undefined],
  ])('%s → %s', (id, name) => {
    expect(packageOf(id)).toBe(name);
  });
});
