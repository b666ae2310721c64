import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { nestingProblem } from '../../content/nesting.ts';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { notesSchema, type NotesFrontmatter } from '../../../schemas/training-notes.ts';
import { splitFrontmatter } from '../../content/frontmatter.ts';
import { validateYaml } from '../../content/validate.ts';
import { formatDiagnostic } from '../../diagnostics.ts';
import { SopkitError } from '../../errors.ts';

/** The trainer's notes: what the frontmatter says about the course as delivered, and the Markdown body. */
export interface TrainerNotes {
  file: string;
  /** Dates, venue and trainers as delivered (all optional). */
  delivered: NotesFrontmatter;
  /** The Markdown body, as written (the report renders it; the JSON output carries it). */
  markdown: string;
}

// Plain Markdown with tables (GFM), never MDX: a trainer's "< 50 %" or "{draft}" is text.
const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Reads the trainer's observations and recommendations (`--notes notes.md`): Markdown, with an
 * optional frontmatter giving the course as delivered (`dates`, `venue`, `trainers`).
 * @param text The file's text.
 * @param file File name for messages.
 * @throws SopkitError naming the file and line of a frontmatter problem.
 */
export function readNotes(text: string, file: string): TrainerNotes {
  const { yaml, body, yamlLine } = splitFrontmatter(text);
  // A first line of --- with no closing line: the dates and venue would be read as notes text.
  if (yamlLine === 1 && /^\uFEFF?---[ \t]*\r?\n/.test(text)) {
    throw new SopkitError('notes/frontmatter', `${file}:1:1: the frontmatter opened on line 1 is not closed: end it with a line of three dashes (---) before the notes' text`);
  }
  let delivered: NotesFrontmatter = {};
  if (yaml.trim()) {
    const validated = validateYaml(yaml, notesSchema, file, 'notes/frontmatter', yamlLine);
    const first = validated.diagnostics[0];
    if (first || !validated.value) throw new SopkitError('notes/frontmatter', first ? formatDiagnostic(first) : `${file}: the frontmatter is not valid`);
    delivered = validated.value;
  }
  // Nesting too deep is refused before the parser and the renderers see it, as in an SOP: a few
  // thousand quote levels overflowed the stack, and some hundreds of nested lists took minutes.
  const deep = nestingProblem(body);
  if (deep) throw new SopkitError('notes/too-deep', `${file}:${deep.at.line}:${deep.at.column}: ${deep.message}`);
  return { file, delivered, markdown: body.replace(/^\n+/, '') };
}

/** The notes' body as mdast (plain Markdown and GFM tables), for the PDF and the HTML. */
export function notesTree(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

/** Web and mail addresses, and paths on the site; anything else (`javascript:`, `data:`, `#x`) is not a link in the report. */
const SAFE_URL = /^(?:https?:\/\/|mailto:|\/(?!\/))/i;

/**
 * The notes as mdast ready for the report: headings start at `level` (the section's heading is
 * above them), links other than web, mail and site addresses become their text (in italics),
 * images become their description, raw HTML is dropped.
 * @param markdown The notes' body.
 * @param level The heading depth of the notes' top headings (`#`), from 2 to 6.
 * @param pageUrl The web address of a path on the site (`reportPageUrl`), for the HTML: left as a
 *   path, `/sops/x/` in report.html opened from a folder went nowhere, and to the English page.
 */
export function reportNotesTree(markdown: string, level: number, pageUrl?: (path: string) => string): Root {
  const tree = notesTree(markdown);
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'heading') node.depth = Math.min(6, node.depth + level - 1) as typeof node.depth;
    if (node.type === 'html') {
      parent.children.splice(index, 1);
      return index;
    }
    if ((node.type === 'link' && !SAFE_URL.test(node.url.trim())) || node.type === 'image') {
      const replacement = node.type === 'image' ? { type: 'emphasis' as const, children: [{ type: 'text' as const, value: node.alt ? `[${node.alt}]` : '' }] } : { type: 'emphasis' as const, children: node.children };
      parent.children.splice(index, 1, replacement as never);
      return undefined;
    }
    if (node.type === 'link' && pageUrl && /^\/(?!\/)/.test(node.url.trim())) node.url = pageUrl(node.url.trim());
    return undefined;
  });
  return tree;
}

/**
 * The notes as an HTML fragment, safe to put in a page (`reportNotesTree`; every text escaped).
 * @param markdown The notes' body.
 * @param level The level of the notes' top headings (`#`), from 2 to 6.
 * @param pageUrl The web address of a path on the site (`reportPageUrl`); without it, paths stay as written.
 */
export function notesHtml(markdown: string, level = 3, pageUrl?: (path: string) => string): string {
  // Without allowDangerousHtml, to-hast leaves any raw HTML out and to-html escapes every text.
  return toHtml(toHast(reportNotesTree(markdown, level, pageUrl)));
}
