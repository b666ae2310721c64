import type { Heading, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { markParagraphs } from './paragraph-marks.ts';
import { paramRefs, substituteParams, type ParamLookup } from '../params/substitute.ts';
import { getProject } from './cache.ts';
import type { Project } from './project.ts';
import { numberSections, type SectionData } from './sections.ts';
import { withSourceAnchors } from '../translation/localize.ts';

/** Components that need to know which SOP they are in (`<Ref to="#6.2">`, `<Roles />`...). */
const contextual = new Set(['Callout', 'Ref', 'Form', 'FormsAnnex', 'LegalBasis', 'Roles', 'Role', 'Step', 'Workflow', 'StepTable', 'Term', 'CaseStudy', 'Param']);

/** A translation of an SOP: `content/<lang>/sops/<id>.mdx`. */
const TRANSLATED_SOP = /[\\/]content[\\/][a-z]{2,3}(?:-[A-Za-z0-9]+)*[\\/]sops[\\/][^\\/]+\.mdx?$/;

/** The file's name without its extension: the SOP's id. */
function sopIdOf(path: string): string {
  return /([^/\\]+)\.mdx?$/.exec(path)?.[1] ?? '';
}

/**
 * Everything `remarkSop` reads from the project for one file, as text: what the compiled page
 * depends on besides the file itself (the MDX compile cache keys on it). The site language (the
 * page's language when its frontmatter names none), every parameter the file's text names as
 * `{param:id}` (the whole record: its value and unit in every language), and for a translation
 * the section anchors of its source SOP. Keep it in step with the plugin below.
 * @param path The file's path.
 * @param text The file's text, frontmatter included.
 * @param project The project the plugin reads (`getProject()`).
 */
export function remarkSopInputs(path: string, text: string, project: Project): string {
  const ids = [...new Set(paramRefs(text).map((r) => r.id))].sort();
  const source = TRANSLATED_SOP.test(path) ? project.sops.find((s) => s.id === sopIdOf(path)) : undefined;
  return JSON.stringify({
    language: project.site?.language ?? null,
    parameters: ids.map((id) => [id, project.parameters.get(id) ?? null]),
    anchors: source ? source.sections.map((s) => [s.number, s.anchor]) : null,
  });
}

function attr(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

/**
 * Remark plugin for the site: numbers the sections exactly as the checker and the handbook do,
 * gives each heading its stable anchor and a visible number, numbers the paragraphs of SOP pages
 * (`#p-6.2-3`, with a marker shown on hover, focus or in review mode), and tells contextual components
 * which SOP (and which occurrence) they are in through `__sop` and `__key` attributes. A
 * `{param:id}` in an attribute value becomes the parameter's text in the page's language, as
 * the print renderers do.
 */
export function remarkSop() {
  return (tree: Root, file: { path?: string; history?: string[]; data?: { astro?: { frontmatter?: { language?: unknown } } } }) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const sop = sopIdOf(path);
    const project = getProject();
    const frontmatterLanguage = file.data?.astro?.frontmatter?.language;
    const lang = typeof frontmatterLanguage === 'string' ? frontmatterLanguage : (project.site?.language ?? 'en');
    const lookup: ParamLookup = (id, c) => project.parameters.text(id, lang, c);
    const sections = numberSections(tree);
    // A translation (`content/<lang>/sops/<id>.mdx`) keeps the source's anchors, so every link
    // into a section works in every language.
    const translated = TRANSLATED_SOP.test(path);
    const source = translated ? project.sops.find((s) => s.id === sop) : undefined;
    const anchors = new Map(source ? withSourceAnchors(sections, source.sections).map((s) => [s.number, s.anchor]) : []);
    if (/[\\/]sops[\\/][^\\/]+\.mdx?$/.test(path)) markParagraphs(tree);
    visit(tree, 'heading', (node: Heading) => {
      const section = (node.data as { section?: SectionData } | undefined)?.section;
      if (!section) return;
      const data = node.data as Record<string, unknown>;
      section.anchor = anchors.get(section.number) ?? section.anchor;
      data.hProperties = { id: section.anchor, 'data-section': section.number };
      node.children.unshift({
        type: 'emphasis',
        data: { hName: 'span', hProperties: { className: ['secnum'] } },
        children: [{ type: 'text', value: section.number }],
      });
    });
    let n = 0;
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const el = node as MdxJsxFlowElement | MdxJsxTextElement;
      for (const a of el.attributes) {
        if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') a.value = substituteParams(a.value, lookup);
      }
      if (!el.name || !contextual.has(el.name)) return;
      el.attributes.push(attr('__sop', sop), attr('__key', `c${++n}`), attr('__lang', lang));
    });
  };
}
