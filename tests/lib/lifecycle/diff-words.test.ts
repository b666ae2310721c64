import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { componentWords, type ComponentWords } from '../../../src/lib/content/component-words.ts';
import type { SiteEdition } from '../../../src/lib/edition.ts';
import { sopText } from '../../../src/lib/lifecycle/diff/sop-text.ts';

const project = loadProject(join(import.meta.dirname, '../../..'));

/** A component's tag printed instead of its words: `[Step: role …]`, `[TrainerNote]`, `[LegalBasis]`. */
const componentTag = /\[(?:Step|TrainerNote|CaseStudy|Checklist|LegalBasis|Roles|StepTable|Workflow|Callout|FormsAnnex|Form|Term|Role|Param|Ref)\b/;

describe('how a comparison reads components', () => {
  const sop = project.sops.find((s) => s.id === 'death-registration')!;
  // `all`: no edition, as `sopkit diff` reads a version.
  const blocks = (words?: ComponentWords, edition: SiteEdition | 'all' = 'participant') => sopText(sop.id, sop.file, sop.absPath, sop.source, { ...(edition === 'all' ? {} : { edition }), ...(words ? { words } : {}) }).sections.flatMap((s) => s.blocks);
  const read = (words?: ComponentWords, edition?: SiteEdition | 'all') => blocks(words, edition).map((b) => b.text).join('\n');

  it('in the words of the page: parameter values, role titles, terms and references, not ids', () => {
    const text = read(componentWords(project, 'en', sop.id));
    expect(text).not.toMatch(/\{param:/);
    expect(text).toContain('within 30 days');
    expect(text).toContain('An unnatural death is reported to the police or coroner');
    // A step's facts, labelled as the page labels them, the role by its title and the time limit by its value.
    const step = text.split('\n').find((b) => b.startsWith('Who: '));
    expect(step).toBeDefined();
    expect(step).toMatch(/^Who: [A-Z][a-z]+.* · Input: .* · Output: .* · Time limit: /);
    expect(step).not.toMatch(/\{param:|role [a-z]+-[a-z-]+,/);
    // A callout by its title, in its box.
    expect(blocks(componentWords(project, 'en', sop.id))).toContainEqual(expect.objectContaining({ text: 'The registrar does not change the cause', form: 'title', box: 'warning' }));
  });

  it('never as component tags or the ids of the legal basis, in either edition or the CLI', () => {
    const words = componentWords(project, 'en', sop.id);
    const ids = sop.data!.legalBasis.map((l) => l.id);
    for (const edition of ['participant', 'trainer', 'all'] as const) {
      const all = blocks(words, edition);
      expect(all.filter((b) => componentTag.test(b.text)).map((b) => b.text)).toEqual([]);
      const steps = all.filter((b) => b.text.startsWith('Who: '));
      expect(steps.length).toBe(sop.uses.filter((u) => u.name === 'Step').length);
      for (const step of steps) {
        expect(step).toMatchObject({ form: 'fields', labels: expect.arrayContaining(['Who: ', 'Legal basis: ']) });
        // The provisions by instrument and section, as the page cites them, never by their ids.
        expect(step.text).toMatch(/ · Legal basis: \[[^\]]+\], \[/);
        for (const id of ids) expect(step.text).not.toMatch(new RegExp(`(^|[\\s,;:])${id}($|[\\s,;])`));
      }
    }
  });

  it('trainer notes: left out of the participant edition; in the trainer edition and the CLI, a box titled as the page titles it', () => {
    const words = componentWords(project, 'en', sop.id);
    const note = (edition: SiteEdition | 'all') => blocks(words, edition).filter((b) => b.box === 'trainer');
    expect(note('participant')).toEqual([]);
    expect(note('trainer')[0]).toMatchObject({ text: 'Teaching the medical certificate', form: 'title', opens: true });
    expect(note('all').map((b) => b.text)).toEqual(note('trainer').map((b) => b.text));
  });

  it('without a project (two files compared outside one): what only the project knows by its id, the rest in words', () => {
    const text = read();
    expect(text).toContain('appeal-period');
    expect(text).toContain('The registrar does not change the cause');
    expect(text).toMatch(/^Who: registration-clerk · Input: /m);
    expect(text).not.toMatch(componentTag);
  });
});
