import { colon, direction, t } from '../../i18n/index.ts';
import type { Course } from '../../schemas/course.ts';
import type { Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';
import type { Block, Cell } from '../handbook/blocks.ts';
import { layoutContext, renderParts } from '../handbook/document.ts';
import { run, type Inline } from '../handbook/inline.ts';
import { layoutBlocks } from '../handbook/layout.ts';
import { paginate } from '../handbook/paginate.ts';
import { siteUrl } from '../handbook/sop-body.ts';
import { stampPage, type StampInfo } from '../handbook/stamps.ts';
import type { Paper } from '../handbook/theme.ts';
import type { CourseDoc } from './courses.ts';
import type { Edition } from '../handbook/editions.ts';
import { codeSpans, trainerGuide, type GuideLink, type GuidePart } from './guide.ts';
import { courseTimetable } from './timetable.ts';
import { quizNames, timetableLine } from './timetable-text.ts';
import { knownIds } from '../known-ids.ts';
import { isolate } from '../fonts/index.ts';
import { localePath } from '../translation/routes.ts';
import type { SiteLocale } from '../translation/locales.ts';

const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });

/**
 * A link of the guide: its name, then its address. In a right-to-left guide the address is a
 * paragraph of its own, left to right and on the left (the Arabic guide set English addresses
 * right-aligned inside the Arabic lines), and the name stays in the guide's direction, on the
 * list's side beside its bullet, a name in a language of the other direction (an untranslated
 * module's English title) in an isolate of its own: laid out as an English paragraph, it went to
 * the left margin, a page's width from the bullet it belongs to. Addresses break only after a
 * slash of their path (`breakLines`).
 */
function linkBlocks(l: GuideLink, base: string, lang: string, locales: readonly SiteLocale[]): Block[] {
  const url = `${base}${localePath(l.href, lang, locales)}`;
  const address = run(url, 'regular', { link: { uri: url } });
  // The guide's colon: French sets a no-break space before it (« Page du pré-test : https://… »).
  if (direction(lang) !== 'rtl') return [{ kind: 'paragraph', inlines: [run(`${l.text}${colon(lang)} `), address] }];
  return [
    { kind: 'paragraph', inlines: [run(`${l.lang && direction(l.lang) !== direction(lang) ? isolate(l.text) : l.text}${colon(lang)}`)], keepWithNext: true },
    { kind: 'paragraph', inlines: [address], dir: 'ltr', spaceBefore: 1 },
  ];
}

function partBlocks(part: GuidePart, base: string, lang: string, locales: readonly SiteLocale[]): Block[] {
  const para = (text: string): Block[] => [{ kind: 'paragraph', inlines: [run(text)] }];
  switch (part.kind) {
    case 'paragraph':
      return [{ kind: 'paragraph', inlines: codeSpans(part.text).map((c) => run(c.text, 'regular', c.code ? { code: true } : {})) }];
    case 'checklist':
      return [
        { kind: 'paragraph', inlines: [run(part.title, 'bold')], keepWithNext: true },
        // Content in another language is a paragraph of its own, marked with its language: the
        // layout orders and aligns it in that language's direction.
        { kind: 'list', ordered: false, checkboxes: true, items: part.items.map((item) => (typeof item === 'string' ? para(item) : [...para(item.text), ...item.content.map((c): Block => ({ kind: 'paragraph', inlines: [run(c.text)], spaceBefore: 4, lang: c.lang }))])) },
      ];
    case 'list':
      return [{ kind: 'list', ordered: false, items: part.items.map(para) }];
    case 'links':
      return part.items.length ? [{ kind: 'list', ordered: false, items: part.items.map((l) => linkBlocks(l, base, lang, locales)) }] : [];
    case 'code':
      return [{ kind: 'code', text: part.text }];
    case 'table':
      return [
        {
          kind: 'table',
          header: [part.header.map((h) => cell(h))],
          rows: [...part.rows.map((r) => r.map((c) => (typeof c === 'string' ? cell(c) : cell(c.text)))), part.footer.map((f) => cell(f, 'bold'))],
          widths: [3, 2.6, 1.4, 0.6],
          align: ['left', 'left', 'left', 'right'],
          size: 8.5,
        },
      ];
  }
}

/**
 * The trainer's guide of a course as a PDF: the guide's sections, then the timetable day by day.
 * @param project The loaded project.
 * @param id Course id.
 * @param paper Paper size.
 * @param language Language of the guide's words (default: the course's); pass the project in that
 *   language (`projectIn`) so module titles are the translation's.
 * @param edition The edition it is printed for, as the site's course guide page: the participant
 *   edition's names the trainer-only files of the print pack without linking them, and its header
 *   says "Participant edition" (the participant site used to carry the trainer's copy).
 */
export async function renderTrainerGuide(project: Project, id: string, paper: Paper, language?: string, edition: Edition = 'trainer'): Promise<Uint8Array> {
  const doc = project.courses.find((c) => c.id === id);
  if (!doc) throw new SopkitError('handbook/unknown-course', `no course "${id}" in content/courses/; known: ${knownIds(project.root, project.courses.map((c) => c.id))}`);
  if (!doc.data) throw new SopkitError('handbook/invalid-course', `${doc.file} has errors; run \`sopkit check\` and fix them first`);
  const valid = doc as CourseDoc & { data: Course };
  const c = valid.data;
  const lang = language ?? c.language;
  const guide = trainerGuide(project, valid, edition, lang);
  const base = siteUrl(project);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, inlines: [run(guide.title)], toc: true },
    { kind: 'paragraph', inlines: [run(guide.lead, 'italic')] },
    { kind: 'table', header: [], rows: [[cell(t('course.venue', lang), 'bold'), cell(c.venue)], [cell(t('course.participants', lang), 'bold'), cell(String(c.participants))], [cell(t('course.trainers', lang), 'bold'), cell(c.trainers.join(t('list.separator', c.language)))]], widths: [1, 4] },
  ];
  for (const s of guide.sections) {
    blocks.push({ kind: 'heading', level: 2, inlines: [run(s.title)], toc: true, anchor: `guide:${s.id}` });
    for (const p of s.parts) blocks.push(...partBlocks(p, base, lang, project.locales));
  }
  const timetable = courseTimetable(c, new Map(project.modules.map((m) => [m.id, m])));
  blocks.push({ kind: 'heading', level: 2, inlines: [run(t('guide.timetable', lang))], toc: true, pageBreakBefore: true });
  const quizName = quizNames(project.modules, project.root, lang, c.language);
  timetable.days.forEach((day, i) => {
    const lines = day.map((e) => timetableLine(e, lang, quizName));
    blocks.push({
      kind: 'table',
      caption: [run(t('course.day', lang, { n: i + 1 }), 'bold')],
      header: [[cell(t('course.time', lang)), cell(t('course.session', lang)), cell(t('course.method', lang)), cell(t('course.module', lang)), cell(t('course.trainer', lang))]],
      rows: lines.map((l) => [cell(l.time), cell(l.what, l.kind === 'session' ? 'bold' : 'regular'), cell(l.method), cell(l.module), cell(l.trainer)]),
      widths: [1.1, 3.2, 1.1, 0.6, 1.3],
      size: 8.5,
      // A day on one page when it fits: its last session went over alone, above the next day.
      keepTogether: true,
    });
  });
  const ctx = layoutContext(paper, lang);
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  // A course has no code: the running heads give the guide's title, never the course's file id.
  const stamp: StampInfo = { code: '', title: guide.title, lang, edition };
  return renderParts([{ pages, numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) }], paper, { title: guide.title, author: project.site?.organisation ?? '', subject: guide.lead, language: lang }, ctx);
}
