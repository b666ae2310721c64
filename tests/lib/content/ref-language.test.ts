// A reference in a translated SOP to an SOP not translated into its language (ARCHITECTURE.md,
// Translations): the English section title is read in English, isolated inside Arabic text, and the
// language is named after it, the same on the page, in the PDF and in the search text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { refLabel, refShown, resolveRef } from '../../../src/lib/content/refs.ts';
import type { Inline } from '../../../src/lib/handbook/inline.ts';
import { sopBodyBlocks } from '../../../src/lib/handbook/sop-body.ts';
import { searchDocuments } from '../../../src/lib/search/documents.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';

const project = loadProject(join(import.meta.dirname, '../../..'));
const SOP = 'birth-registration';
// An SOP translated into neither language, that the birth SOP's translations refer to: certified
// copies (death registration was the example until it was translated into French).
const OTHER = 'certified-copies#6';

/** Every inline run of a tree of blocks, in order. */
function runsOf(value: unknown): Inline[] {
  if (Array.isArray(value)) return value.flatMap(runsOf);
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.text === 'string' && typeof o.style === 'string') return [o as unknown as Inline];
  return Object.values(o).flatMap(runsOf);
}

describe.each(['ar', 'fr'])('a reference in the %s SOP to an SOP in English only', (lang) => {
  const view = projectIn(project, lang);
  const sop = view.sops.find((s) => s.id === SOP && s.data?.language === lang)!;
  // The English section title, from the English SOP itself: "SOP-CR-04 §6 Procedure".
  const english = refLabel(resolveRef(project, OTHER, SOP)!);
  const note = ` (${t('language.en', lang)})`;

  it('is read in English on the page: lang and dir on the label, the language named in the page\'s', () => {
    const ref = resolveRef(view, OTHER, SOP)!;
    expect(refShown(ref, lang)).toEqual({ label: english, lang: 'en', dir: 'ltr', note });
    // Within the translated SOP nothing is marked.
    expect(refShown(resolveRef(view, '#6.5', SOP)!, lang).lang).toBeUndefined();
  });

  it('prints the label isolated (FSI … PDI) in the PDF, then the language', () => {
    const runs = runsOf(sopBodyBlocks(sop, { project: view, edition: 'participant', inPdf: new Set([SOP]), workflows: new Map(), terms: new Set(), figures: { n: 0 } }));
    const at = runs.findIndex((r) => r.text.includes(english));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(runs[at]!.text).toBe(`\u2068${english}\u2069`);
    expect(runs[at + 1]!.text).toBe(note);
    expect(runs[at + 1]!.link).toEqual(runs[at]!.link);
  });

  it('is in the search text as the page shows it', () => {
    const doc = searchDocuments(project, 'participant', lang).find((d) => d.id.startsWith(`${SOP}#`) && d.text.includes(english));
    expect(doc?.text).toContain(`${english}${note}`);
  });
});

describe('a reference in an English SOP', () => {
  it('is not marked', () => {
    const ref = resolveRef(project, 'death-registration#6', SOP)!;
    expect(refShown(ref, 'en')).toEqual({ label: refLabel(ref) });
  });
});
