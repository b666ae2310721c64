import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.ts';
import { nestingProblem } from './nesting.ts';
import { cachedParse } from './parse-cache.ts';
import { isLiteral, literal } from './mdx-literals.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** A thrown MDX syntax error, with its position. */
export interface MdxSyntaxError {
  message: string;
  at: Position;
  /** `mdx/too-deep` when the body nests too deep to be parsed (`nesting.ts`); a syntax error has none. */
  code?: 'mdx/too-deep';
}

/**
 * The diagnostic for what `parseMdx` refused: `mdx/too-deep`, or `mdx/syntax` with the parser's reason.
 * @param file Path of the file, relative to the project root.
 * @param error What `parseMdx` returned.
 */
export function mdxErrorDiagnostic(file: string, error: MdxSyntaxError): Diagnostic {
  return error.code ? diagnostic('error', error.code, file, error.message, error.at) : diagnostic('error', 'mdx/syntax', file, `MDX syntax: ${error.message}`, error.at);
}

/**
 * Parses an MDX body into mdast with positions (remark-mdx, remark-gfm); an unchanged text is
 * read back from the parse cache (`parse-cache.ts`) instead of parsed again.
 * @returns The tree, or the syntax error the MDX compiler would also raise.
 */
export function parseMdx(body: string): { tree: Root } | { error: MdxSyntaxError } {
  let error: MdxSyntaxError | undefined;
  const tree = cachedParse(body, () => {
    // Nesting too deep is refused before the parser sees it: its time grows faster than the
    // depth (minutes), and past some thousands of levels it overflows the stack.
    const deep = nestingProblem(body);
    if (deep) {
      error = { ...deep, code: 'mdx/too-deep' };
      return undefined;
    }
    try {
      return parser.runSync(parser.parse(body)) as Root;
    } catch (cause) {
      // A stack overflow is too deep a nesting that the line scan did not see.
      error =
        cause instanceof RangeError && /call stack/i.test(cause.message)
          ? { message: `the text is nested too deep to read (lists, quotes, components or braces inside each other); flatten it`, at: { line: 1, column: 1 }, code: 'mdx/too-deep' }
          : syntaxError(cause, body);
      return undefined;
    }
  });
  return tree ? { tree } : { error: error ?? { message: 'unreadable MDX', at: { line: 1, column: 1 } } };
}

/**
 * The position and reason of what the parser threw, with a hint for the slips authors make most:
 * a `<` in running text (`aged <5`), `{param:id}` in text (it works only in attributes), and an
 * unclosed component, which the parser reports at 1:1 with the opening tag's place in its message.
 */
function syntaxError(cause: unknown, body: string): MdxSyntaxError {
  const e = cause as { reason?: string; message?: string; line?: number; column?: number; place?: unknown };
  const place = e.place as { line?: number; column?: number; start?: { line: number; column: number } } | undefined;
  let at = place?.start ?? { line: place?.line ?? e.line ?? 1, column: place?.column ?? e.column ?? 1 };
  const reason = e.reason ?? e.message ?? String(cause);
  let hint = '';
  const opened = /^Expected a closing tag for `<[^>]*>` \((\d+):(\d+)-/.exec(reason);
  if (opened) {
    at = { line: Number(opened[1]), column: Number(opened[2]) };
    hint = '; close it (</Name>) or write it self-closing (<Name ... />)';
  } else if (/before name, expected a character that can start a name/.test(reason)) {
    hint = '; a < in text starts a component: write &lt; or say it in words ("under 5")';
  } else if (/Could not parse expression with acorn/.test(reason) && /\{\s*param:/.test(body.split('\n')[at.line - 1] ?? '')) {
    hint = '; {param:id} works only inside an attribute (time="{param:id}"): in text write <Param id="id" />';
  }
  return { message: `${reason}${hint}`, at };
}

/** A JSX element as used in content (`<Term id="x" />`). */
export interface ComponentUse {
  name: string;
  /** String attributes; a literal expression (`{false}`) as its value's text, other expressions as their source text. */
  attributes: Record<string, string>;
  at: Position;
  node: MdxJsxFlowElement | MdxJsxTextElement;
}

/** Every JSX element in the tree, in document order. */
export function componentUses(tree: Root): ComponentUse[] {
  const uses: ComponentUse[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const el = node as MdxJsxFlowElement | MdxJsxTextElement;
    if (!el.name) return;
    const attributes: Record<string, string> = {};
    for (const attr of el.attributes) {
      if (attr.type !== 'mdxJsxAttribute') continue;
      if (typeof attr.value === 'string') attributes[attr.name] = attr.value;
      else if (attr.value === null || attr.value === undefined) attributes[attr.name] = 'true';
      else {
        // A literal written as an expression (`to={"#6.1"}`) is checked as its value.
        const source = attr.value.value;
        attributes[attr.name] = isLiteral(source) ? String(literal(source) ?? '') : source;
      }
    }
    const start = el.position?.start;
    uses.push({
      name: el.name,
      attributes,
      at: { line: start?.line ?? 1, column: start?.column ?? 1 },
      node: el,
    });
  });
  return uses;
}
