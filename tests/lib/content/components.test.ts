import { describe, expect, it } from 'vitest';
import { componentSpecs } from '../../../src/lib/content/components.ts';

describe('content components', () => {
  // MDX `optimize` (astro.config.mjs) compiles plain HTML elements into static strings: a
  // component named like an element (`table`, `note`) would silently never render.
  it('all have a PascalCase name, never the name of an HTML element', () => {
    const names = Object.keys(componentSpecs);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !/^[A-Z][A-Za-z0-9]*$/.test(name))).toEqual([]);
  });
});
