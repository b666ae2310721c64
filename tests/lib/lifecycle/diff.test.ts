import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { componentWords } from '../../../src/lib/content/component-words.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { compareSop, type SopDiff } from '../../../src/lib/lifecycle/diff/compare.ts';
import { sopText } from '../../../src/lib/lifecycle/diff/sop-text.ts';
import { alignSections } from '../../../src/lib/lifecycle/diff/sections.ts';
import { diffBlocks, labelledRuns, readable, rowCells, similarity, type TextBlock } from '../../../src/lib/lifecycle/diff/text-diff.ts';
import { diffText, plainMarks } from '../../../src/lib/lifecycle/diff/text-output.ts';
import { redlineGroups } from '../../../src/lib/lifecycle/diff/redline-layout.ts';

// Hand-made pairs: each folder holds before.mdx and after.mdx (and a machine beside each where the
// workflow changes), compared as `sopkit diff --from before.mdx --to after.mdx` would.
const root = join(import.meta.dirname, '../../..');
const pair = (name: string): Promise<SopDiff> => {
  const dir = `tests/fixtures/lifecycle/diff/${name}`;
  return compareSop(root, 'fixture-registration', { from: `${dir}/before.mdx`, to: `${dir}/after.mdx` });
};
const changedOnly = (d: SopDiff) => d.sections.filter((s) => s.status !== 'unchanged');

describe('sopkit diff on hand-made pairs', () => {
  it('a section renumbered with the same title and similar text is moved, not removed and added', async () => {
    const d = await pair('moved-section');
    expect(d.counts).toEqual({ unchanged: 7, modified: 0, moved: 2, added: 0, removed: 0 });
    expect(changedOnly(d).map((s) => [s.status, s.from?.number, s.to?.number, s.to?.title])).toEqual([
      ['moved', '6', '5', 'Data protection'],
      ['moved', '5', '6', 'Records and retention'],
    ]);
    const dp = changedOnly(d)[0]!;
    expect(dp.blocks.map((b) => b.kind)).toEqual(['changed']);
    expect(dp.blocks[0]!.parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'ins', text: 'written ' }]);
    // Renumbered with the same words: the heading says so, and no text is repeated.
    expect(changedOnly(d)[1]!.blocks).toEqual([]);
    expect(diffText(d, plainMarks)).toContain('> 5 Data protection (moved from 6)');
  });

  it('a reworded step shows the words deleted and inserted, in the section that changed', async () => {
    const d = await pair('reworded-step');
    const [step, ...others] = changedOnly(d);
    expect(others).toEqual([]);
    expect(step).toMatchObject({ status: 'modified', from: { number: '4.2', title: 'Check the documents' }, to: { number: '4.2' } });
    expect(step!.blocks.map((b) => b.kind)).toEqual(['changed', 'same', 'changed']);
    expect(step!.blocks[0]!.parts).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'del', text: 'clerk' },
      { kind: 'ins', text: 'registrar' },
      { kind: 'same', text: ' checks the documents ' },
      { kind: 'del', text: 'the same' },
      { kind: 'ins', text: 'within one working' },
      { kind: 'same', text: ' day.' },
    ]);
    expect(diffText(d, plainMarks)).toContain('~ The [-clerk-]{+registrar+} checks the documents [-the same-]{+within one working+} day.');
    expect(d.frontmatter).toEqual([]);
  });

  it('a transition removed from the machine, and a time limit changed, are the workflow changes', async () => {
    const d = await pair('removed-transition');
    expect(d.workflow.compared).toBe(true);
    // Named as the step table names steps and events; the machine's own names kept for authors.
    expect(d.workflow.changes).toEqual([
      { what: 'time-limit', kind: 'changed', subject: '4.1 Receive the declaration', from: 'same day', to: '2 hours', ids: 'reception' },
      { what: 'transition', kind: 'removed', subject: '4.2 Check the documents: documents returned » 4.2 Returned for correction', ids: 'verification --documents.returned--> returned' },
    ]);
    expect(diffText(d, plainMarks)).toContain('transition removed: 4.2 Check the documents: documents returned » 4.2 Returned for correction');
    expect(d.counts.unchanged).toBe(d.sections.length);
  });

  it('a file with no machine beside it against one with: the step table is drawn on neither side, not reported as inserted', async () => {
    // The whole procedure table showed as inserted, and the redline handed out a change never made.
    const dir = mkdtempSync(join(root, '.sopkit-cache', 'diff-no-machine-'));
    try {
      const src = 'tests/fixtures/lifecycle/diff/removed-transition';
      const withTable = (text: string) => text.replace('## Procedure\n', '## Procedure\n\n<StepTable workflow="fixture-registration" />\n');
      writeFileSync(join(dir, 'after.mdx'), withTable(readFileSync(`${src}/after.mdx`, 'utf8')));
      copyFileSync(`${src}/after.machine.ts`, join(dir, 'after.machine.ts'));
      // The old version, sent by email without its machine, one sentence edited.
      writeFileSync(join(dir, 'before.mdx'), withTable(readFileSync(`${src}/before.mdx`, 'utf8')).replace('checks the documents the same day', 'checks the documents'));
      const d = await compareSop(root, 'fixture-registration', { from: join(dir, 'before.mdx'), to: join(dir, 'after.mdx') });
      expect(d.workflow.compared).toBe(false);
      expect(d.workflow.note).toMatch(/no machine beside/);
      const changed = changedOnly(d);
      expect(changed.map((c) => c.to?.title)).toEqual(['Check the documents']);
      expect(diffText(d, plainMarks)).not.toMatch(/Receive the declaration.*\|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('frontmatter changes: status, version, owner, approval, roles, legal basis, form fields, history', async () => {
    const d = await pair('frontmatter-change');
    expect(d.frontmatter).toEqual([
      { field: 'version', kind: 'changed', from: '0.9.0', to: '1.0.0' },
      { field: 'status', kind: 'changed', from: 'consultation', to: 'approved' },
      { field: 'owner', kind: 'changed', from: '[Registration office]', to: '[Directorate of Civil Registration]' },
      { field: 'approval.by', kind: 'added', to: '[Name]' },
      { field: 'approval.title', kind: 'added', to: 'Registrar General' },
      { field: 'approval.date', kind: 'added', to: '2026-02-10' },
      { field: 'roles', kind: 'added', to: 'supervisor' },
      { field: 'legalBasis', kind: 'changed', from: '[Civil Registration Act, year], [section on the duty to register]', to: '[Civil Registration Act, year], [section on the duty to register and the period for registration]' },
      { field: 'forms.FX-01.fields', kind: 'added', to: 'Place of event' },
      { field: 'history', kind: 'added', to: '1.0.0 (2026-02-10): Approved after the validation workshop.' },
    ]);
    expect(d.from.version).toBe('0.9.0');
    expect(d.to.version).toBe('1.0.0');
  });
});

describe('section alignment and block comparison', () => {
  const p = (text: string): TextBlock => ({ text, form: 'paragraph' });
  const s = (number: string, title: string, ...blocks: string[]) => ({ number, level: number.split('.').length, title, anchor: title.toLowerCase().replace(/ /g, '-'), blocks: blocks.map(p) });

  it('places a removed section after the one that preceded it, and an added one where it stands', () => {
    const before = [s('1', 'Purpose', 'Why.'), s('2', 'Old rules', 'Gone entirely now.'), s('3', 'Scope', 'Where.')];
    const after = [s('1', 'Purpose', 'Why.'), s('2', 'Scope', 'Where.'), s('3', 'New annex', 'Something else.')];
    expect(alignSections(before, after).map((c) => `${c.status}:${c.from?.number ?? ''}>${c.to?.number ?? ''}`)).toEqual(['unchanged:1>1', 'removed:2>', 'moved:3>2', 'added:>3']);
  });

  it('a section keeping its number under a new title, with similar text, is retitled (modified)', () => {
    const [c] = alignSections([s('4', 'Records', 'Kept for ever in the archive.')], [s('4', 'Records and retention', 'Kept for ever in the archive.')]);
    expect(c).toMatchObject({ status: 'modified', title: [{ kind: 'del', text: 'Records' }, { kind: 'same', text: ' ' }, { kind: 'ins', text: 'Records and retention' }] });
  });

  it('pairs an edited paragraph, and keeps an unrelated new one as added', () => {
    const blocks = diffBlocks([p('The clerk checks the form.'), p('Keep it.')], [p('The registrar checks the form.'), p('A new rule about fees entirely.'), p('Keep it.')]);
    expect(blocks.map((b) => b.kind)).toEqual(['changed', 'added', 'same']);
  });

  it('a callout whose type changed, its words kept, is a change, its box labelled with what it was', () => {
    // A note made a warning printed WARNING where NOTE was, and the diff said "0 changed".
    const note: TextBlock = { text: 'A notification is not a registration', form: 'title', box: 'note', opens: true };
    const blocks = diffBlocks([note, p('Keep it.')], [{ ...note, box: 'warning' }, p('Keep it.')]);
    expect(blocks.map((b) => [b.kind, b.box, b.boxWas])).toEqual([['changed', 'warning', 'note'], ['same', undefined, undefined]]);
    expect(redlineGroups(blocks, 'en')[0]?.box).toEqual({ tone: 'warning', label: 'Warning (was: Note)' });
    expect(redlineGroups(blocks, 'fr')[0]?.box?.label).toBe(`Attention (auparavant\u00a0: Remarque)`);
    // A paragraph put into a box: it was in none.
    const boxed = diffBlocks([p('Check the date.')], [{ ...p('Check the date.'), box: 'warning', opens: true }]);
    expect(boxed.map((b) => [b.kind, b.boxWas])).toEqual([['changed', null]]);
  });

  it('similarity counts shared words (Dice) and spaces a deletion from the insertion after it', () => {
    expect(similarity('a b c d', 'a b c d')).toBe(1);
    expect(similarity('a b c d', 'a b x y')).toBe(0.5);
    expect(similarity('', '')).toBe(1);
    expect(readable([{ kind: 'del', text: 'information' }, { kind: 'ins', text: 'personal data' }]).map((p) => p.text)).toEqual(['information', ' ', 'personal data']);
  });
});

describe('the redline of an edition', () => {
  it('a change inside a trainer note shows in the trainer edition and the CLI, never in the participant edition', async () => {
    const dir = 'tests/fixtures/lifecycle/diff/trainer-note';
    const all = await compareSop(root, 'fixture-registration', { from: `${dir}/before.mdx`, to: `${dir}/after.mdx` });
    const trainer = await compareSop(root, 'fixture-registration', { from: `${dir}/before.mdx`, to: `${dir}/after.mdx`, edition: 'trainer' });
    const participant = await compareSop(root, 'fixture-registration', { from: `${dir}/before.mdx`, to: `${dir}/after.mdx`, edition: 'participant' });
    expect(all.counts.modified).toBe(1);
    expect(trainer.counts.modified).toBe(1);
    expect(diffText(trainer, plainMarks)).toContain('which they refuse');
    expect(participant.counts.modified).toBe(0);
    expect(diffText(participant, plainMarks)).not.toMatch(/documents they see most often/);
  });
});


describe('the comparison reads as the SOP reads', () => {
  // Every component the redline reads, in a pair whose step, checklist, callout, trainer note,
  // case study, table row and machine changed (ARCHITECTURE.md, The diff).
  const dir = 'tests/fixtures/lifecycle/diff/components';
  const project = loadProject(root);
  const words = componentWords(project, 'en', 'fixture-registration');
  const compare = (edition?: 'participant' | 'trainer') => compareSop(root, 'fixture-registration', { from: `${dir}/before.mdx`, to: `${dir}/after.mdx`, words, ...(edition ? { edition } : {}) });
  const section = (d: SopDiff, n: string) => d.sections.find((x) => x.to?.number === n)!;
  const textOf = (parts: readonly { text: string }[]) => parts.map((x) => x.text).join('');
  const tag = /\[(?:Step|TrainerNote|CaseStudy|Checklist|LegalBasis|Roles|StepTable|Workflow|Callout|FormsAnnex)\b/;

  it('a step: its facts labelled as on the page, role by title, provisions by instrument and section, forms with their titles', async () => {
    const d = await compare('participant');
    const [step] = section(d, '4.1').blocks;
    expect(step).toMatchObject({ kind: 'changed', form: 'fields', labels: ['Who: ', 'Input: ', 'Output: ', 'Time limit: ', 'Legal basis: ', 'Forms: '] });
    expect(step!.parts).toEqual([
      { kind: 'same', text: 'Who: Registration clerk · Input: The informant and their documents · Output: Declaration (FX-01) filled in · Time limit: ' },
      { kind: 'del', text: 'Same day' },
      { kind: 'ins', text: 'Within 2 hours' },
      { kind: 'same', text: ' · Legal basis: [Civil Registration Act, year], [section on the duty to register]' },
      { kind: 'ins', text: '; [Civil Registration Act, year], [section on the period for registration] ' },
      { kind: 'same', text: '· Forms: FX-01 (Declaration)' },
    ]);
    // The labels print in bold: they are found in the words of both versions read together.
    expect(labelledRuns(step!).filter((r) => r.label).map((r) => r.text)).toEqual(['Who: ', 'Input: ', 'Output: ', 'Time limit: ', 'Legal basis: ', 'Forms: ']);
    expect(diffText(d, plainMarks)).toContain('Time limit: [-Same day-]{+Within 2 hours+} · Legal basis: [Civil Registration Act, year], [section on the duty to register]{+; [Civil Registration Act, year], [section on the period for registration] +}· Forms: FX-01 (Declaration)');
  });

  it('lists with their markers and nesting, a checklist with tick boxes, callouts and case studies in their boxes, table rows as "column: value"', async () => {
    const d = await compare('participant');
    const blocks = section(d, '4.1').blocks.map((b) => ({ text: textOf(b.parts), form: b.form, depth: b.depth, box: b.box }));
    expect(blocks.slice(1)).toEqual([
      { text: '1. The clerk greets the informant.', form: 'item', depth: 1, box: undefined },
      { text: '2. The clerk fills in Form FX-01 with them:', form: 'item', depth: 1, box: undefined },
      { text: '• the name as the identity document writes it;', form: 'item', depth: 2, box: undefined },
      { text: '• the date of the event, as the informant states it.', form: 'item', depth: 2, box: undefined },
      { text: 'Before passing the file on', form: 'title', depth: undefined, box: undefined },
      { text: '☐ Every field of FX-01 filled in.', form: 'item', depth: 1, box: undefined },
      { text: '☐ Identity document seen and recorded.', form: 'item', depth: 1, box: undefined },
      { text: 'Never register twice', form: 'title', depth: undefined, box: 'warning' },
      { text: 'Search the register by name and date of birth before every registration.', form: 'paragraph', depth: undefined, box: 'warning' },
    ]);
    expect(section(d, '4.2').blocks.slice(1).map((b) => [textOf(b.parts), b.box])).toEqual([
      ['A declaration on the last day', 'case'],
      ['A father comes alone on the last day of the period with no identity document.', 'case'],
    ]);
    const [, row] = section(d, '5').blocks;
    expect(row).toMatchObject({ kind: 'changed', form: 'fields', columns: ['record: ', 'where kept: ', 'how long: '] });
    expect(row!.parts).toEqual([
      { kind: 'same', text: 'record: Register · where kept: Central archive · how long: Permanently' },
      { kind: 'ins', text: ', with a copy off site' },
    ]);
    // A row falls into its columns, for a redline that prints the table as a table.
    expect(rowCells(row!, row!.columns!)?.map((cell) => cell.map((r) => `${r.kind}:${r.text}`))).toEqual([['same:Register'], ['same:Central archive'], ['same:Permanently', 'ins:, with a copy off site']]);
  });

  it('the step table as the page shows it, from the machine of each version', async () => {
    const d = await compare('participant');
    const rows = section(d, '4').blocks.filter((b) => b.columns);
    expect(rows.map((b) => b.kind)).toEqual(['changed', 'changed', 'same', 'same', 'same']);
    expect(rows[0]!.parts).toEqual([
      { kind: 'same', text: 'Step: 4.1 · What happens: Receive the declaration · Who: Registration clerk · Time limit: ' },
      { kind: 'del', text: 'same day' },
      { kind: 'ins', text: '2 hours' },
      { kind: 'same', text: ' · Next steps: declaration submitted » 4.2 Check the documents' },
    ]);
    expect(rows[1]!.parts.at(-1)).toEqual({ kind: 'del', text: '; documents returned » 4.2 Returned for correction' });
    expect(textOf(section(d, '4').blocks[0]!.parts)).toBe('Workflow of the procedure: Registration of a vital event');
  });

  it('the tables the frontmatter makes, row by row: legal basis, roles, forms annex', () => {
    const file = `${dir}/after.mdx`;
    const { sections } = sopText('fixture-registration', file, join(root, file), readFileSync(join(root, file), 'utf8'), { words, edition: 'participant' });
    const text = (n: string) => sections.find((x) => x.number === n)!.blocks.map((b) => b.text);
    expect(text('2')).toEqual(['Instrument: [Civil Registration Act, year] · Provision: [section on the duty to register]', 'Instrument: [Civil Registration Act, year] · Provision: [section on the period for registration]']);
    expect(text('3')).toEqual([expect.stringMatching(/^Role: Registration clerk · Responsibility: \S/), expect.stringMatching(/^Role: Registrar · Responsibility: \S/)]);
    expect(text('6')).toEqual(['Form FX-01: Declaration', 'The informant declares the event.', '1. Name', '2. Date of event', 'Form FX-02: Register entry', 'The registrar writes the entry.', '1. Registration number']);
  });

  it('no component tags and no internal ids anywhere, in either edition or the CLI; trainer notes only where the edition has them', async () => {
    for (const edition of ['participant', 'trainer', undefined] as const) {
      const d = await compare(edition);
      const all = d.sections.flatMap((x) => x.blocks.map((b) => textOf(b.parts)));
      expect(all.filter((t) => tag.test(t) || /cra-duty|cra-periods|registration-clerk/.test(t))).toEqual([]);
      const note = section(d, '4.1').blocks.filter((b) => b.box === 'trainer').map((b) => textOf(b.parts));
      expect(note).toEqual(edition === 'participant' ? [] : ['Teaching the counter', 'Ask trainees to play the informant at the counter, one of whom refuses to wait.']);
    }
  });
});

describe('sopkit diff --from a file that is not a version of the SOP', () => {
  const before = 'tests/fixtures/lifecycle/diff/moved-section/before.mdx';
  it('refuses a file that is not an SOP (here package.json; a CSV or an empty file alike)', async () => {
    await expect(compareSop(root, 'fixture-registration', { from: 'package.json', to: before })).rejects.toThrow(
      /^--from package\.json: not an SOP file \(no frontmatter with an id\); give a version of fixture-registration/,
    );
  });
  it('refuses another SOP, naming it', async () => {
    await expect(compareSop(root, 'birth-registration', { from: 'content/sops/death-registration.mdx' })).rejects.toThrow(
      '--from content/sops/death-registration.mdx: that file is the SOP "death-registration", not "birth-registration"; give a version of birth-registration, or run sopkit diff death-registration',
    );
  });
  it('compares a copy kept outside the project, with its workflow beside it, as the project compares its own files', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'sopkit-diff-outside-'));
    try {
      copyFileSync(join(root, 'content/sops/birth-registration.mdx'), join(outside, 'birth-registration.mdx'));
      copyFileSync(join(root, 'workflows/birth-registration.machine.ts'), join(outside, 'birth-registration.machine.ts'));
      const d = await compareSop(root, 'birth-registration', { from: join(outside, 'birth-registration.mdx') });
      // Loaded where it lies, the machine's `xstate` import did not resolve: the workflow was not
      // compared and its step table, missing on one side, showed as removed and added again.
      expect(d.workflow).toEqual({ compared: true, changes: [] });
      expect(changedOnly(d)).toEqual([]);
      expect(readdirSync(join(root, 'workflows')).filter((f) => f.startsWith('.sopkit-diff-'))).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('says that a path that looks like a file does not exist', async () => {
    await expect(compareSop(root, 'birth-registration', { from: '/tmp/no-such-sop-file.mdx' })).rejects.toThrow(
      /^--from \/tmp\/no-such-sop-file\.mdx: no such file, nor a version found in git/,
    );
  });
});

describe('a form field of the frontmatter with a parameter, changed between versions', () => {
  it('is compared in words, as the page prints it, never as {param:id}', async () => {
    // The changes page of birth-registration showed "fee for the first copy …: {param:first-certificate-fee}".
    const project = loadProject(root);
    const words = componentWords(project, 'en', 'birth-registration');
    const diff = await compareSop(root, 'birth-registration', { from: '1.3.2', words });
    const purpose = diff.frontmatter.find((c) => c.field === 'forms.BR-06.purpose');
    expect(purpose?.to).toContain(`fee for the first copy of an on-time registration: ${project.parameters.text('first-certificate-fee', 'en')}.`);
    expect(JSON.stringify(diff.frontmatter)).not.toContain('{param:');
  });
});
