import { describe, expect, it } from 'vitest';
import { looksLikeDate, sectionRangeWords } from '../../../src/lib/content/sections.ts';

// "civil-status-correction 0.5.2 has no section 6.12 (its sections run 1 to 11)" read as if 6.12
// lay inside the range; and a section a CSV export turned into a date (06-févr) had no hint,
// where the same date in an XLSX cell had one.
const sections = [
  ...Array.from({ length: 11 }, (_, i) => ({ number: String(i + 1), level: 1 })),
  ...Array.from({ length: 10 }, (_, i) => ({ number: `6.${i + 1}`, level: 2 })),
  { number: '6.3.1', level: 3 },
  { number: '7.1', level: 2 },
];

describe('where a missing section number could have been', () => {
  it('names the subsections of its parent, or the top-level range', () => {
    expect(sectionRangeWords(sections, '6.12')).toBe('§6 has 6.1 to 6.10');
    expect(sectionRangeWords(sections, '7.4')).toBe('§7 has only 7.1');
    expect(sectionRangeWords(sections, '8.1')).toBe('§8 has no subsections');
    expect(sectionRangeWords(sections, '6.3.4')).toBe('§6.3 has only 6.3.1');
    expect(sectionRangeWords(sections, '12')).toBe('its sections run 1 to 11');
    expect(sectionRangeWords(sections, '13.2')).toBe('its sections run 1 to 11');
  });

  it('a date a spreadsheet made of a section number is recognised in the forms CSV exports write', () => {
    for (const cell of ['2026-02-06', '06/02/2026', '6/2/26', '06-févr', '6-Feb', '2-Jun', 'févr-06', 'Feb-6', '06-févr.-2026']) expect(looksLikeDate(cell), cell).toBe(true);
    for (const cell of ['6.2', '6.10', '6', '6,2', '§6.2', 'Annex A']) expect(looksLikeDate(cell), cell).toBe(false);
  });
});
