import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { toHast } from 'mdast-util-to-hast';
import { rehypeHeadingIds, rehypeShiki, markdownConfigDefaults } from '@astrojs/markdown-remark';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { isComment, literal } from './mdx-literals.ts';
import { remarkSop } from './remark-sop.ts';
import { rehypeTables } from './rehype-tables.ts';
import { remarkTraining } from '../training/remark-training.ts';
import type { SopDoc } from './project.ts';

/**
 * A piece of an SOP body ready for the page: HTML, or a content component (`<Ref>`, `<Step>`,
 * `<Workflow>`...) that the page renders with its web renderer, its children being pieces too.
 */
export type BodySegment = string | BodyComponent;

export interface BodyComponent {
  name: string;
  props: Record<string, string | number | boolean | null>;
  children: BodySegment[];
}

/** An SOP body that cannot be shown as it is written; the message names the file and line. */
export class SopBodyError extends Error {}

/** MDX's own node types, which mdast-util-to-hast passes through as they are (as @mdx-js/mdx does). */
const mdxNodeTypes: NonNullable<Parameters<typeof toHast>[1]>['passThrough'] = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

type JsxHast = MdxJsxFlowElementHast | MdxJsxTextElementHast;

function isJsx(node: { type: string }): node is JsxHast {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/**
 * Turns an SOP's MDX body into the pieces its page shows, through the same steps, in the same
 * order, as Astro's MDX integration: `remarkSop` (numbers, anchors, paragraph marks, `__sop` and
 * `__key`), `remarkTraining`, mdast to hast with MDX's own nodes passed through, Shiki for code
 * blocks, `rehypeTables`, Astro's heading ids (keep them in step with `markdown` in
 * `astro.config.mjs`, which the training modules still compile with). Markdown becomes HTML here; each component stays a
 * component, for the page to render with the web renderers of `src/components/mdx.ts`. An SOP
 * page is therefore data for the bundler, not a module of its own (ARCHITECTURE.md, Pages).
 * @param doc The SOP or translation, as loaded (its tree is not changed).
 * @throws SopBodyError for what an SOP body cannot hold (a JavaScript expression), naming the line.
 */
export async function sopBodySegments(doc: SopDoc): Promise<BodySegment[]> {
  if (!doc.tree) throw new SopBodyError(`${doc.file}: the body does not parse as MDX (run sopkit check)`);
  const tree = structuredClone(doc.tree) as Root;
  const raw = doc.yaml.data as { language?: unknown } | undefined;
  const file = new VFile({ path: doc.absPath, data: { astro: { frontmatter: { ...(raw && typeof raw === 'object' ? raw : {}) } } } });
  remarkSop()(tree, file as never);
  (remarkTraining() as (t: Root, f: never) => void)(tree, file as never);
  const hast = toHast(tree, { allowDangerousHtml: true, passThrough: mdxNodeTypes }) as HastRoot;
  let hasCode = false;
  visit(hast, 'element', (el: Element) => {
    if (el.tagName === 'pre') hasCode = true;
  });
  if (hasCode) await (rehypeShiki as unknown as (config: unknown) => (t: HastRoot) => Promise<void>)(markdownConfigDefaults.shikiConfig)(hast);
  rehypeTables()(hast, file);
  (rehypeHeadingIds({ experimentalHeadingIdCompat: false }) as unknown as (t: HastRoot, f: VFile) => void)(hast, file);
  return segmentsOf(hast.children, { doc, holding: mdxHolders(hast) });
}

/** Marks where an element's children go in its serialised tags. */
const HOLE = 'sopkitchildrenhole';

function lineOf(node: { position?: { start?: { line?: number } } }): number {
  return node.position?.start?.line ?? 1;
}

function propsOf(el: JsxHast, doc: SopDoc): BodyComponent['props'] {
  const props: BodyComponent['props'] = {};
  for (const a of el.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    if (a.type !== 'mdxJsxAttribute') {
      throw new SopBodyError(`${doc.file}:${lineOf(el)}: <${el.name} {${a.value}}> spreads an expression into a component; write each attribute as name="value"`);
    }
    if (a.value === null || a.value === undefined) props[a.name] = true;
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      let value: ReturnType<typeof literal>;
      try {
        value = literal(a.value.value);
      } catch {
        throw new SopBodyError(`${doc.file}:${lineOf(el)}: <${el.name} ${a.name}={${a.value.value}}> is a JavaScript expression; an SOP attribute takes text (${a.name}="...") or a literal such as {false}`);
      }
      if (value !== undefined) props[a.name] = value;
    }
  }
  return props;
}

/** MDX nodes the page must see: components, HTML written as JSX, expressions, ESM. */
function isMdx(node: { type: string }): boolean {
  return isJsx(node) || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm';
}

/** Every node that is, or holds, an MDX node: found in one walk of the tree. */
function mdxHolders(tree: HastRoot): WeakSet<object> {
  const holding = new WeakSet<object>();
  const mark = (node: { type: string; children?: unknown[] }): boolean => {
    let holds = isMdx(node);
    for (const child of node.children ?? []) if (mark(child as { type: string; children?: unknown[] })) holds = true;
    if (holds) holding.add(node);
    return holds;
  };
  mark(tree);
  return holding;
}

/** Appends HTML to a list of segments, joining it to the HTML before. */
function pushHtml(out: BodySegment[], html: string): void {
  if (!html) return;
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + html;
  else out.push(html);
}

/** Appends segments, joining leading HTML to the HTML before. */
function pushAll(out: BodySegment[], segments: BodySegment[]): void {
  for (const s of segments) typeof s === 'string' ? pushHtml(out, s) : out.push(s);
}

/** What turning a body into segments needs: the SOP (for messages) and the nodes holding MDX. */
interface Walk {
  doc: SopDoc;
  holding: WeakSet<object>;
}

function segmentsOf(nodes: (RootContent | ElementContent)[], walk: Walk): BodySegment[] {
  const { doc } = walk;
  const out: BodySegment[] = [];
  let run: (RootContent | ElementContent)[] = [];
  const flush = () => {
    if (run.length) pushHtml(out, toHtml({ type: 'root', children: run } as HastRoot));
    run = [];
  };
  for (const node of nodes) {
    if (!walk.holding.has(node)) {
      run.push(node);
      continue;
    }
    flush();
    const type = node.type as string;
    if (type === 'mdxFlowExpression' || type === 'mdxTextExpression') {
      const value = (node as unknown as { value: string }).value;
      if (isComment(value)) continue;
      throw new SopBodyError(`${doc.file}:${lineOf(node)}: {${value.trim()}} is a JavaScript expression; an SOP body holds text and components only`);
    }
    if (type === 'mdxjsEsm') throw new SopBodyError(`${doc.file}:${lineOf(node)}: an SOP body cannot import or export; its components need no import`);
    if (isJsx(node)) {
      if (!node.name) {
        // A fragment, <>...</>: its children stand in its place.
        pushAll(out, segmentsOf(node.children, walk));
        continue;
      }
      if (/^[a-z]/.test(node.name)) {
        // A plain HTML element written as JSX (<br />, <div class="x">).
        const props = propsOf(node, doc);
        const el: Element = { type: 'element', tagName: node.name, properties: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v === null ? undefined : v])) as Element['properties'], children: [] };
        wrap(out, el, node.children, walk);
        continue;
      }
      out.push({ name: node.name, props: propsOf(node, doc), children: segmentsOf(node.children, walk) });
      continue;
    }
    if (node.type === 'element') {
      wrap(out, node, node.children, walk);
      continue;
    }
    run.push(node);
  }
  flush();
  return out;
}

/** An element whose children hold components: its tags as HTML around its children's segments. */
function wrap(out: BodySegment[], el: Element, children: ElementContent[], walk: Walk): void {
  const html = toHtml({ ...el, children: [{ type: 'text', value: HOLE }] });
  const at = html.indexOf(HOLE);
  if (at < 0) {
    pushHtml(out, html);
    return;
  }
  pushHtml(out, html.slice(0, at));
  pushAll(out, segmentsOf(children, walk));
  pushHtml(out, html.slice(at + HOLE.length));
}
