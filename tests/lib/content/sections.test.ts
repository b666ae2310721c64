import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../../src/lib/content/mdx.ts';
import { findSection, numberSections } from '../../../src/lib/content/sections.ts';

function sectionsOf(body: string) {
  const parsed = parseMdx(body);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return numberSections(parsed.tree);
}

describe('numberSections', () => {
  it('numbers ## ### #### as 1, 1.1, 1.1.1 and restarts deeper counters', () => {
    const s = sectionsOf('## A\n\n### A1\n\n#### A1a\n\n#### A1b\n\n### A2\n\n## B\n\n### B1\n');
    expect(s.map((x) => `${x.number} ${x.title}`)).toEqual(['1 A', '1.1 A1', '1.1.1 A1a', '1.1.2 A1b', '1.2 A2', '2 B', '2.1 B1']);
  });

  it('gives stable anchors from titles, unique within the document', () => {
    const s = sectionsOf('## Procedure\n\n### Check the documents\n\n## Annex\n\n### Check the documents\n');
    expect(s.map((x) => x.anchor)).toEqual(['procedure', 'check-the-documents', 'annex', 'check-the-documents-1']);
  });

  it('keeps anchors when a section is inserted before (only numbers move)', () => {
    const before = sectionsOf('## Purpose\n\n## Scope\n');
    const after = sectionsOf('## Introduction\n\n## Purpose\n\n## Scope\n');
    expect(findSection(before, 'scope')?.number).toBe('2');
    expect(findSection(after, 'scope')?.number).toBe('3');
    expect(findSection(after, 'scope')?.anchor).toBe(findSection(before, 'scope')?.anchor);
  });

  it('ignores # and ##### headings and records positions', () => {
    const s = sectionsOf('# Title\n\n## One\n\n##### Deep\n');
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ number: '1', at: { line: 3, column: 1 } });
  });

  it('does not number headings inside components', () => {
    const s = sectionsOf('## Procedure\n\n<CaseStudy title="x">\n\n### Inside\n\n</CaseStudy>\n\n### Next step\n');
    expect(s.map((x) => `${x.number} ${x.title}`)).toEqual(['1 Procedure', '1.1 Next step']);
  });

  it('finds a section by number or by anchor', () => {
    const s = sectionsOf('## Purpose\n\n## Procedure\n\n### Late registration\n');
    expect(findSection(s, '2.1')?.title).toBe('Late registration');
    expect(findSection(s, 'late-registration')?.number).toBe('2.1');
    expect(findSection(s, '9')).toBeUndefined();
  });
});
