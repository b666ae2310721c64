import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Position } from '../diagnostics.ts';

/** String attributes of a JSX element; an expression attribute is kept as its source text. */
export function jsxAttributes(node: MdxJsxFlowElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute') continue;
    out[a.name] = typeof a.value === 'string' ? a.value : a.value == null ? 'true' : a.value.value;
  }
  return out;
}

/** A whole number of minutes written as a string (`"45"`), or undefined when it is not one. */
export function parseMinutes(text: string | undefined): number | undefined {
  return text !== undefined && /^\s*\d+\s*$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

interface Placed {
  /** Where the element starts in the file. */
  at: Position;
  node: MdxJsxFlowElement;
}

/** One `<Slide>`: `n` is `<session>-<slide>`, e.g. `2-3`. */
export interface SlideInfo extends Placed {
  n: string;
  /** The `title` attribute ('' when missing: the checker reports it). */
  title: string;
  /** The slide's points, as plain text lines (not its notes). */
  points: string[];
  /** The text of its `<SpeakerNotes>`, '' when it has none. */
  notes: string;
}

/** One `<Activity>`. */
export interface ActivityInfo extends Placed {
  n: number;
  title: string;
  method: string;
  duration: number | undefined;
  group?: string;
  materials?: string;
  output?: string;
}

/** One `<CaseStudy>`. */
export interface CaseInfo extends Placed {
  n: number;
  title: string;
  workflow?: string;
  scenario?: string;
}

/** One `<Handout>`. */
export interface HandoutInfo extends Placed {
  id: string;
  title: string;
}

/** One `<JobAid>`. */
export interface JobAidInfo extends Placed {
  workflow: string;
}

/** One `<Session>` with what it holds. */
export interface SessionInfo extends Placed {
  /** 1 for the first session of the module. */
  n: number;
  title: string;
  /** Minutes, when `duration` is a whole number. */
  duration: number | undefined;
  method: string;
  slides: SlideInfo[];
  activities: ActivityInfo[];
  caseStudies: CaseInfo[];
  handouts: HandoutInfo[];
  jobAids: JobAidInfo[];
}

/** The structure of a module body, in document order. */
export interface ModuleOutline {
  sessions: SessionInfo[];
  /** Elements that belong inside a session but stand outside one (a top-level `<Slide>`). */
  outside: Placed[];
}

function placed(node: MdxJsxFlowElement): Placed {
  const start = node.position?.start;
  return { at: { line: start?.line ?? 1, column: start?.column ?? 1 }, node };
}

function isJsx(node: unknown, name?: string): node is MdxJsxFlowElement {
  const n = node as { type?: string; name?: string | null };
  return n.type === 'mdxJsxFlowElement' && (name === undefined || n.name === name);
}

/** Plain-text lines of a slide's content, leaving out its speaker notes. */
function slidePoints(slide: MdxJsxFlowElement): string[] {
  const lines: string[] = [];
  for (const child of slide.children as RootContent[]) {
    if (isJsx(child, 'SpeakerNotes')) continue;
    if (child.type === 'list') for (const item of child.children) lines.push(toString(item).trim());
    else if (isJsx(child, 'Workflow')) lines.push(`[${jsxAttributes(child).id ?? 'workflow'}]`);
    else {
      const text = toString(child).trim();
      if (text) lines.push(text);
    }
  }
  return lines.filter(Boolean);
}

/**
 * The sessions of a module body with their slides, activities, case studies, handouts and job
 * aids, numbered in document order. The loader, the checker, the pages (through the remark plugin)
 * and the PDFs all number them here, so an anchor is the same everywhere.
 * @param tree The module body's mdast, with positions.
 */
export function outlineOf(tree: Root): ModuleOutline {
  const sessions: SessionInfo[] = [];
  const outside: Placed[] = [];
  let activities = 0;
  let cases = 0;
  for (const child of tree.children) {
    if (!isJsx(child)) continue;
    if (child.name !== 'Session') {
      if (child.name && ['Slide', 'Activity', 'SpeakerNotes'].includes(child.name)) outside.push(placed(child));
      continue;
    }
    const a = jsxAttributes(child);
    const session: SessionInfo = {
      ...placed(child),
      n: sessions.length + 1,
      title: a.title ?? '',
      duration: parseMinutes(a.duration),
      method: a.method ?? '',
      slides: [],
      activities: [],
      caseStudies: [],
      handouts: [],
      jobAids: [],
    };
    visit(child, (node) => {
      if (node === child || !isJsx(node)) return;
      const attrs = jsxAttributes(node);
      switch (node.name) {
        case 'Slide': {
          const notes = (node.children as RootContent[]).filter((c) => isJsx(c, 'SpeakerNotes')).map((c) => toString(c).trim()).join('\n');
          session.slides.push({ ...placed(node), n: `${session.n}-${session.slides.length + 1}`, title: attrs.title ?? '', points: slidePoints(node), notes });
          break;
        }
        case 'Activity':
          session.activities.push({ ...placed(node), n: ++activities, title: attrs.title ?? '', method: attrs.method ?? '', duration: parseMinutes(attrs.duration), group: attrs.group, materials: attrs.materials, output: attrs.output });
          break;
        case 'CaseStudy':
          session.caseStudies.push({ ...placed(node), n: ++cases, title: attrs.title ?? '', workflow: attrs.workflow, scenario: attrs.scenario });
          break;
        case 'Handout':
          session.handouts.push({ ...placed(node), id: attrs.id ?? '', title: attrs.title ?? '' });
          break;
        case 'JobAid':
          session.jobAids.push({ ...placed(node), workflow: attrs.workflow ?? '' });
          break;
      }
    });
    sessions.push(session);
  }
  return { sessions, outside };
}

/** Every item of a kind across the sessions of an outline. */
export function allOf<K extends 'slides' | 'activities' | 'caseStudies' | 'handouts' | 'jobAids'>(outline: ModuleOutline, kind: K): SessionInfo[K][number][] {
  return outline.sessions.flatMap((s) => s[kind] as SessionInfo[K][number][]);
}

/** Anchors on the module page and bookmarks in its PDFs. */
export const trainingAnchors = {
  session: (n: number) => `session-${n}`,
  slide: (n: string) => `slide-${n}`,
  activity: (n: number) => `activity-${n}`,
  caseStudy: (n: number) => `case-study-${n}`,
  handout: (id: string) => `handout-${id}`,
  jobAid: (workflow: string) => `job-aid-${workflow}`,
};

/**
 * Writes each element's number into it as a `__n` attribute (sessions `2`, slides `2-3`,
 * activities and case studies `1`...), so the web and print renderers show and anchor the same
 * numbers the outline gives. Idempotent: a number already written is replaced.
 * @param tree A module body.
 */
export function annotateOutline(tree: Root): ModuleOutline {
  const outline = outlineOf(tree);
  const mark = (node: MdxJsxFlowElement, n: string | number) => {
    node.attributes = node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === '__n'));
    node.attributes.push({ type: 'mdxJsxAttribute', name: '__n', value: String(n) });
  };
  for (const s of outline.sessions) {
    mark(s.node, s.n);
    for (const x of s.slides) mark(x.node, x.n);
    for (const x of s.activities) mark(x.node, x.n);
    for (const x of s.caseStudies) mark(x.node, x.n);
  }
  return outline;
}
