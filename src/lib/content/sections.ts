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
