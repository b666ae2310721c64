import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from '../diagnostics.ts';

/** A numbered section of an SOP body. */
export interface Section {
  /** Dotted number: `6`, `6.3`, `6.3.1`. */
  number: string;
  /** 1 for `##`, 2 for `###`, 3 for `####`. */
  level: number;
  /** Heading text without the number. */
  title: string;
  /** Stable HTML id: a slug of the title, so a renumbering keeps links alive. */
  anchor: string;
  at: Position;
}

/** Heading depths that get numbers: `##` → 1, `###` → 1.1, `####` → 1.1.1. */
const FIRST_DEPTH = 2;
const LAST_DEPTH = 4;

/** Data attached to a numbered heading node, read by the web and print renderers. */
export interface SectionData {
  number: string;
  anchor: string;
}

/**
 * Numbers the headings of an SOP body in document order and records each on its node
 * (`node.data.section`). The web page, the checker and the handbook all call this, so the
 * numbers are the same everywhere. Only top-level headings count: a heading inside a component
 * (a case study's own title, say) belongs to that component, not to the document outline.
 */
export function numberSections(tree: Root): Section[] {
  const counters = [0, 0, 0];
  const slugger = new GithubSlugger();
  const sections: Section[] = [];
  for (const child of tree.children) {
    if (child.type !== 'heading') continue;
    const node: Heading = child;
    if (node.depth < FIRST_DEPTH || node.depth > LAST_DEPTH) continue;
    const level = node.depth - FIRST_DEPTH + 1;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    for (let i = level; i < counters.length; i++) counters[i] = 0;
    const number = counters.slice(0, level).map((n) => String(n || 1)).join('.');
    const title = toString(node).trim();
    const anchor = slugger.slug(title);
    const data = (node.data ??= {}) as Record<string, unknown>;
    data.section = { number, anchor } satisfies SectionData;
    sections.push({
      number,
      level,
      title,
      anchor,
      at: { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
    });
  }
  return sections;
}

/** Finds a section by number (`6.3`) or by anchor (`late-registration`). */
export function findSection(sections: readonly Section[], key: string): Section | undefined {
  return sections.find((s) => s.number === key || s.anchor === key);
}

/** The section a line of the body falls in: the last numbered heading at or before it. */
export function sectionAt(sections: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) if (s.at.line <= line) found = s;
  return found;
}

/**
 * Where the numbers a missing section could have had run, in words: for `6.12` of an SOP whose §6
 * has 6.1 to 6.10, "§6 has 6.1 to 6.10"; for a top-level number, "its sections run 1 to 11". "No
 * section 6.12 (its sections run 1 to 11)" read as if 6.12 lay inside that range.
 * @param sections The SOP's sections (number and level).
 * @param wanted The number asked for.
 */
export function sectionRangeWords(sections: readonly Pick<Section, 'number' | 'level'>[], wanted: string): string {
  const top = sections.filter((s) => s.level === 1).length;
  const parent = wanted.includes('.') ? wanted.slice(0, wanted.lastIndexOf('.')) : undefined;
  if (parent && sections.some((s) => s.number === parent)) {
    const children = sections.filter((s) => s.number.startsWith(`${parent}.`) && !s.number.slice(parent.length + 1).includes('.')).map((s) => s.number);
    if (children.length === 1) return `§${parent} has only ${children[0]}`;
    return children.length ? `§${parent} has ${children[0]} to ${children.at(-1)}` : `§${parent} has no subsections`;
  }
  return top ? `its sections run 1 to ${top}` : 'it has no sections';
}

/**
 * Whether a cell that should hold a section number holds a date a spreadsheet made of it: 6.2
 * typed where the comma is the decimal mark becomes 6 February, exported as 2026-02-06,
 * 06/02/2026, 06-févr or 6-Feb.
 */
export function looksLikeDate(cell: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(cell) || /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(cell) || /^\d{1,2}[- ]\p{L}{3,5}\.?(?:[- ]\d{2,4})?$/u.test(cell) || /^\p{L}{3,5}\.?[- ]\d{1,2}$/u.test(cell);
}
