import type { RootContent } from 'mdast';
import { componentWords } from '../content/component-words.ts';
import type { Project } from '../content/project.ts';
import type { SectionData } from '../content/sections.ts';
import { forEdition, type SiteEdition } from '../edition.ts';
import { colon, t, type UiKey } from '../../i18n/index.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { jsxAttributes, trainingAnchors } from '../training/outline.ts';
import { kindLabels } from './hits.ts';
import { jobAidWorkflows, workflowKey, workflowsIn, type WorkflowTexts } from './workflow-texts.ts';
import { isTranslated, projectIn } from '../translation/localize.ts';
import { localePath } from '../translation/routes.ts';

/** One searchable unit: a whole SOP or module, a numbered section of an SOP, a session of a module (or an activity, case study, handout or job aid in it), or a glossary term. */
export interface SearchDoc {
  /** Unique key: `<sop>#<anchor>`, `modules/<module>#<anchor>` (`session-<n>`, `case-study-<n>`…; `…#` for a whole one) or `glossary#<id>`. */
  id: string;
  /** Site path (without the base) to open. */
  path: string;
  /** What the result shows as its title: `SOP-CR-01 §6.3 Late registration`, `M2 Session 4 · Counting the days`. */
  title: string;
  /** The SOP's or module's title, or the word for its kind ("Glossary", "Procedures", "Training"). */
  context: string;
  /** The text to index. */
  text: string;
  /**
   * The words of the title that say where the document is in its SOP or module ("§6.3",
   * "Session 4"): indexed in a field of their own, of lower weight, not as title words. Every
   * session's title began "Session N", so "session" weighed as a title word in every session
   * ("fraud session" ranked a pre-test session above the SOP sections on fraud), and "session 3"
   * needs the sessions 3 above the SOPs' "§3 Legal basis", whose 3 weighed as a title word.
   */
  label?: string;
  /**
   * The text its excerpt starts from, where that differs from `text`: a table's rows without
   * its header, each cell set apart by " · " (`leadText`). A fraud-risk section's result showed
   * "risk how it happens controls in this SOP Forged parental documents A parent's…".
   */
  lead?: string;
}

/** The words a self-closing component reads as on the page: `(name, id)` to its text; a `<Param>` also gives its `case`. */
type ComponentWords = (name: string, id: string, grammaticalCase?: string) => string | undefined;

/** What the text reader reads of an mdast node. */
type Node = { type?: string; name?: string | null; value?: unknown; alt?: unknown; children?: unknown; attributes?: { name?: string; value?: unknown }[]; position?: { start?: { line?: number; column?: number } } };

/**
 * Nodes the page shows as boxes of their own (mdast's flow content, table rows and cells, list
 * items, a hard line break): their text is set apart by a space, as the reader sees it apart.
 * `mdast-util-to-string` joins them with nothing, so a table's cells ran together in the excerpt
 * ("recordwherekept for…") and were indexed as one word: "kept" did not find the table.
 */
const SEPARATE = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'code', 'html', 'math', 'thematicBreak', 'definition', 'footnoteDefinition', 'mdxJsxFlowElement', 'mdxFlowExpression', 'break']);

/**
 * White space a line may break at, folded to one space in a document's text; the no-break, narrow
 * no-break, figure and thin spaces stay, as the page shows them: they hold a French number's
 * digit groups (`10 000`), which the index joins (`joinDigitGroups`), and were made plain spaces,
 * which part two numbers (`30 365`, two cells).
 */
const BREAKABLE_SPACE = /(?:(?![\u00a0\u202f\u2007\u2009])\s)+/g;

const NO_TITLES: ReadonlyMap<string, readonly string[]> = new Map();

/**
 * Text of a node the way a reader sees it: JSX component text is kept, attributes are not, and a
 * self-closing `<Param id>`, `<Term id>`, `<Role id>`, `<Form id>` or `<Ref to>` reads as the page
 * shows it ("90 days", "notification", "registrar", "Form BR-01", "SOP-CR-02 §6 Procedure"). The same text as
 * `mdast-util-to-string` (image alt text and HTML included) on a copy of the node with those
 * components filled in, read without copying the node, except that block-level units (paragraphs,
 * headings, list items, table cells and rows, flow components) are separated by a space.
 */
function nodeText(node: RootContent, words: ComponentWords = () => undefined, titled: ReadonlyMap<string, readonly string[]> = NO_TITLES, apart: Apart = () => false): string {
  return readerText(node, words, titled, apart).replace(BREAKABLE_SPACE, ' ').trim();
}

/**
 * A node's text as an excerpt shows it: as `nodeText`, except that each table (at any depth)
 * reads without its header row, the column names the reader of an excerpt cannot see as
 * such, and with its cells set apart by " · ". `apart` must have no side effect here: it is
 * asked again of the nodes `nodeText` already read.
 */
function leadText(node: RootContent | readonly unknown[], words: ComponentWords, titled: ReadonlyMap<string, readonly string[]> = NO_TITLES, apart: Apart = () => false): string {
  return readerText(node, words, titled, apart, true).replace(BREAKABLE_SPACE, ' ').trim();
}

/**
 * Adds a node's text to a document, and its excerpt's text (`lead`): the document keeps a `lead`
 * of its own from the first node whose two texts differ (one with a table).
 */
function append(doc: SearchDoc, text: string, lead: string): void {
  if (lead !== text && doc.lead === undefined) doc.lead = doc.text;
  if (text) doc.text += (doc.text ? ' ' : '') + text;
  if (doc.lead !== undefined && lead) doc.lead += (doc.lead ? ' ' : '') + lead;
}

/** Whether a node has a table in it: only then is its excerpt's text (`leadText`) its own. */
function hasTable(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasTable);
  if (!value || typeof value !== 'object') return false;
  const node = value as Node;
  return node.type === 'table' || hasTable(node.children);
}

/** Whether a node is read apart, as a document of its own (`moduleDocuments`): its text is left out of the text being read. */
type Apart = (node: Node) => boolean;

/**
 * The parts of a module whose attributes the page shows as text: the `title` it heads a slide,
 * an activity, a case study, a handout or a trainer note with, and an activity's facts (its
 * group, the materials a trainee brings or is handed, what it produces). A module's search text
 * reads them before the part's own text, as the reader sees them; an SOP's text is read without
 * them. An activity's materials were not indexed: "calculator" did not find the audit exercise.
 */
const MODULE_TITLED: ReadonlyMap<string, readonly string[]> = new Map([
  ['Slide', ['title']],
  ['Activity', ['title', 'group', 'materials', 'output']],
  ['CaseStudy', ['title']],
  ['Handout', ['title']],
  ['TrainerNote', ['title']],
]);

function readerText(value: unknown, words: ComponentWords, titled: ReadonlyMap<string, readonly string[]>, apart: Apart = () => false, lead = false): string {
  if (Array.isArray(value)) return value.map((child) => readerText(child, words, titled, apart, lead)).join('');
  if (!value || typeof value !== 'object') return '';
  const node = value as Node;
  if (apart(node)) return ' ';
  if (lead && node.type === 'table' && Array.isArray(node.children)) {
    const cells = (node.children as Node[]).slice(1).flatMap((row) => (Array.isArray(row.children) ? (row.children as Node[]) : []));
    const texts = cells.map((cell) => readerText(cell.children, words, titled, apart, lead).replace(BREAKABLE_SPACE, ' ').trim()).filter(Boolean);
    return ` ${texts.join(' · ')} `;
  }
  const text = inlineText(node, words, titled, apart, lead);
  return node.type && SEPARATE.has(node.type) ? ` ${text} ` : text;
}

/** A node's own text, its children's joined by `readerText`. */
function inlineText(node: Node, words: ComponentWords, titled: ReadonlyMap<string, readonly string[]>, apart: Apart, lead = false): string {
  if ('value' in node) return node.value as string;
  const shown = node.type === 'mdxJsxFlowElement' && node.name ? titled.get(node.name) : undefined;
  if (shown) {
    const values = shown.map((name) => node.attributes?.find((a) => a.name === name)?.value).filter((v): v is string => typeof v === 'string' && v !== '');
    if (values.length) return ` ${values.join(' ')} ${readerText(node.children, words, titled, apart, lead)}`;
  }
  if ('alt' in node && node.alt) return node.alt as string;
  const empty = !Array.isArray(node.children) || node.children.length === 0;
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name && (empty || node.name === 'Param')) {
    const id = node.attributes?.find((a) => a.name === (node.name === 'Ref' ? 'to' : 'id'))?.value;
    if (typeof id === 'string') {
      const grammaticalCase = node.attributes?.find((a) => a.name === 'case')?.value;
      const text = words(node.name, id, typeof grammaticalCase === 'string' ? grammaticalCase : undefined);
      if (text !== undefined || node.name === 'Param') return text ?? '';
    }
  }
  if ('children' in node) return readerText(node.children, words, titled, apart, lead);
  return '';
}

/** The word a module page heads each block that has an anchor of its own with ("Activity", "Case study", "Handout"). */
const BLOCK_LABELS = { activities: 'training.activity', caseStudies: 'case.label', handouts: 'training.handout' } as const;

/**
 * The activities, case studies and handouts of a module's sessions, by their node's position in
 * the module's source (the copy `forEdition` makes keeps it): the anchor the module page gives each
 * (`Activity.astro`, `CaseStudy.astro`, `Handout.astro`, numbered as `outlineOf` numbers them, over
 * the whole module, whatever the edition leaves out) and the word the page heads it with. A hit
 * in a case study landed at the top of its session, a screen or more above it.
 */
function blockAnchors(mod: ModuleDoc): Map<object, { anchor: string; label: (typeof BLOCK_LABELS)[keyof typeof BLOCK_LABELS] }> {
  const anchors = new Map<object, { anchor: string; label: (typeof BLOCK_LABELS)[keyof typeof BLOCK_LABELS] }>();
  const add = (node: { position?: object }, anchor: string, label: (typeof BLOCK_LABELS)[keyof typeof BLOCK_LABELS]) => {
    if (node.position) anchors.set(node.position, { anchor, label });
  };
  for (const session of mod.outline.sessions) {
    for (const a of session.activities) add(a.node, trainingAnchors.activity(a.n), BLOCK_LABELS.activities);
    for (const c of session.caseStudies) add(c.node, trainingAnchors.caseStudy(c.n), BLOCK_LABELS.caseStudies);
    // A handout without an id has no anchor: its words stay in its session's text.
    for (const h of session.handouts) if (h.id) add(h.node, trainingAnchors.handout(h.id), BLOCK_LABELS.handouts);
  }
  return anchors;
}

/**
 * A training module's documents: the whole module (its summary and objectives, under the word for
 * training as an SOP's is under the word for procedures) and each of its sessions, with what the
 * module page shows of it in the edition (slides, activities, case studies and their questions,
 * handouts; in the trainer edition only, speaker notes, facilitator keys and trainer notes: the
 * tree goes through `forEdition` first), linking to the session's heading on the page. Each
 * activity, case study and handout of a session is a document of its own, after its session's,
 * at its anchor on the page (`blockAnchors`), headed as the page heads it ("M2 Case study: …"),
 * its text (an activity's facts, then what it holds) out of its session's.
 * Quizzes and evaluation forms are pages of their own, not part of a module's text.
 * @param view The project in the index's language.
 * @param mod The module (or its translation) to index.
 * @param edition The edition of the site the index is for.
 * @param language The index's language: the UI words of the hit (its kind, "Session 4").
 * @param at The path of a page in the index's language.
 */
function moduleDocuments(view: Project, mod: ModuleDoc, edition: SiteEdition, language: string, at: (path: string) => string, tableTexts: WorkflowTexts): SearchDoc[] {
  const data = mod.data!;
  const shown = componentWords(view, data.language ?? language, mod.id);
  const words: ComponentWords = (name, id, grammaticalCase) => {
    if (name === 'Param') return shown.label(name, grammaticalCase ? { id, case: grammaticalCase } : { id });
    if (name === 'Term' || name === 'Role' || name === 'Ref') return shown.label(name, name === 'Ref' ? { to: id } : { id });
    return undefined;
  };
  const whole: SearchDoc = {
    id: `modules/${mod.id}#`,
    path: at(`/modules/${mod.id}/`),
    title: `${data.code} ${data.title}`,
    context: t(kindLabels.module, language),
    text: [data.summary, ...data.objectives.map((o) => o.text)].join(' '),
  };
  const docs = [whole];
  const blocks = blockAnchors(mod);
  const blockLang = data.language ?? language;
  let session = 0;
  let current: SearchDoc | undefined;
  for (const node of forEdition(mod.tree!, edition).children) {
    // Sessions are numbered as `outlineOf` numbers them: the top-level `<Session>`s, in order.
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Session') {
      const anchor = trainingAnchors.session(++session);
      const label = t('training.session', language, { n: session });
      current = {
        id: `modules/${mod.id}#${anchor}`,
        path: at(`/modules/${mod.id}/#${anchor}`),
        title: `${data.code} ${label} · ${jsxAttributes(node).title ?? ''}`.trim(),
        context: data.title,
        text: '',
        label,
      };
      docs.push(current);
    }
    // The activities, case studies and handouts in it, read apart: each is a document of its
    // own, at its anchor on the page (`blockAnchors`), after its session's.
    const apart: Node[] = [];
    const isBlock: Apart = (n) => !!n.position && blocks.has(n.position);
    const isApart: Apart = (n) => isBlock(n) && apart.push(n) > 0;
    // A step table's words (`workflowTexts`) in its session's text, as an SOP's are in its section's.
    const steps = workflowsIn(node, 'StepTable').flatMap((workflow) => tableTexts.get(workflowKey(blockLang, workflow))?.text ?? []);
    const text = [nodeText(node, words, MODULE_TITLED, isApart), ...steps].filter(Boolean).join(' ');
    const lead = hasTable(node) ? [leadText(node, words, MODULE_TITLED, isBlock), ...steps].filter(Boolean).join(' ') : text;
    append(current ?? whole, text, lead);
    for (let i = 0; i < apart.length; i++) {
      const block = apart[i]!;
      const { anchor, label } = blocks.get(block.position!)!;
      const facts = (MODULE_TITLED.get(block.name!) ?? []).filter((name) => name !== 'title').flatMap((name) => ((value) => (typeof value === 'string' && value ? [[name, value] as const] : []))(block.attributes?.find((a) => a.name === name)?.value));
      const title = block.attributes?.find((a) => a.name === 'title')?.value;
      const text = [...facts.map(([, value]) => value), readerText(block.children, words, MODULE_TITLED, isApart)].join(' ').replace(BREAKABLE_SPACE, ' ').trim();
      // Its excerpt starts with what the activity is, its own text, not its bare facts ("2 Flip
      // chart with four columns…" began with the group size); an activity without text of its own
      // shows its facts, named as the page names them ("Group size: 2 · Materials: …").
      const lead = leadText(block.children as unknown[], words, MODULE_TITLED, isBlock) || facts.map(([name, value]) => `${t(`training.activity.${name}` as UiKey, blockLang)}${colon(blockLang)} ${value}`).join(' · ');
      docs.push({
        id: `modules/${mod.id}#${anchor}`,
        path: at(`/modules/${mod.id}/#${anchor}`),
        title: `${data.code} ${t(label, blockLang)}${typeof title === 'string' && title ? `${colon(blockLang)} ${title}` : ''}`,
        context: data.title,
        text,
        ...(lead !== text ? { lead } : {}),
      });
    }
    // A job aid's table, made from its machine (`workflowTexts`): a document of its own, at its
    // heading, titled as the page heads it.
    if (node.type === 'mdxJsxFlowElement') {
      for (const workflow of jobAidWorkflows({ type: 'root', children: [node] })) {
        const aid = tableTexts.get(workflowKey(data.language ?? language, workflow));
        if (!aid) continue;
        const anchor = trainingAnchors.jobAid(workflow);
        docs.push({
          id: `modules/${mod.id}#${anchor}`,
          path: at(`/modules/${mod.id}/#${anchor}`),
          title: `${data.code} ${t('training.jobAid.title', data.language ?? language, { title: aid.title })}`,
          context: data.title,
          text: aid.text,
        });
      }
    }
  }
  return docs;
}

/**
 * Splits every SOP written in a language into its numbered sections (each with the text up to
 * the next heading), every training module into its sessions (`moduleDocuments`), and adds the
 * glossary terms in that language, so a search for "foundling" lands on §6.5, not just on the
 * SOP. Components the edition leaves out (trainer notes, speaker notes and facilitator keys in
 * the participant edition) are not indexed. Each language gets its own index from here: the source
 * language's has every SOP and module; another's has their translations, at their `/<lang>/` paths.
 * @param project The loaded project.
 * @param edition The edition of the site the index is for.
 * @param lang The index's language; the source language when absent.
 * @param tableTexts The words of each table made from a machine (`workflowTexts`, which loads the
 *   machines): a job aid is a document of its own, linked to its heading; a step table's words
 *   are in its section's text; neither without it.
 */
export function searchDocuments(project: Project, edition: SiteEdition, lang?: string, tableTexts: WorkflowTexts = new Map()): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const sourceLang = project.locales[0]?.code ?? 'en';
  const language = lang ?? sourceLang;
  const view = projectIn(project, language);
  const at = (path: string) => localePath(path, language, project.locales);
  for (const sop of view.sops) {
    if (!sop.tree || !sop.data) continue;
    if (language !== sourceLang && sop.data.language !== language) continue;
    const label = sop.data.code;
    // A translation's sections carry the source's anchors (the page's ids).
    const anchorOf = new Map(sop.sections.map((s) => [s.number, s.anchor]));
    const sopLang = sop.data.language ?? sourceLang;
    const forms = sop.data.forms;
    // As the page shows them (`componentWords`, shared with the comparisons); a form link on the
    // page also gives the form's title.
    const shown = componentWords(view, sopLang, sop.id);
    const words: ComponentWords = (name, id, grammaticalCase) => {
      if (name === 'Form') return ((form) => (form ? `${t('forms.form', sopLang)} ${form.id} ${form.title}` : undefined))(forms.find((f) => f.id === id));
      if (name === 'Param') return shown.label(name, grammaticalCase ? { id, case: grammaticalCase } : { id });
      if (name === 'Term' || name === 'Role' || name === 'Ref') return shown.label(name, name === 'Ref' ? { to: id } : { id });
      return undefined;
    };
    // The whole SOP: its summary is the text (and so the excerpt), under the word for procedures
    // as a term's is under "Glossary" (the summary was shown twice, as context and excerpt).
    docs.push({ id: `${sop.id}#`, path: at(`/sops/${sop.id}/`), title: `${label} ${sop.data.title}`, context: t(kindLabels.sop, language), text: sop.data.summary });
    let current: SearchDoc | undefined;
    for (const node of forEdition(sop.tree, edition).children) {
      const section = node.type === 'heading' ? (node.data as { section?: SectionData } | undefined)?.section : undefined;
      if (section) {
        const anchor = anchorOf.get(section.number) ?? section.anchor;
        current = {
          id: `${sop.id}#${anchor}`,
          path: at(`/sops/${sop.id}/#${anchor}`),
          title: `${label} §${section.number} ${nodeText(node)}`,
          context: sop.data.title,
          text: '',
          label: `§${section.number}`,
        };
        docs.push(current);
      } else if (current) {
        // A step table is made from the machine (`workflowTexts`): its words are read into the
        // section it stands in, where the page shows them.
        const tables = workflowsIn(node, 'StepTable').flatMap((workflow) => tableTexts.get(workflowKey(sopLang, workflow))?.text ?? []);
        const text = [nodeText(node, words), ...tables].filter(Boolean).join(' ');
        append(current, text, hasTable(node) ? [leadText(node, words), ...tables].filter(Boolean).join(' ') : text);
      }
    }
  }
  for (const mod of view.modules) {
    if (!mod.tree || !mod.data) continue;
    if (language !== sourceLang && mod.data.language !== language) continue;
    docs.push(...moduleDocuments(view, mod, edition, language, at, tableTexts));
  }
  for (const term of view.glossary) {
    if (language !== sourceLang && !isTranslated(project, language, 'glossary', term.id)) continue;
    docs.push({ id: `glossary#${term.id}`, path: at(`/glossary/#${term.id}`), title: term.term, context: t(kindLabels.glossary, language), text: term.definition });
  }
  return docs;
}
