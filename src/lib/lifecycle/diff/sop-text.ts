import type { Heading, List, Node, Parent, RootContent, Table } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
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

/** A component without children, in words: `<Ref to="#6.1" />` → `§6.1`, `<Step .../>` → `[Step: role registrar, ...]`. */
function componentLabel(node: JsxNode): string {
  const attrs = attributes(node);
  const name = node.name ?? '';
  if (name === 'Ref' && attrs.to) return attrs.to.replace(/^#/, '§').replace(/#/, ' §');
  const key = attrs.id ?? attrs.to ?? attrs.name;
  if (['Term', 'Role', 'Form', 'Param'].includes(name) && key) return key;
  const list = Object.entries(attrs).map(([k, v]) => `${k} ${v}`).join(', ');
  return `[${name}${list ? `: ${list}` : ''}]`;
}

/** The words of inline content; components without children become their label. */
function inlineText(node: Node): string {
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
      return n.children?.length ? n.children.map(inlineText).join('') : componentLabel(node as JsxNode);
    case 'mdxTextExpression':
      return '';
    default:
      return n.children ? n.children.map(inlineText).join('') : '';
  }
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text blocks of one body node: a paragraph is one, a list one per item, a table one per row. */
function blocksOf(node: Node): string[] {
  const n = node as Node & { value?: unknown; children?: Node[] };
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [clean(inlineText(node))].filter(Boolean);
    case 'list': {
      const list = node as List;
      return list.children.flatMap((item, i) => {
        const [first = '', ...rest] = item.children.flatMap(blocksOf);
        const marker = list.ordered ? `${(list.start ?? 1) + i}.` : item.checked === null || item.checked === undefined ? '•' : '☐';
        return [`${marker} ${first}`.trim(), ...rest];
      });
    }
    case 'table':
      return (node as Table).children.map((row) => row.children.map((cell) => clean(inlineText(cell))).join(' | '));
    case 'blockquote':
      return (n.children ?? []).flatMap(blocksOf);
    case 'code':
    case 'html':
      return [String(n.value ?? '')].filter((s) => s.trim());
    case 'mdxJsxFlowElement': {
      const el = node as JsxNode;
      if (!el.children?.length) return [componentLabel(el)];
      const attrs = attributes(el);
      const head = `[${el.name ?? ''}${attrs.type ? ` ${attrs.type}` : attrs.title ? `: ${attrs.title}` : ''}]`;
      return [head, ...el.children.flatMap(blocksOf)];
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
 */
export function sopText(id: string, file: string, absPath: string, source: string, edition?: SiteEdition): SopText {
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
    sections.at(-1)!.blocks.push(...blocksOf(node));
  }
  if (!sections[0]!.blocks.length) sections.shift();
  return { data: doc.data, sections };
}
