import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingProblem } from '../../../src/lib/content/nesting.ts';

const repo = join(import.meta.dirname, '../../..');
const list = (n: number, line = (i: number) => `${'  '.repeat(i)}- item`) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

describe('nestingProblem (the line scan before the MDX parser)', () => {
  it('passes every SOP and module of the sample pack, in every language', () => {
    const dirs = ['content/sops', 'content/modules', 'content/fr/sops', 'content/ar/sops', 'content/fr/modules', 'content/ar/modules'];
    const files = dirs.flatMap((d) => {
      try {
        return readdirSync(join(repo, d)).filter((n) => n.endsWith('.mdx')).map((n) => join(repo, d, n));
      } catch {
        return [];
      }
    });
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect([file, nestingProblem(readFileSync(file, 'utf8'))]).toEqual([file, undefined]);
  });

  it(`allows ${MAX_NESTING} levels of lists and refuses one more, at its marker`, () => {
    expect(nestingProblem(list(MAX_NESTING))).toBeUndefined();
    expect(nestingProblem(list(MAX_NESTING + 1))?.at).toEqual({ line: MAX_NESTING + 1, column: 2 * MAX_NESTING + 1 });
  });

  it('counts lists that lazy lines, quotes or several markers on a line hide', () => {
    expect(nestingProblem(list(40, (i) => `${'  '.repeat(i)}- item\nlazy text`))).toBeDefined();
    expect(nestingProblem(list(40, (i) => `> ${'  '.repeat(i)}- item`))).toBeDefined();
    expect(nestingProblem(`${'- '.repeat(40)}x`)).toBeDefined();
    expect(nestingProblem(`${'> '.repeat(40)}x`)?.at).toEqual({ line: 1, column: 65 });
  });

  it('counts open components, not closed, self-closing or quoted ones', () => {
    expect(nestingProblem(`${'<Step>'.repeat(40)}x${'</Step>'.repeat(40)}`)?.at).toEqual({ line: 1, column: 6 * MAX_NESTING + 1 });
    expect(nestingProblem('<Step>x</Step>\n'.repeat(100))).toBeUndefined();
    expect(nestingProblem('<Term id="a" />\n'.repeat(100))).toBeUndefined();
    expect(nestingProblem('<Step\n  title="a > b"\n  role="x"\n>\n\n- text\n\n</Step>\n'.repeat(100))).toBeUndefined();
    expect(nestingProblem('Write `<Step>` to start a step.\n'.repeat(100))).toBeUndefined();
    expect(nestingProblem('```mdx\n' + '<Step>\n'.repeat(100) + '```\n')).toBeUndefined();
    // A fence inside a list item ends with the item; an escaped backtick starts no code.
    expect(nestingProblem('- ```\n' + '<A>'.repeat(40))).toBeDefined();
    expect(nestingProblem('\\`' + '<A>'.repeat(40) + '\\`')).toBeDefined();
  });
});
