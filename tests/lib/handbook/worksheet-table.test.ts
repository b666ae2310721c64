import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import type { Block } from '../../../src/lib/handbook/blocks.ts';
import { toBlocks } from '../../../src/lib/handbook/from-mdast.ts';
import { printContext } from '../../../src/lib/handbook/sop-body.ts';
import { moduleAsDoc, moduleWorkflowPrints } from '../../../src/lib/training/module-prints.ts';
import { renderModuleBook, usableModule } from '../../../src/lib/training/module-pdf.ts';
import { annotateOutline } from '../../../src/lib/training/outline.ts';
import { pageWith, pdfPage, pdfRectangles, pdfSegments, pdfText, qpdfCheck, saveTo, tempDir } from './pdf-tools.ts';

// An exercise's grid in an MDX table (a column left blank in every body row) prints as a worksheet
// to fill in by pen: M2's "Worksheet: counting the days" had a "Days" column 9 mm wide and rows
// 5 mm high. ARCHITECTURE.md, Formats: MDX tables in print.
const project = loadProject(join(import.meta.dirname, '../../..'));
const A4 = { left: 56, width: 595.28 - 2 * 56 };
const MM = 72 / 25.4;
const dir = tempDir();
let workbook: string;

beforeAll(async () => {
  workbook = saveTo(dir, 'm2.pdf', await renderModuleBook(project, 'civil-registration-births-deaths', { edition: 'participant', paper: 'a4' }));
}, 120_000);

/** The table on a page, measured from what is drawn: its rows (the full-width frames) and its columns (the rules between cells). */
function tableOn(page: string) {
  const frames = pdfRectangles(page).filter((r) => Math.abs(r.x - A4.left) < 0.5 && Math.abs(r.w - A4.width) < 0.5);
  const keys = new Set<string>();
  const rows = frames
    .map((r) => ({ top: Math.max(r.y, r.y + r.h), bottom: Math.min(r.y, r.y + r.h) }))
    .filter((r) => !keys.has(`${r.top.toFixed(2)}`) && keys.add(`${r.top.toFixed(2)}`))
    .sort((a, b) => b.top - a.top);
  const header = rows[0]!;
  const rules = pdfSegments(page).filter((s) => Math.abs(s.x1 - s.x2) < 0.01 && Math.abs(Math.max(s.y1, s.y2) - header.top) < 0.01 && Math.abs(Math.min(s.y1, s.y2) - header.bottom) < 0.01);
  const edges = [A4.left, ...rules.map((s) => s.x1).sort((a, b) => a - b), A4.left + A4.width];
  return { rows, columns: edges.slice(1).map((x, i) => ({ x: edges[i]!, width: x - edges[i]! })) };
}

/** The module's body as print blocks, every table in it. */
function tablesOf(id: string, edition: 'participant' | 'trainer') {
  return (async () => {
    const m = usableModule(project, id);
    const ctx = printContext(moduleAsDoc(m), { project, edition, inPdf: new Set(), workflows: await moduleWorkflowPrints(project, m), terms: new Set(), figures: { n: 0 } });
    ctx.lang = m.data.language;
    annotateOutline(m.tree);
    const tables: Extract<Block, { kind: 'table' }>[] = [];
    const walk = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b.kind === 'table') tables.push(b);
        else if (b.kind === 'box') walk(b.children);
        else if (b.kind === 'list') b.items.forEach(walk);
      }
    };
    walk(toBlocks(m.tree.children, ctx));
    return tables.map((t) => ({ head: t.header[0]?.map((c) => c.inlines.map((i) => i.text).join('')).join(' | ') ?? '', worksheet: t.worksheet === true }));
  })();
}

describe('a worksheet table to fill in by hand', () => {
  it('gives each blank cell a handwriting line (8 mm) and each column written in room for a word by pen (28 mm)', () => {
    expect(qpdfCheck(workbook).ok).toBe(true);
    const n = pageWith(workbook, 'Handout: Worksheet: counting the days', 'Declared');
    expect(n).toBeGreaterThan(0);
    const { rows, columns } = tableOn(pdfPage(workbook, n, dir));
    // No. | Event | Declared | Days | Category | Who decides; a header and 12 cases.
    expect(columns).toHaveLength(6);
    expect(rows).toHaveLength(13);
    // The blank cells of the source: Days, Category and Who decides in cases 1-10; Declared, Days and
    // Who decides in 11-12 (whose Category reads "Last day:").
    const blanks = rows.slice(1).flatMap((row, i) => (i < 10 ? [3, 4, 5] : [2, 3, 5]).map((c) => ({ height: row.top - row.bottom, width: columns[c]!.width, c })));
    for (const b of blanks) expect(b.height, `row height of a blank in column ${b.c}`).toBeGreaterThanOrEqual(8 * MM - 0.01);
    // The columns participants write in (blank in most rows) are each at least 28 mm wide (80 pt):
    // "Days" was 9 mm, sized by its header.
    for (const c of [3, 4, 5]) expect(columns[c]!.width, `column ${c}`).toBeGreaterThanOrEqual(80 - 0.01);
    // The printed columns still fit the page beside them: the case's event keeps a readable width.
    expect(columns[1]!.width).toBeGreaterThan(60);
  });

  it('is recognised by a column left blank in every body row; a table with a blank here and there stays as it was', async () => {
    // The model pack's exercise grids: M2's worksheet, M3's match scores, M4's observer checklist.
    const sheets = async (id: string, edition: 'participant' | 'trainer') => (await tablesOf(id, edition)).filter((t) => t.worksheet).map((t) => t.head);
    expect(await sheets('civil-registration-births-deaths', 'trainer')).toEqual(['No. | Event | Declared | Days | Category (on time, late, delayed, foundling) | Who decides (role)']);
    expect(await sheets('national-id-enrolment-module', 'trainer')).toEqual(['Case | What the system reports | Where next, and why (SOP section)']);
    expect(await sheets('data-quality-fraud-protection', 'trainer')).toEqual(['Checklist | Scene 1 | Scene 2']);
    // Blanks by accident, not to fill in: M2's time limits (no decision time for some cases) and the
    // trainer's key (no day count for cases 11-12); M3's case files and replacement order.
    const m2 = await tablesOf('civil-registration-births-deaths', 'trainer');
    for (const head of ['Case | Time limit | Who decides | Decision within', 'No. | Days | Category | Who decides']) expect(m2.find((t) => t.head === head)?.worksheet).toBe(false);
  });

  it("prints a table that is not a worksheet as before: M2's time limits handout, blank cells and all", () => {
    const n = pageWith(workbook, 'Handout: Time limits and who decides', 'Decision within');
    const { rows, columns } = tableOn(pdfPage(workbook, n, dir));
    // Measured on the workbook made before worksheets were told apart (content-sized columns).
    expect(columns.map((c) => Math.round(c.width * 10) / 10)).toEqual(BEFORE.columns);
    expect(rows.slice(0, 4).map((r) => Math.round((r.top - r.bottom) * 10) / 10)).toEqual(BEFORE.rows);
  });
});

describe('the columns of a worksheet', () => {
  // Room shared by the headers' lengths gave M2's one-word "Category" 52 mm and left "Who decides
  // (role)" 30 mm, its header crammed on two lines; M3's answer column 41 mm beside a page-wide
  // description; M4's scenes 31 mm. The columns written in now share the room equally, with two
  // fifths of the width at least.
  it("gives M2's columns written in equal room, and 'Who decides (role)' its header on one line", () => {
    const n = pageWith(workbook, 'Handout: Worksheet: counting the days', 'Declared');
    const page = pdfPage(workbook, n, dir);
    const { columns } = tableOn(page);
    const written = [3, 4, 5].map((c) => columns[c]!.width);
    for (const w of written) expect(w).toBeCloseTo(written[0]!, 0);
    expect(written[2]).toBeGreaterThanOrEqual(35 * MM);
    expect(pdfText(page)).toMatch(/Who decides \(role\)/);
    // The printed dates keep their line: "10 Feb 2025" was split after "Feb" beside a wider column.
    for (const date of ['10 Feb 2025', '25 Aug 2025', '18 Aug 2025', '15 Apr 2025']) expect(pdfText(page, undefined, undefined, '-raw')).toContain(date);
  });

  it("gives M3's answer column and M4's scene columns room to write: two fifths of the table at least, shared equally", async () => {
    const m3 = saveTo(dir, 'm3.pdf', await renderModuleBook(project, 'national-id-enrolment-module', { edition: 'participant', paper: 'a4' }));
    const scores = tableOn(pdfPage(m3, pageWith(m3, 'Handout: Match scores worksheet', 'What the system reports'), dir)).columns;
    expect(scores).toHaveLength(3);
    expect(scores[2]!.width).toBeGreaterThanOrEqual(0.4 * A4.width - 0.5);
    const m4 = saveTo(dir, 'm4.pdf', await renderModuleBook(project, 'data-quality-fraud-protection', { edition: 'participant', paper: 'a4' }));
    const scenes = tableOn(pdfPage(m4, pageWith(m4, 'Checklist', 'Scene 1', 'Scene 2'), dir)).columns;
    expect(scenes).toHaveLength(3);
    expect(scenes[1]!.width).toBeCloseTo(scenes[2]!.width, 0);
    expect(scenes[1]!.width + scenes[2]!.width).toBeGreaterThanOrEqual(0.4 * A4.width - 0.5);
    // The checklist's lines keep their one line each beside them.
    expect(pdfText(m4, pageWith(m4, 'Checklist', 'Scene 1'))).toMatch(/Told the DPO \(and asked about danger to life where relevant\)/);
  }, 240_000);
});

const BEFORE = { columns: [130.2, 111.3, 126.5, 115.3], rows: [17.7, 29.4, 41.1, 29.4] };
