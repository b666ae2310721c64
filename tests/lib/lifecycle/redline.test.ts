import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentWords } from '../../../src/lib/content/component-words.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { compareSop } from '../../../src/lib/lifecycle/diff/compare.ts';
import { redlineCss, renderRedlineFragment } from '../../../src/lib/lifecycle/diff/redline-html.ts';
import { renderRedlinePdf } from '../../../src/lib/lifecycle/diff/redline-pdf.ts';
import { skippedSummary } from '../../../src/lib/lifecycle/diff/changes.ts';
import { diffText } from '../../../src/lib/lifecycle/diff/text-output.ts';
import { pdfInfo, pdfText, qpdfCheck, saveTo, tempDir } from '../handbook/pdf-tools.ts';

const root = join(import.meta.dirname, '../../..');
const dir = 'tests/fixtures/lifecycle/diff';

describe('the redline', () => {
  it("names the changed document details as the SOP page does, not by the file's keys (HTML and PDF)", async () => {
    // The changes page showed `history`, `legalBasis` and `forms.DQ-05.fields` to the people reading it at a consultation.
    const d = await compareSop(root, 'fixture-registration', { from: `${dir}/frontmatter-change/before.mdx`, to: `${dir}/frontmatter-change/after.mdx` });
    const html = renderRedlineFragment(d);
    const fields = [...html.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(fields).toEqual(['Version', 'Status', 'Owner', 'Approved by', 'Approver&#39;s title', 'Approved on', 'Roles', 'Legal basis', 'Form FX-01: fields', 'Revision history']);
    expect(html).not.toContain('class="field"');
    const text = pdfText(saveTo(tempDir(), 'fields.pdf', await renderRedlinePdf(d, { organisation: '[Authority]', date: '2026-03-01' })), undefined, undefined, '-raw');
    for (const word of ['Revision history', 'Legal basis', 'Form FX-01: fields']) expect(text).toContain(word);
    expect(text).not.toMatch(/legalBasis|forms\.FX-01/);
  });

  it('PDF: valid, with the legend, the marked words, the moved section and the workflow changes', async () => {
    const moved = await compareSop(root, 'fixture-registration', { from: `${dir}/moved-section/before.mdx`, to: `${dir}/reworded-step/after.mdx` });
    const bytes = await renderRedlinePdf(moved, { organisation: '[Authority]', date: '2026-03-01' });
    const path = saveTo(tempDir(), 'redline.pdf', bytes);
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path, undefined, undefined, '-raw');
    expect(text).toContain('Changes to Registration of a vital event');
    expect(text).toContain('deleted text is struck through in red');
    expect(text).toContain('inserted text is underlined in blue');
    expect(text).toMatch(/The clerk registrar checks the documents the same within one working day\./);
    expect(text).toContain('Sections: 1 changed, 0 moved');
    expect(pdfInfo(path).Title).toBe('SOP-FX-09 Changes to Registration of a vital event');
    // Same input, same bytes.
    expect(Buffer.from(await renderRedlinePdf(moved, { organisation: '[Authority]', date: '2026-03-01' })).equals(Buffer.from(bytes))).toBe(true);
  });

  it('sopkit diff counts the sections in the words of the redline PDF and the changes page', async () => {
    // The terminal said "1 modified" where the PDF and the page said "1 changed".
    const d = await compareSop(root, 'fixture-registration', { from: `${dir}/moved-section/before.mdx`, to: `${dir}/reworded-step/after.mdx` });
    const pdf = pdfText(saveTo(tempDir(), 'summary.pdf', await renderRedlinePdf(d)), undefined, undefined, '-raw').replace(/\s+/g, ' ');
    const summary = /Sections: [^.]*\./.exec(pdf)?.[0];
    expect(summary).toMatch(/^Sections: 1 changed, /);
    expect(renderRedlineFragment(d)).toContain(summary);
    expect(diffText(d).split('\n')).toContain(summary);
  });

  it('PDF: a moved section is labelled with its old number; workflow changes are a table', async () => {
    const moved = await compareSop(root, 'fixture-registration', { from: `${dir}/moved-section/before.mdx`, to: `${dir}/moved-section/after.mdx` });
    const text = pdfText(saveTo(tempDir(), 'moved.pdf', await renderRedlinePdf(moved)), undefined, undefined, '-raw');
    expect(text).toContain('MOVED FROM 6');
    const wf = await compareSop(root, 'fixture-registration', { from: `${dir}/removed-transition/before.mdx`, to: `${dir}/removed-transition/after.mdx` });
    const wfText = pdfText(saveTo(tempDir(), 'wf.pdf', await renderRedlinePdf(wf)), undefined, undefined, '-raw');
    expect(wfText).toContain('Changes in the workflow');
    // Steps by number and title, events in words, as the step table says them; not the machine's ids.
    expect(wfText).toMatch(/Arrow removed\s+4\.2\s+Check\s+the\s+documents:\s+documents\s+returned\s+»\s+4\.2\s+Returned\s+for\s+correction/);
    expect(wfText).toMatch(/Time limit\s+changed\s+4\.1\s+Receive\s+the\s+declaration\s+same day\s+2 hours/);
    expect(wfText).not.toMatch(/-->|documents\.returned|\breception\b/);
  });

  it('HTML: <del> and <ins> with words for screen readers, section numbers linked to the SOP page', async () => {
    const d = await compareSop(root, 'fixture-registration', { from: `${dir}/reworded-step/before.mdx`, to: `${dir}/reworded-step/after.mdx` });
    const html = renderRedlineFragment(d, { sopHref: '/sops/fixture-registration/' });
    expect(html).toContain('<del><span class="sr-only">[deleted text: </span>clerk<span class="sr-only">]</span></del> <ins><span class="sr-only">[inserted text: </span>registrar<span class="sr-only">]</span></ins>');
    expect(html).toContain('<h3><a href="/sops/fixture-registration/#check-the-documents">4.2 Check the documents</a></h3>');
  });
});

describe('the redline reads as the SOP reads', () => {
  const words = componentWords(loadProject(root), 'en', 'fixture-registration');
  const components = () => compareSop(root, 'fixture-registration', { from: `${dir}/components/before.mdx`, to: `${dir}/components/after.mdx`, words, edition: 'participant' });

  it('PDF: labelled step facts, lists with their markers, boxes, tables as tables; no component tags or ids', async () => {
    const path = saveTo(tempDir(), 'components.pdf', await renderRedlinePdf(await components()));
    expect(qpdfCheck(path).ok).toBe(true);
    const text = pdfText(path, undefined, undefined, '-raw');
    // The words in order, wherever the lines break.
    const loose = (words: string) => new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
    expect(text).toMatch(loose('Who: Registration clerk · Input: The informant and their documents · Output: Declaration (FX-01) filled in · Time limit: Same day Within 2 hours · Legal basis: [Civil Registration Act, year]'));
    expect(text).toMatch(loose('Forms: FX-01 (Declaration)'));
    // A list keeps its numbers and nesting; a checklist is a list (its tick boxes are drawn).
    expect(text).toMatch(/^1\.\s+The clerk greets the informant\./m);
    expect(text).toMatch(/^•\s+the date of the event, as the informant states it\./m);
    expect(text).toMatch(loose('Before passing the file on Every field of FX-01 filled in. Identity document seen and recorded.'));
    // Callouts and case studies in their boxes, labelled as the handbook labels them.
    expect(text).toMatch(loose('WARNING Never register twice'));
    expect(text).toMatch(loose('CASE STUDY A declaration on the last day'));
    // Tables as tables: the step table from the machine, a Markdown table with its header.
    expect(text).toMatch(loose('Step What happens Who Time limit Forms Next steps 4.1 Receive the declaration Registration clerk same day 2 hours declaration submitted » 4.2 Check the documents'));
    expect(text).toMatch(loose('record where kept how long Declarations Office archive Permanently'));
    expect(text).not.toMatch(/\[(?:Step|TrainerNote|CaseStudy|Checklist|LegalBasis|Roles|StepTable|Workflow|Callout)\b|cra-duty|cra-periods|Teaching the counter| \| /);
  });

  it('HTML: the same reading, with bold labels, boxes and tables', async () => {
    const html = renderRedlineFragment(await components());
    expect(html).toContain('<p class="fields"><strong>Who: </strong>Registration clerk · <strong>Input: </strong>The informant and their documents');
    expect(html).toContain('<p class="item d2">• the date of the event<ins>');
    expect(html).toMatch(/<div class="box box-warning"><p class="box-label">Warning<\/p>\n<p class="title">Never register twice<\/p>/);
    expect(html).toContain('<th scope="col">where kept</th>');
    // A cell after the first is labelled with its column, for the card a phone shows of each row.
    expect(html).toContain('<td data-label="how long: ">Permanently<ins><span class="sr-only">[inserted text: </span>, with a copy off site<span class="sr-only">]</span></ins></td>');
    // Its own class: the site's `.cards` is the home page's grid of SOP cards, which squeezed a
    // redline's table into one 15rem column of the changes page.
    expect(html).toContain('<div class="table-wrap redline-cards"');
    expect(html).not.toMatch(/class="(?:[^"]* )?cards[ "]/);
    expect(redlineCss).toMatch(/@media \(max-width: 40rem\) \{\s*\.sopkit-redline \.redline-cards thead/);
    expect(html).not.toMatch(/\[(?:Step|TrainerNote|CaseStudy|Checklist|LegalBasis|Roles|StepTable|Workflow|Callout)\b|cra-duty|Teaching the counter|<code>/);
  });
});

describe('skippedSummary', () => {
  it('groups the SOPs without a redline by reason and counts past the first five, so a large pack gets one short line', () => {
    const notes = Array.from({ length: 300 }, (_, i) => `gen-${String(i + 1).padStart(4, '0')}: no earlier version in its revision history`);
    notes.splice(2, 0, 'birth-registration: not in a git repository');
    expect(skippedSummary(notes)).toBe('gen-0001, gen-0002, gen-0003, gen-0004, gen-0005 and 295 more: no earlier version in its revision history; birth-registration: not in a git repository');
    expect(skippedSummary(['a: x', 'b: x'])).toBe('a, b: x');
    // Six ids are all named: "and 1 more" would be no shorter.
    expect(skippedSummary(['a: x', 'b: x', 'c: x', 'd: x', 'e: x', 'f: x'])).toBe('a, b, c, d, e, f: x');
  });
});
