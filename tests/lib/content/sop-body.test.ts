import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProject, releaseProject } from '../../../src/lib/content/cache.ts';
import type { SopDoc } from '../../../src/lib/content/project.ts';
import { sopBodySegments, SopBodyError, type BodyComponent, type BodySegment } from '../../../src/lib/content/sop-body.ts';

// SOP bodies become HTML plus the components the page renders (src/lib/content/sop-body.ts).
// The fixture's alpha SOP gets one more section with the constructs a body may hold.
const fixture = join(import.meta.dirname, '../../fixtures/check/base');
let root = '';
const previousRoot = process.env.SOPKIT_ROOT;

const extra = `
## Extra

Plain text with **bold** and a <Term id="informant">named informant</Term> inside.

{/* A note to the next author; it is not shown. */}

| Record | Kept |
|---|---|
| Register | For ever |

<Callout type="warning" title="Check twice">

The <Role id="registrar" /> checks the form.

</Callout>

<Workflow id="alpha" simulate={false} />

\`\`\`text
A code block
\`\`\`
`;

function doc(id: string): SopDoc {
  const found = getProject(root).sops.find((s) => s.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** The components among the segments, in document order, children included. */
function components(segments: BodySegment[]): BodyComponent[] {
  return segments.flatMap((s) => (typeof s === 'string' ? [] : [s, ...components(s.children)]));
}

/** The HTML of the segments, each component shown as `[Name]`. */
function html(segments: BodySegment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : `[${s.name}]${html(s.children)}[/${s.name}]`)).join('');
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sopkit-sop-body-'));
  cpSync(fixture, root, { recursive: true });
  const alpha = join(root, 'content/sops/alpha.mdx');
  writeFileSync(alpha, readFileSync(alpha, 'utf8') + extra);
  // remarkSop reads the project the way a build does: from the project root.
  process.env.SOPKIT_ROOT = root;
});
afterAll(() => {
  releaseProject();
  if (previousRoot === undefined) delete process.env.SOPKIT_ROOT;
  else process.env.SOPKIT_ROOT = previousRoot;
  rmSync(root, { recursive: true, force: true });
});

describe('sopBodySegments', () => {
  it('turns Markdown into HTML with the numbered headings and paragraph anchors of the page', async () => {
    const out = html(await sopBodySegments(doc('alpha')));
    expect(out).toMatch(/<h2 id="[^"]+" data-section="1"><span class="secnum">1<\/span>Purpose<\/h2>/);
    expect(out).toContain('<p id="p-1-1" class="para"><a href="#p-1-1" class="pmark">§1 ¶1</a>Register a [Term][/Term]');
    expect(out).toContain('<strong>bold</strong>');
    // A Markdown table scrolls in a focusable region named by its header cells (two columns: cards on the narrowest phones).
    expect(out).toMatch(/<div class="table-wrap narrow-cards" role="region" tabindex="0" aria-label="Record, Kept">/);
    // Code is highlighted as Astro highlights it.
    expect(out).toMatch(/<pre class="astro-code[^"]*"[^>]*><code>.*A code block/s);
    // The comment is not shown, and nothing of it leaks as text.
    expect(out).not.toContain('next author');
  });

  it('keeps every component, with its attributes and the context remarkSop adds, for the page to render', async () => {
    const segments = await sopBodySegments(doc('alpha'));
    const found = components(segments);
    const term = found.findLast((c) => c.name === 'Term' && c.props.id === 'informant');
    expect(term?.props).toMatchObject({ id: 'informant', __sop: 'alpha', __lang: 'en' });
    expect(term?.props.__key).toMatch(/^c\d+$/);
    // Its text stays its child, so the page renders it in the term's slot.
    expect(html(term?.children ?? [])).toBe('named informant');
    const callout = found.find((c) => c.name === 'Callout' && c.props.title === 'Check twice');
    // A callout is told the page's language too, for its default title ("Data protection").
    expect(callout?.props).toMatchObject({ type: 'warning', title: 'Check twice', __sop: 'alpha', __lang: 'en' });
    expect(html(callout?.children ?? [])).toMatch(/^<p>The \[Role\]\[\/Role\] checks the form\.<\/p>$/);
    // A literal written as an expression keeps its type.
    expect(found.find((c) => c.name === 'Workflow')?.props.simulate).toBe(false);
    expect(found.map((c) => c.name)).toEqual(expect.arrayContaining(['Ref', 'LegalBasis', 'Roles', 'Step', 'Role']));
  });

  it('leaves the loaded tree as it was, so the next page and the PDFs see the same tree', async () => {
    const before = JSON.stringify(doc('alpha').tree);
    await sopBodySegments(doc('alpha'));
    expect(JSON.stringify(doc('alpha').tree)).toBe(before);
  });

  it('refuses a JavaScript expression, naming the file and line', async () => {
    const alpha = doc('alpha');
    const lines = alpha.source.split('\n');
    const withExpression: SopDoc = JSON.parse(JSON.stringify(alpha));
    // The tree of the same SOP with one paragraph's text replaced by an expression.
    const para = (withExpression.tree!.children as { type: string; children?: unknown[]; position?: { start: { line: number } } }[]).find((n) => n.type === 'paragraph');
    para!.children = [{ type: 'mdxTextExpression', value: '1 + 1', position: para!.position }];
    const line = para!.position!.start.line;
    expect(lines.length).toBeGreaterThan(line);
    await expect(sopBodySegments(withExpression)).rejects.toThrow(SopBodyError);
    await expect(sopBodySegments(withExpression)).rejects.toThrow(`content/sops/alpha.mdx:${line}: {1 + 1} is a JavaScript expression`);
  });
});
