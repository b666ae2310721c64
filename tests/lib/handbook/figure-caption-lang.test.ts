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
  it('says on the first page that it goes on, and on every later page that it is the rest, in the document language', () => {
    const fr = captions('fr');
    expect(fr.length).toBeGreaterThan(2);
    // The first slice said "(suite)" and the last nothing: a reader took the first page for the end.
    expect(fr[0]).toContain('(suite à la page suivante)');
    for (const page of fr.slice(1)) expect(page).toContain('(suite)');
    expect(fr.join(' ')).not.toContain('continued');
    const ar = captions('ar');
    expect(ar[0]).toContain('(يتبع في الصفحة التالية)');
    expect(ar.at(-1)).toContain('(تابع)');
  });

  it('is English without a language, as before', () => {
    const en = captions(undefined);
    expect(en[0]).toContain('(continued on the next page)');
    expect(en.at(-1)).toContain('(continued)');
    expect(en.at(-1)).not.toContain('next page');
    expect(captions('en')).toEqual(en);
  });

  it('has its caption alone when it fits on one page', () => {
    const short: Block = { ...tall, figure: { width: 400, height: 150, draw: () => {} } } as Block;
    const ctx: LayoutContext = { width: 400, height: 300, landscape: { width: 600, height: 200 }, images: new Map() };
    const pages = paginate(layoutBlocks([short], ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
    expect(pages).toHaveLength(1);
    const written: string[] = [];
    const writer = new Proxy({}, { get: () => (...args: unknown[]) => {
      for (const a of args) if (typeof a === 'function') (a as () => void)();
      written.push(JSON.stringify(args));
    } }) as unknown as PageWriter;
    for (const p of pages[0]!.placed) p.item.draw?.(writer, 0, p.top);
    expect(written.join(' ')).toContain('Figure 1 – Workflow');
    expect(written.join(' ')).not.toContain('continued');
  });
});
