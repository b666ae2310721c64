import type { Heading, List, PhrasingContent, RootContent, Table } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { imagePath, insideProject, readImage } from '../content/images.ts';
import { paragraphOf } from '../content/paragraphs.ts';
import type { SectionData } from '../content/sections.ts';
import { substituteParams, type ParamLookup } from '../params/substitute.ts';
import type { Block, Cell } from './blocks.ts';
import { printRenderers } from './components/index.ts';
import { inEdition } from './editions.ts';
import { collapse, run, withStyle, type Inline } from './inline.ts';
import { anchors, type PrintContext } from './print-context.ts';
import { isWorksheet } from './table.ts';

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** String attributes of a JSX element (expressions as their source). */
export function attributesOf(node: Jsx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute') continue;
    out[a.name] = typeof a.value === 'string' ? a.value : a.value == null ? 'true' : a.value.value;
  }
  return out;
}

/** Attributes as printed: `{param:id}` replaced by the parameter's value in the document's language. */
function printAttributes(node: Jsx, ctx: PrintContext): Record<string, string> {
  const lookup: ParamLookup = (id, c) => ctx.project.parameters.text(id, ctx.lang, c);
  return Object.fromEntries(Object.entries(attributesOf(node)).map(([k, v]) => [k, substituteParams(v, lookup)]));
}

function linkTarget(url: string, ctx: PrintContext) {
  if (url.startsWith('#')) return ctx.sectionLink(ctx.sop.id, url.slice(1));
  const sop = /^\/sops\/([a-z0-9-]+)\/?(?:#(.+))?$/.exec(url);
  if (sop) return ctx.sectionLink(sop[1]!, sop[2]);
  if (url.startsWith('/')) return { uri: ctx.pageUrl(url) };
  return { uri: url };
}

/** Phrasing content → inline runs in a face. */
export function toInlines(nodes: readonly unknown[], ctx: PrintContext, style: Inline['style'] = 'regular'): Inline[] {
  const out: Inline[] = [];
  for (const raw of nodes) {
    const node = raw as PhrasingContent | MdxJsxTextElement;
    switch (node.type) {
      case 'text':
        out.push(run(node.value, style));
        break;
      case 'strong':
        out.push(...toInlines(node.children, ctx, withStyle(style, 'bold')));
        break;
      case 'emphasis':
        out.push(...toInlines(node.children, ctx, withStyle(style, 'italic')));
        break;
      case 'delete':
        out.push(...toInlines(node.children, ctx, style));
        break;
      case 'inlineCode':
        out.push(run(node.value, style, { code: true }));
        break;
      case 'break':
        out.push(run('\n', style));
        break;
      case 'link': {
        const link = linkTarget(node.url, ctx);
        out.push(...toInlines(node.children, ctx, style).map((i) => ({ ...i, link })));
        break;
      }
      case 'image':
        out.push(run(node.alt ?? '', withStyle(style, 'italic')));
        break;
      case 'mdxJsxTextElement': {
        if (!node.name || !inEdition(node.name, ctx.edition)) break;
        const renderer = printRenderers[node.name];
        if (renderer?.inline) out.push(...renderer.inline(printAttributes(node, ctx), node, ctx, style));
        else out.push(...toInlines(node.children, ctx, style));
        break;
      }
      default:
        if ('children' in node && Array.isArray(node.children)) out.push(...toInlines(node.children, ctx, style));
    }
  }
  return out;
}

function heading(node: Heading, ctx: PrintContext): Block {
  const section = (node.data as { section?: SectionData } | undefined)?.section;
  return {
    kind: 'heading',
    level: Math.min(Math.max(node.depth - 1, 1), 4),
    number: section?.number,
    inlines: collapse(toInlines(node.children, ctx)),
    anchor: section ? anchors.section(ctx.sop.id, section.anchor) : undefined,
    toc: section ? node.depth <= 3 : false,
  };
}

/** The margin marker of a numbered paragraph, when the context prints them. */
function markOf(node: unknown, ctx: PrintContext): Block[] {
  const p = ctx.paragraphMarks ? paragraphOf(node) : undefined;
  return p ? [{ kind: 'mark', label: p.label }] : [];
}

function list(node: List, ctx: PrintContext): Block {
  const checkboxes = node.children.some((item) => typeof item.checked === 'boolean');
  return {
    kind: 'list',
    ordered: Boolean(node.ordered),
    start: node.start ?? 1,
    checkboxes,
    items: node.children.map((item) => [...markOf(item, ctx), ...toBlocks(item.children, ctx)]),
  };
}

function table(node: Table, ctx: PrintContext): Block {
  const rows: Cell[][] = node.children.map((row) => row.children.map((cell) => ({ inlines: collapse(toInlines(cell.children, ctx)) })));
  const [header, ...body] = rows;
  const block: Block = { kind: 'table', header: header ? [header] : [], rows: body, align: (node.align ?? []).map((a) => a ?? 'left') };
  // An exercise's grid (a column left blank in every row) prints with room to write by pen.
  return isWorksheet(body) ? { ...block, worksheet: true } : block;
}

function image(url: string, alt: string, ctx: PrintContext): Block {
  // The check names a missing, damaged or unprintable file (mdx/image-*); the PDF prints its description.
  const path = imagePath(url, ctx.project.root, ctx.sop.absPath);
  const read = path === undefined || !insideProject(ctx.project.root, path) ? undefined : readImage(path);
  if (!read?.ok || (read.format !== 'png' && read.format !== 'jpg')) return { kind: 'paragraph', inlines: [run(`[${alt || url}]`, 'italic')] };
  return { kind: 'image', bytes: read.bytes, format: read.format, alt, width: read.width * 0.75, height: read.height * 0.75 };
}

function jsxBlock(node: MdxJsxFlowElement, ctx: PrintContext): Block[] {
  if (!node.name) return toBlocks(node.children, ctx);
  if (!inEdition(node.name, ctx.edition)) return [];
  const renderer = printRenderers[node.name];
  if (renderer?.block) return renderer.block(printAttributes(node, ctx), node, ctx);
  if (renderer?.inline) return [{ kind: 'paragraph', inlines: collapse(renderer.inline(printAttributes(node, ctx), node, ctx, 'regular')) }];
  return toBlocks(node.children, ctx);
}

/**
 * Flow content (an SOP body, a component's children) → blocks: numbered headings with their
 * anchors, paragraphs, lists (task lists get boxes), tables, code, images, and components through
 * their print renderers, leaving out what the edition does not include.
 * @param nodes mdast flow nodes.
 * @param ctx The print context.
 */
export function toBlocks(nodes: readonly unknown[], ctx: PrintContext): Block[] {
  const out: Block[] = [];
  for (const raw of nodes) {
    const node = raw as RootContent;
    out.push(...markOf(node, ctx));
    switch (node.type) {
      case 'heading':
        out.push(heading(node, ctx));
        break;
      case 'paragraph': {
        const only = node.children.length === 1 ? node.children[0] : undefined;
        if (only?.type === 'image') out.push(image(only.url, only.alt ?? '', ctx));
        else {
          const inlines = collapse(toInlines(node.children, ctx));
          if (inlines.length) out.push({ kind: 'paragraph', inlines });
        }
        break;
      }
      case 'list':
        out.push(list(node, ctx));
        break;
      case 'table':
        out.push(table(node, ctx));
        break;
      case 'blockquote':
        out.push({ kind: 'box', tone: 'note', children: toBlocks(node.children, ctx) });
        break;
      case 'code':
        out.push({ kind: 'code', text: node.value });
        break;
      case 'thematicBreak':
        out.push({ kind: 'rule' });
        break;
      case 'mdxJsxFlowElement':
        out.push(...jsxBlock(node, ctx));
        break;
      default:
        if ('children' in node && Array.isArray(node.children) && node.type !== 'footnoteDefinition') out.push(...toBlocks(node.children, ctx));
        else if (node.type === 'html' && toString(node).trim()) break;
    }
  }
  return out;
}
