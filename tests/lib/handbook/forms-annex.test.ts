import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/lib/handbook/blocks.ts';
import { FormsAnnex } from '../../../src/lib/handbook/components/tables.ts';
import type { PrintContext } from '../../../src/lib/handbook/print-context.ts';
import { layoutContext } from '../../../src/lib/handbook/document.ts';
import { run } from '../../../src/lib/handbook/inline.ts';
import { layoutBlocks } from '../../../src/lib/handbook/layout.ts';
import { paginate } from '../../../src/lib/handbook/paginate.ts';

// The forms annex prints each form as a blank form an office copies: the first follows the
// annex's heading (the others start a page of their own), so it must not be split when it fits.
const fields = Array.from({ length: 15 }, (_, i) => `Field ${i + 1} of the notification`);
const forms = [
  { id: 'BR-01', title: 'Notification of birth', purpose: 'Completed by the health facility.', fields },
  { id: 'BR-02', title: 'Declaration of birth', purpose: 'Completed with the informant.', fields: fields.slice(0, 5) },
];
const ctx = { sop: { id: 'x', data: { forms } }, project: { parameters: { text: (id: string) => id } }, lang: 'en' } as unknown as PrintContext;

describe('forms annex in print', () => {
  it('does not split a form that fits on a page, even when it starts near the foot of one', () => {
    const layout = layoutContext('a4', 'en');
    const annex = FormsAnnex.block!({}, {} as never, ctx);
    // The text before the annex ends at different heights down the page: each time, the first
    // form's 15 rows are all on one page.
    for (let paragraphs = 20; paragraphs <= 34; paragraphs += 2) {
      const filler: Block[] = Array.from({ length: paragraphs }, () => ({ kind: 'paragraph', inlines: [run('The registrar reads every entry back to the informant before signing it.')] }));
      const pages = paginate(layoutBlocks([...filler, { kind: 'heading', level: 1, inlines: [run('10 Forms annex')], anchor: 'annex', toc: true }, ...annex], layout), { portrait: layout.height, landscape: layout.landscape.height });
      // Body rows of the forms' tables (each repeats its header on a new page), per page.
      const first = pages.map((p) => p.placed.filter((x) => x.item.repeat !== undefined).length);
      const rowsPerPage = first.filter((n) => n > 0);
      expect(rowsPerPage[0], `${paragraphs} paragraphs before the annex: rows per page ${first.join(', ')}`).toBe(fields.length);
      // ... under the annex's heading, which is not left at the foot of the page before.
      const heading = pages.findIndex((p) => p.placed.some((x) => x.item.heading?.title.includes('Forms annex')));
      expect(heading).toBe(first.findIndex((n) => n > 0));
    }
  });
});
