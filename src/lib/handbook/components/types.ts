import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Block } from '../blocks.ts';
import type { Inline } from '../inline.ts';
import type { PrintContext } from '../print-context.ts';

/**
 * The print renderer of an MDX component (every component has a web and a print
 * renderer). `block` renders it as flow content, `inline` inside a paragraph; a component used as
 * flow with only an inline renderer becomes a paragraph.
 */
export interface PrintRenderer {
  block?(attrs: Record<string, string>, node: MdxJsxFlowElement, ctx: PrintContext): Block[];
  inline?(attrs: Record<string, string>, node: MdxJsxTextElement | MdxJsxFlowElement, ctx: PrintContext, style: Inline['style']): Inline[];
}
