import type { Heading, List, Node, Parent, RootContent, Table } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { colon, t } from '../../../i18n/index.ts';
import { plainWords, type ComponentWords } from '../../content/component-words.ts';
import { parseSop } from '../../content/project.ts';
import { workflowCaption } from '../../workflow/caption.ts';
import { forEdition, type SiteEdition } from '../../edition.ts';
import type { SopFrontmatter } from '../../../schemas/sop.ts';
import { FIELD_SEPARATOR, type BlockShape, type TextBlock } from './text-diff.ts';

/** A numbered section of one version, as text blocks to compare. */
export interface SectionText {
  /** Dotted number: `6.2`; `0` for text before the first section. */
  number: string;
  level: number;
  title: string;
  anchor: string;
  /** The section's own text (not its subsections'), one block per paragraph, list item, step or table row. */
  blocks: TextBlock[];
}

/** One version of an SOP, reduced to what a comparison reads. */
export interface SopText {
  /** Validated frontmatter; undefined when it has errors. */
  data: SopFrontmatter | undefined;
  sections: SectionText[];
}

/** Options of `sopText`. */
export interface SopTextOptions {
  /** Leave out what this site edition leaves out (trainer notes...); everything when absent (the CLI). */
  edition?: SiteEdition;
  /** How components read (`componentWords`); without a project (`plainWords`) terms, roles and parameters read as their ids. */
  words?: ComponentWords;
  /**
   * The rows of `<StepTable workflow>` in this version (from this version's machine); the
   * table's caption alone when absent.
   */
  stepTable?: (workflow: string, lang: string) => TextBlock[] | undefined;
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

/** What reading one version needs: the words of components, its language and frontmatter. */
interface Reader {
  words: ComponentWords;
  lang: string;
  data: SopFrontmatter | undefined;
  stepTable: SopTextOptions['stepTable'];
}

/** Where a block stands: its list nesting, its box, and whether its list items are tick boxes. */
interface Place {
  depth: number;
  box?: BlockShape['box'];
  checklist?: boolean;
}

/** An inline component without children, in words: `<Ref to="#6.1" />` → `§6.1` without a project. */
function componentLabel(node: JsxNode, r: Reader): string {
  const attrs = attributes(node);
  const name = node.name ?? '';
  const said = r.words.label(name, attrs);
  if (said !== undefined) return said;
  if (name === 'Ref' && attrs.to) return attrs.to.replace(/^#/, '§').replace(/#/, ' §');
  const key = attrs.id ?? attrs.to ?? attrs.name;
  if (['Term', 'Role', 'Form', 'Param'].includes(name) && key) return key;
  const list = Object.entries(attrs).map(([k, v]) => `${k} ${r.words.value(k, v)}`).join(', ');
  return `[${name}${list ? `: ${list}` : ''}]`;
}

/** The words of inline content; components without children become their label. */
function inlineText(node: Node, r: Reader): string {
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
      return n.children?.length ? n.children.map((c) => inlineText(c, r)).join('') : componentLabel(node as JsxNode, r);
    case 'mdxTextExpression':
      return '';
    default:
      return n.children ? n.children.map((c) => inlineText(c, r)).join('') : '';
  }
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const ids = (list: string | undefined) => (list ?? '').split(/[\s,]+/).filter(Boolean);

/** A block in its place (its depth, its box). */
function block(text: string, shape: BlockShape, at: Place): TextBlock {
  return { text, ...shape, ...(at.depth && shape.depth === undefined ? { depth: at.depth } : {}), ...(at.box ? { box: at.box } : {}) };
}

/**
 * Labelled values as one block, as the page shows them beside each other: `Who: Registrar ·
 * Time limit: Same day`. Empty values are left out; a value without a label stands alone.
 * @param fields Label (without its colon) and value of each field, in order.
 * @param lang The language (its colon).
 * @param row True for a row of a table: its `columns` are every label, so the redline can print the rows as a table.
 */
export function fieldsBlock(fields: readonly (readonly [label: string, value: string | undefined])[], lang: string, row = false): Omit<TextBlock, 'depth' | 'box'> | undefined {
  const label = (name: string) => `${name}${colon(lang)} `;
  const kept = fields.filter(([, value]) => value !== undefined && clean(value) !== '');
  if (!kept.length) return undefined;
  const labels = kept.filter(([name]) => name).map(([name]) => label(name));
  const columns = row && fields.every(([name]) => name) ? fields.map(([name]) => label(name)) : undefined;
  return {
    text: kept.map(([name, value]) => (name ? `${label(name)}${clean(value!)}` : clean(value!))).join(FIELD_SEPARATOR),
    form: 'fields',
    ...(labels.length ? { labels: [...new Set(labels)] } : {}),
    ...(columns ? { columns } : {}),
  };
}

/** `<Step>`: its facts, labelled as on the page (Who, Input, Output, Time limit, Legal basis, Forms). */
function stepBlock(attrs: Record<string, string>, r: Reader): Omit<TextBlock, 'depth' | 'box'> | undefined {
  const value = (key: string) => (attrs[key] === undefined ? undefined : r.words.value(key, attrs[key]!));
  const legal = ids(attrs.legal).map((id) => {
    const entry = r.data?.legalBasis.find((l) => l.id === id);
    return entry ? `${entry.instrument}, ${entry.provision}` : id;
  });
  const forms = ids(attrs.forms).map((code) => {
    const form = r.data?.forms.find((f) => f.id === code);
    return form ? `${code} (${form.title})` : code;
  });
  return fieldsBlock(
    [
      [t('step.role', r.lang), value('role')],
      [t('step.input', r.lang), value('input')],
      [t('step.output', r.lang), value('output')],
      [t('step.time', r.lang), value('time')],
      [t('step.legal', r.lang), legal.join(t('list.semicolon', r.lang)) || undefined],
      [t('step.forms', r.lang), forms.join(t('list.separator', r.lang)) || undefined],
    ],
    r.lang,
  );
}

/** A component without children that prints a block of its own: a step, a table from the frontmatter, the diagram. */
function componentBlocks(node: JsxNode, r: Reader, at: Place): TextBlock[] {
  const attrs = attributes(node);
  const lang = r.lang;
  const place = (b: Omit<TextBlock, 'depth' | 'box'> | undefined): TextBlock[] => (b ? [block(b.text, b, at)] : []);
  switch (node.name) {
    case 'Step':
      return place(stepBlock(attrs, r));
    case 'LegalBasis':
      return (r.data?.legalBasis ?? []).flatMap((l) => place(fieldsBlock([[t('legal.instrument', lang), l.instrument], [t('legal.provision', lang), l.provision]], lang, true)));
    case 'Roles':
      return (r.data?.roles ?? []).flatMap((id) => {
        const role = r.words.role(id);
        return place(fieldsBlock([[t('roles.role', lang), role?.title ?? id], [t('roles.description', lang), role?.description]], lang, true));
      });
    case 'FormsAnnex':
      return (r.data?.forms ?? []).flatMap((form) => [
        block(`${t('forms.form', lang)} ${form.id}${colon(lang)} ${clean(form.title)}`, { form: 'title' }, at),
        ...(form.purpose.trim() ? [block(clean(r.words.value('purpose', form.purpose)), { form: 'paragraph' }, at)] : []),
        ...form.fields.map((field, i) => block(`${i + 1}. ${clean(r.words.value('field', field))}`, { form: 'item' }, { ...at, depth: at.depth + 1 })),
      ]);
    case 'StepTable': {
      const rows = attrs.workflow ? r.stepTable?.(attrs.workflow, lang) : undefined;
      const caption = block(rows ? t('handbook.steps', lang) : workflowCaption('table', lang), { form: 'title' }, at);
      return [caption, ...(rows ?? []).map((row) => block(row.text, row, at))];
    }
    case 'Workflow': {
      const title = r.data?.title ?? attrs.id ?? '';
      return place({ text: attrs.path ? t('wf.path.caption', lang, { case: attrs.path, title }) : t('handbook.workflow', lang, { title }), form: 'title' });
    }
    default: {
      const text = componentLabel(node, r);
      return text ? [block(text, { form: 'paragraph' }, at)] : [];
    }
  }
}

/** The boxes a component with children is printed in, as the SOP prints it. */
function boxOf(name: string, attrs: Record<string, string>): BlockShape['box'] {
  if (name === 'Callout') return (['note', 'warning', 'data-protection', 'fraud-risk'] as const).find((k) => k === attrs.type) ?? 'note';
  if (name === 'CaseStudy') return 'case';
  if (name === 'TrainerNote') return 'trainer';
  return undefined;
}

/** The title a component with children shows above them: a callout's, a case study's, a checklist's. */
function titleOf(name: string, attrs: Record<string, string>, r: Reader): string | undefined {
  const said = r.words.label(name, attrs);
  if (said !== undefined) return said;
  if (attrs.title) return attrs.title;
  if (name === 'TrainerNote') return t('trainer.note', r.lang);
  if (name === 'CaseStudy') return t('case.label', r.lang);
  return undefined;
}

/** The text blocks of one body node: a paragraph is one, a list one per item, a table one per row, a step one. */
function blocksOf(node: Node, r: Reader, at: Place): TextBlock[] {
  const n = node as Node & { value?: unknown; children?: Node[] };
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const text = clean(inlineText(node, r));
      return text ? [block(text, { form: node.type === 'heading' ? 'title' : 'paragraph' }, at)] : [];
    }
    case 'list': {
      const list = node as List;
      const inner: Place = { ...at, depth: at.depth + 1, checklist: false };
      return list.children.flatMap((item, i) => {
        const [first, ...rest] = item.children.flatMap((c) => blocksOf(c, r, inner));
        const marker = at.checklist || (item.checked !== null && item.checked !== undefined) ? '☐' : list.ordered ? `${(list.start ?? 1) + i}.` : '•';
        const head = first && first.depth === inner.depth && first.form === 'paragraph' ? { ...first, text: `${marker} ${first.text}`, form: 'item' as const } : undefined;
        return head ? [head, ...rest] : [block(marker, { form: 'item' }, inner), ...(first ? [first] : []), ...rest];
      });
    }
    case 'table': {
      const [header, ...rows] = (node as Table).children.map((row) => row.children.map((cell) => clean(inlineText(cell, r))));
      if (!header) return [];
      if (!rows.length) return [block(header.filter(Boolean).join(FIELD_SEPARATOR), { form: 'title' }, at)];
      return rows.flatMap((cells) => {
        const b = fieldsBlock(header.map((name, k) => [name, cells[k]] as const), r.lang, true);
        return b ? [block(b.text, b, at)] : [];
      });
    }
    case 'blockquote':
      return (n.children ?? []).flatMap((c) => blocksOf(c, r, at));
    case 'code':
    case 'html':
      return [String(n.value ?? '')].filter((s) => s.trim()).map((s) => block(s, { form: 'paragraph' }, at));
    case 'mdxJsxFlowElement': {
      const el = node as JsxNode;
      if (!el.children?.length) return componentBlocks(el, r, at);
      const name = el.name ?? '';
      const attrs = attributes(el);
      const box = boxOf(name, attrs) ?? at.box;
      const inside: Place = { ...at, ...(box ? { box } : {}), checklist: name === 'Checklist' || at.checklist };
      const title = titleOf(name, attrs, r);
      const body = el.children.flatMap((c) => blocksOf(c, r, inside));
      const all = title ? [block(title, { form: 'title' }, inside), ...body] : body;
      // A box starts at its first block, so two boxes side by side print as two.
      if (box && box !== at.box && all[0]) all[0] = { ...all[0], opens: true };
      return all;
    }
    default:
      return [];
  }
}

const isNumbered = (node: RootContent): node is Heading => node.type === 'heading' && node.depth >= 2 && node.depth <= 4;

/**
 * Reads one version of an SOP: its frontmatter (validated as `sopkit check` does) and its sections,
 * numbered as the site and the handbook number them, each with its text blocks as a reader sees
 * them: components in words (a step's facts labelled, with its legal provisions and forms from
 * this version's frontmatter; callouts and case studies by their titles; the tables the
 * frontmatter and the workflow make, row by row), lists with their markers, table rows as
 * "column: value".
 * @param id SOP id.
 * @param file Path for messages.
 * @param absPath Absolute path of the file the text belongs to.
 * @param source The text.
 * @param options The edition, the words of components, the step table of this version.
 */
export function sopText(id: string, file: string, absPath: string, source: string, options: SopTextOptions = {}): SopText {
  const { doc } = parseSop(id, file, absPath, source);
  if (!doc.tree) return { data: doc.data, sections: [] };
  const lang = doc.data?.language ?? 'en';
  const reader: Reader = { words: options.words ?? plainWords(lang), lang, data: doc.data, stepTable: options.stepTable };
  // An edition's redline leaves out what that edition leaves out (trainer notes...): numbered
  // headings are never inside such a component, so the section numbers stay the same.
  const tree = options.edition ? forEdition(doc.tree as Parent, options.edition) : (doc.tree as Parent);
  const sections: SectionText[] = [{ number: '0', level: 1, title: '', anchor: '', blocks: [] }];
  let k = 0;
  for (const node of tree.children as RootContent[]) {
    if (isNumbered(node)) {
      const s = doc.sections[k++];
      if (s) sections.push({ number: s.number, level: s.level, title: s.title, anchor: s.anchor, blocks: [] });
      continue;
    }
    sections.at(-1)!.blocks.push(...blocksOf(node, reader, { depth: 0 }));
  }
  if (!sections[0]!.blocks.length) sections.shift();
  return { data: doc.data, sections };
}
