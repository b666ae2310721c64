import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../../src/lib/content/mdx.ts';

const errorOf = (body: string) => {
  const parsed = parseMdx(body);
  if (!('error' in parsed)) throw new Error('expected a syntax error');
  return parsed.error;
};

describe('MDX syntax errors say what to do about the common slips', () => {
  it('a < in running text', () => {
    const e = errorOf('## Scope\n\nChildren aged <5 years are registered free.\n');
    expect(e.at).toEqual({ line: 3, column: 16 });
    expect(e.message).toMatch(/; a < in text starts a component: write &lt; or say it in words \("under 5"\)$/);
  });

  it('{param:id} in text, where it works only in an attribute', () => {
    const e = errorOf('## Scope\n\nDeclare within {param:birth-period} days.\n');
    expect(e.at.line).toBe(3);
    expect(e.message).toMatch(/in text write <Param id="id" \/>$/);
  });

  it('an unclosed component, at its opening tag rather than 1:1', () => {
    const e = errorOf('## Scope\n\nText.\n\n<Callout type="note">\nRemember the form.\n');
    expect(e.at).toEqual({ line: 5, column: 1 });
    expect(e.message).toMatch(/^Expected a closing tag for `<Callout>` .*; close it \(<\/Name>\) or write it self-closing/);
  });

  it('other errors keep the parser’s words alone', () => {
    const e = errorOf('## Scope\n\nA {1 +} sum.\n');
    expect(e.message).not.toMatch(/Param|&lt;|closing/);
  });
});
