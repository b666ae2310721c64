import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/handbook/blocks.ts';
import { run } from '../../../src/lib/handbook/inline.ts';
import { layoutBlocks, type LayoutContext } from '../../../src/lib/handbook/layout.ts';
import { paginate } from '../../../src/lib/handbook/paginate.ts';
import type { PageWriter } from '../../../src/lib/pdf/writer.ts';

const tall: Block = { kind: 'figure', caption: [run('Figure 1 – Workflow')], figure: { width: 400, height: 1000, draw: () => {} } };

/** Every text the pages of a laid-out figure write, as one string per page (a writer that records). */
function captions(lang: string | undefined): string[] {
  const ctx: LayoutContext = { width: 400, height: 300, landscape: { width: 600, height: 200 }, images: new Map(), ...(lang ? { lang } : {}) };
  const pages = paginate(layoutBlocks([tall], ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  return pages.map((page) => {
    const written: string[] = [];
    const writer = new Proxy({}, { get: () => (...args: unknown[]) => {
      for (const a of args) if (typeof a === 'function') (a as () => void)();
      written.push(JSON.stringify(args));
    } }) as unknown as PageWriter;
    for (const p of page.placed) p.item.draw?.(writer, 0, p.top);
    return written.join(' ');
  });
}

describe("a figure's caption on the pages it runs over", () => {
  it('says "continued" in the document language', () => {
    const fr = captions('fr');
    expect(fr.length).toBeGreaterThan(1);
    expect(fr[0]).toContain('(suite)');
    expect(fr.join(' ')).not.toContain('continued');
    // The last slice has the caption alone.
    expect(fr.at(-1)).not.toContain('(suite)');
    expect(captions('ar')[0]).toContain('(تابع)');
  });

  it('is English without a language, as before', () => {
    expect(captions(undefined)[0]).toContain('(continued)');
    expect(captions('en')).toEqual(captions(undefined));
  });
});
