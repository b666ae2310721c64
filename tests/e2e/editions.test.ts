// The participant edition (`npm run build`, the site that is published) carries no answer key
// and no trainer material in any file; the trainer edition (`npm run build:trainer`) carries all
// of it, so the same scan is shown to find what it looks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { scanBuild, trainerMaterial, type Needle } from './key-scan.ts';

const material = trainerMaterial(process.cwd());
const kinds = (hits: { kind: Needle['kind'] }[]) => [...new Set(hits.map((h) => h.kind))].sort();

describe('editions of the built site', () => {
  it('the sources have trainer material of every kind to look for', () => {
    expect(kinds(material.needles)).toEqual(['answer key PDF', 'explanation', 'export with answers', 'option feedback', 'report page', 'scoring page', 'trainer PDF', 'trainer note']);
  });

  it('the participant build has none of it: no key, explanation, trainer note, trainer PDF, export, scoring or report page, nor a link to one', () => {
    const { hits, scanned } = scanBuild(inject('distDir'), material);
    expect(scanned).toBeGreaterThan(50);
    expect(hits.map((h) => `${h.kind}: ${h.from} in ${h.file}`)).toEqual([]);
  });

  it("the assessments page's how-to sends each edition's reader to a page they have, in words, not commands", () => {
    for (const lang of ['', 'fr/', 'ar/']) {
      const code = lang.slice(0, 2) || 'en';
      const participant = readFileSync(join(inject('distDir'), lang, 'assessments/index.html'), 'utf8');
      const trainer = readFileSync(join(inject('trainerDistDir'), lang, 'assessments/index.html'), 'utf8');
      for (const html of [participant, trainer]) expect(html).not.toMatch(/npm run|sopkit score/);
      const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      expect(participant).toContain(html(t('assess.howto.5.participant', code)));
      expect(trainer).toContain(html(t('assess.howto.5', code)));
      // The trainer is told which questions Moodle marks otherwise (part marks) beside the exports.
      expect(participant).not.toContain('data-moodle-marking');
      expect(trainer).toMatch(/data-moodle-marking[^>]*>[^<]*li-04/);
      // Order items: marked alike in the Moodle XML (Moodle's ordering question), not in GIFT.
      expect(participant).not.toContain('data-moodle-marking-gift');
      expect(trainer).toMatch(/data-moodle-marking-gift[^>]*>[^<]*br-23/);
      expect(trainer).not.toMatch(/data-moodle-marking(?!-gift)[^>]*>[^<]*br-23/);
      // For a Moodle without the ordering question (4.3 and older), the same bank with order
      // items as matching questions, in the trainer edition only.
      expect(trainer).toContain(`/assessments/birth-registration/moodle-matching.xml`);
      expect(participant).not.toContain('moodle-matching.xml');
    }
  });

  it('the trainer build has every kind of it (the scan finds what it looks for)', () => {
    const { hits } = scanBuild(inject('trainerDistDir'), material);
    expect(kinds(hits)).toEqual(['answer key PDF', 'correct flag', 'explanation', 'export with answers', 'option feedback', 'report page', 'scoring page', 'trainer PDF', 'trainer note']);
    // Every trainer note, answer-key PDF and trainer PDF, not just some.
    const found = new Set(hits.map((h) => h.needle));
    const missing = material.needles.filter((n) => ['trainer note', 'answer key PDF', 'trainer PDF'].includes(n.kind) && !found.has(n));
    expect(missing).toEqual([]);
    // Translated quizzes' explanations are looked for too: found on the trainer's translated post-test pages.
    for (const lang of ['fr', 'ar']) expect(hits.some((h) => h.kind === 'explanation' && h.needle?.from.startsWith(`${lang}/`) && h.file.startsWith(`${lang}/assessments/`)), lang).toBe(true);
  });
});
