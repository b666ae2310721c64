import type { Heading, List, Node, Parent, RootContent, Table } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import type { ComponentWords } from '../../content/component-words.ts';
import { parseSop } from '../../content/project.ts';
import { forEdition, type SiteEdition } from '../../edition.ts';
import type { SopFrontmatter } from '../../../schemas/sop.ts';

/** A numbered section of one version, as text blocks to compare. */
export interface SectionText {
  /** Dotted number: `6.2`; `0` for text before the first section. */
  number: string;
  level: number;
  title: string;
  anchor: string;
  /** The section's own text (not its subsections'), one string per paragraph, list item or table row. */
  blocks: string[];
}

/** One version of an SOP, reduced to what a comparison reads. */
export interface SopText {
  /** Validated frontmatter; undefined when it has errors. */
  data: SopFrontmatter | undefined;
  sections: SectionText[];
}

type JsxNode = Node & { name?: string | null; attributes?: (MdxJsxAttribute | MdxJsxExpressionAttribute)[]; children?: Node[] };

function attributes(node: JsxNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute') continue;
    out[a.name] = typeof a.value === 'string' ? a.value : a.value === null || a.value === undefined ? 'true' : a.value.value;
  }
  return out;
}

const idsOnly: ComponentWords = { label: () => undefined, value: (_key, value) => value };

/** A component without children, in words: `<Ref to="#6.1" />` → `§6.1`, `<Step .../>` → `[Step: role Registrar, ...]`. */
function componentLabel(node: JsxNode, words: ComponentWords): string {
  const attrs = attributes(node);
  const name = node.name ?? '';
  const said = words.label(name, attrs);
  if (said !== undefined) return said;
  if (name === 'Ref' && attrs.to) return attrs.to.replace(/^#/, '§').replace(/#/, ' §');
  const key = attrs.id ?? attrs.to ?? attrs.name;
  if (['Term', 'Role', 'Form', 'Param'].includes(name) && key) return key;
  const list = Object.entries(attrs).map(([k, v]) => `${k} ${words.value(k, v)}`).join(', ');
  return `[${name}${list ? `: ${list}` : ''}]`;
}

/** The words of inline content; components without children become their label. */
function inlineText(node: Node, words: ComponentWords): string {
  const n = node as Node & { value?: unknown; children?: Node[]; alt?: string };
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return String(n.value ?? '');
    case 'break':
      return ' ';
    case 'image':
      return n.alt ?? '';
    case 'mdxJsxTextElement':
      return n.children?.length ? n.children.map((c) => inlineText(c, words)).join('') : componentLabel(node as JsxNode, words);
    case 'mdxTextExpression':
      return '';
    default:
      return n.children ? n.children.map((c) => inlineText(c, words)).join('') : '';
  }
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text blocks of one body node: a paragraph is one, a list one per item, a table one per row. */
function blocksOf(node: Node, words: ComponentWords): string[] {
  const n = node as Node & { value?: unknown; children?: Node[] };
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [clean(inlineText(node, words))].filter(Boolean);
    case 'list': {
      const list = node as List;
      return list.children.flatMap((item, i) => {
        const [first = '', ...rest] = item.children.flatMap((c) => blocksOf(c, words));
        const marker = list.ordered ? `${(list.start ?? 1) + i}.` : item.checked === null || item.checked === undefined ? '•' : '☐';
        return [`${marker} ${first}`.trim(), ...rest];
      });
    }
    case 'table':
      return (node as Table).children.map((row) => row.children.map((cell) => clean(inlineText(cell, words))).join(' | '));
    case 'blockquote':
      return (n.children ?? []).flatMap((c) => blocksOf(c, words));
    case 'code':
    case 'html':
      return [String(n.value ?? '')].filter((s) => s.trim());
    case 'mdxJsxFlowElement': {
      const el = node as JsxNode;
      if (!el.children?.length) return [componentLabel(el, words)];
      const attrs = attributes(el);
      const said = words.label(el.name ?? '', attrs);
      const head = said !== undefined ? `[${said}]` : `[${el.name ?? ''}${attrs.type ? ` ${attrs.type}` : attrs.title ? `: ${attrs.title}` : ''}]`;
      return [head, ...el.children.flatMap((c) => blocksOf(c, words))];
    }
    default:
      return [];
  }
}

const isNumbered = (node: RootContent): node is Heading => node.type === 'heading' && node.depth >= 2 && node.depth <= 4;

/**
 * Reads one version of an SOP: its frontmatter (validated as `sopkit check` does) and its sections,
 * numbered as the site and the handbook number them, each with its text blocks.
 * @param id SOP id.
 * @param file Path for messages.
 * @param absPath Absolute path of the file the text belongs to.
 * @param source The text.
 * @param edition The site edition the comparison is for; everything when absent (the CLI).
 * @param words How components read (`componentWords`); their ids when absent.
 */
export function sopText(id: string, file: string, absPath: string, source: string, edition?: SiteEdition, words: ComponentWords = idsOnly): SopText {
  const { doc } = parseSop(id, file, absPath, source);
  if (!doc.tree) return { data: doc.data, sections: [] };
  // The participant edition's redline leaves out what that edition leaves out (trainer notes...):
  // numbered headings are never inside such a component, so the section numbers stay the same.
  const tree = edition ? forEdition(doc.tree as Parent, edition) : (doc.tree as Parent);
  const sections: SectionText[] = [{ number: '0', level: 1, title: '', anchor: '', blocks: [] }];
  let k = 0;
  for (const node of tree.children as RootContent[]) {
    if (isNumbered(node)) {
      const s = doc.sections[k++];
      if (s) sections.push({ number: s.number, level: s.level, title: s.title, anchor: s.anchor, blocks: [] });
      continue;
    }
    sections.at(-1)!.blocks.push(...blocksOf(node, words));
  }
  if (!sections[0]!.blocks.length) sections.shift();
  return { data: doc.data, sections };
}
