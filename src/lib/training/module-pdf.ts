import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { colon, formatNumber, minutes, t, type UiKey } from '../../i18n/index.ts';
import { localesOf } from '../translation/locales.ts';
import { localePath } from '../translation/routes.ts';
import { translationLayout } from '../translation/paths.ts';
import { sopCodes } from '../assessment/quiz-code.ts';
import { resolveQuiz } from '../assessment/quiz-load.ts';
import type { Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';
import type { Block, Cell } from '../handbook/blocks.ts';
import { layoutContext, placedHeadings, renderParts, type Part } from '../handbook/document.ts';
import type { Edition } from '../handbook/editions.ts';
import { toBlocks } from '../handbook/from-mdast.ts';
import { contentsBlocks, coverBlock, type CoverInfo } from '../handbook/front-matter.ts';
import { glossaryBlocks } from '../handbook/glossary.ts';
import { run, type Inline } from '../handbook/inline.ts';
import { layoutBlocks, type LayoutContext } from '../handbook/layout.ts';
import { paginate } from '../handbook/paginate.ts';
import { answerKeyBlocks } from '../handbook/quiz/answer-key.ts';
import { printContext, siteUrl } from '../handbook/sop-body.ts';
import { stampPage, type StampInfo } from '../handbook/stamps.ts';
import type { Paper } from '../handbook/theme.ts';
import { formatElapsed, formatMinutes } from './clock.ts';
import { JOB_AID_MIN_SIZE, JOB_AID_SIZE, jobAidBlocks } from './job-aid-print.ts';
import type { JobAidStep } from './job-aid.ts';
import { moduleAsDoc, moduleWorkflowPrints, workflowTitle } from './module-prints.ts';
import type { ModuleDoc } from './modules.ts';
import { annotateOutline } from './outline.ts';
import { moduleClock } from './timetable.ts';
import { knownIds } from '../known-ids.ts';

/** Choices for a printed module. */
export interface ModulePrintOptions {
  edition: Edition;
  paper: Paper;
}

type UsableModule = ModuleDoc & { data: NonNullable<ModuleDoc['data']>; tree: NonNullable<ModuleDoc['tree']> };

/** The module with an id, valid, or one clear error. */
export function usableModule(project: Project, id: string): UsableModule {
  const m = project.modules.find((x) => x.id === id);
  if (!m) throw new SopkitError('handbook/unknown-module', `no module "${id}" in content/modules/; known: ${knownIds(project.root, project.modules.map((x) => x.id))}`);
  if (!m.data || !m.tree) throw new SopkitError('handbook/invalid-module', `${m.file} has errors; run \`sopkit check\` and fix them first`);
  return m as UsableModule;
}

const cell = (text: string, style: Inline['style'] = 'regular'): Cell => ({ inlines: [run(text, style)] });

function pages(blocks: readonly Block[], ctx: LayoutContext) {
  return paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
}

/** The objectives and the timetable; the trainer edition's timetable is a session plan with what happens in each session. */
function frontBlocks(m: UsableModule, edition: Edition, jobAidTitle: (workflow: string) => string): Block[] {
  const lang = m.data.language;
  const trainer = edition === 'trainer';
  const plan = (s: ModuleDoc['outline']['sessions'][number]): string =>
    [
      s.slides.length ? t('module.slidesCount', lang, { n: s.slides.length }) : '',
      ...s.activities.map((a) => `${t('training.activity', lang)}${colon(lang)} ${a.title}${a.duration ? ` (${minutes(a.duration, lang)})` : ''}`),
      ...s.caseStudies.map((c) => `${t('case.label', lang)}${colon(lang)} ${c.title}`),
      ...s.handouts.map((h) => `${t('training.handout', lang)}${colon(lang)} ${h.title}`),
      // Named as the job aid itself is (its SOP's title), not by the workflow's file name.
      ...s.jobAids.map((j) => `${t('training.jobAid', lang)}${colon(lang)} ${jobAidTitle(j.workflow)}`),
    ]
      .filter(Boolean)
      .join('\n');
  const clock = moduleClock(m.outline.sessions);
  const header = [cell(t('module.clock', lang)), cell(t('module.session', lang)), cell(t('module.method', lang)), cell(t('module.duration', lang)), ...(trainer ? [cell(t('module.plan', lang))] : [])];
  return [
    { kind: 'heading', level: 1, inlines: [run(t('module.objectives', lang))], toc: true },
    { kind: 'paragraph', inlines: [run(t('module.objectives.lead', lang))] },
    { kind: 'list', ordered: false, items: m.data.objectives.map((o) => [{ kind: 'paragraph', inlines: [run(o.text)] }]) },
    { kind: 'heading', level: 1, inlines: [run(t('module.timetable', lang))], toc: true },
    {
      kind: 'table',
      header: [header],
      rows: [
        ...clock.map(({ session: s, start }) => [cell(formatElapsed(start)), cell(`${s.n}. ${s.title}`, 'bold'), cell(s.method ? t(`method.${s.method}` as UiKey, lang) : ''), cell(formatMinutes(s.duration ?? 0, lang)), ...(trainer ? [cell(plan(s))] : [])]),
        [cell(formatElapsed(clock.at(-1)?.end ?? 0)), cell(t('module.total', lang), 'bold'), cell(''), cell(formatMinutes(m.data.duration, lang), 'bold'), ...(trainer ? [cell('')] : [])],
      ],
      widths: trainer ? [0.6, 2.4, 1, 0.8, 2.6] : [0.6, 3.4, 1.2, 1],
      size: 8.5,
    },
  ];
}

/**
 * A module as a printed book: the participant workbook (objectives, timetable, sessions with their
 * slides as an outline, activities, case studies without keys, handouts, job aids, glossary) or
 * the trainer manual (the same with a session plan, speaker notes, facilitator keys, trainer notes
 * and the quiz's answer keys). Cover, contents, running heads, bookmarks, a DRAFT watermark until
 * the module is approved.
 * @param project The loaded project.
 * @param id Module id.
 * @param options Edition and paper.
 */
export async function renderModuleBook(project: Project, id: string, options: ModulePrintOptions): Promise<Uint8Array> {
  const m = usableModule(project, id);
  const d = m.data;
  const lang = d.language;
  const ctx = layoutContext(options.paper, lang);
  const terms = new Set<string>();
  const pctx = printContext(moduleAsDoc(m), { project, edition: options.edition, inPdf: new Set(), workflows: await moduleWorkflowPrints(project, m), terms, figures: { n: 0 } });
  pctx.lang = lang;
  annotateOutline(m.tree);
  const body: Block[] = toBlocks(m.tree.children, pctx);
  if (options.edition === 'trainer') {
    // A translated module's manual prints the keys of its quiz's translation when there is one.
    const translatedQuiz = `${translationLayout(lang).quizzes}/${d.quiz}.yaml`;
    const quiz = resolveQuiz(project.root, d.translationOf && existsSync(join(project.root, translatedQuiz)) ? translatedQuiz : d.quiz).quiz;
    for (const form of ['pre', 'post'] as const) {
      const key = answerKeyBlocks(quiz, form, { lang, sopCodes: sopCodes(project) });
      body.push(...key.map((b, i) => (i === 0 && b.kind === 'heading' ? { ...b, pageBreakBefore: true } : b)));
    }
  }
  body.push(...glossaryBlocks(project, terms, lang, `glossary:${m.id}`));
  const stamp: StampInfo = { code: d.code, title: d.title, version: d.version, status: d.status, edition: options.edition, lang };
  const bodyPart: Part = { pages: pages(body, ctx), numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) };
  const roleTitle = (r: string) => project.roles.find((x) => x.id === r)?.title ?? r;
  const rows: [string, string][] = [
    [t('module.code', lang), d.code],
    [t('module.version', lang), d.version],
    [t('module.status', lang), t(`status.${d.status}` as UiKey, lang)],
    [t('module.duration', lang), formatMinutes(d.duration, lang)],
    [t('module.audience', lang), d.audience.map(roleTitle).join(t('list.separator', lang))],
  ];
  if (d.sops.length) rows.push([t('module.sops', lang), d.sops.map((s) => project.sops.find((x) => x.id === s)?.data?.code ?? s).join(t('list.separator', lang))]);
  if (project.site) rows.push([t('handbook.organisation', lang), project.site.organisation]);
  const cover: CoverInfo = { organisation: project.site?.organisation ?? '', code: d.code, title: d.title, summary: d.summary, rows, status: d.status, lang, edition: options.edition, url: `${siteUrl(project)}${localePath(`/modules/${m.id}/`, lang, localesOf(project.site))}` };
  const coverPart: Part = { pages: pages([coverBlock(cover, ctx.height)], ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, { ...stamp, bare: true }) };
  const front = frontBlocks(m, options.edition, (workflow) => workflowTitle(project, workflow, lang));
  const toc = contentsBlocks(placedHeadings([bodyPart]), (page) => formatNumber(page + 1, lang), lang, ctx.width);
  toc[0] = { ...toc[0]!, kind: 'heading', level: 1, inlines: [run(t('handbook.contents', lang))], pageBreakBefore: true } as Block;
  const frontPart: Part = { pages: pages([...front, ...toc], ctx), numbering: 'roman', stamp: (w, info) => stampPage(w, info, stamp) };
  return renderParts([coverPart, frontPart, bodyPart], options.paper, { title: `${d.code} ${d.title}`, author: project.site?.organisation ?? '', subject: d.summary, language: lang, keywords: [d.code, d.id, `v${d.version}`, d.status, options.edition] }, ctx);
}

/**
 * The job aid of a workflow as a PDF to keep at the counter: one page, its table set smaller (from
 * 9 pt down to 7 pt, no smaller) and its columns fitted to the words where a long procedure needs
 * it. A procedure longer still runs onto the back of the sheet, under its table's header
 * repeated, each page but the last saying "Continued overleaf"; `sopkit check` warns of it.
 * @param project The loaded project.
 * @param moduleId The module that teaches it (for the running heads).
 * @param workflow Workflow id.
 * @param paper Paper size.
 */
export async function renderJobAid(project: Project, moduleId: string, workflow: string, paper: Paper): Promise<Uint8Array> {
  const m = usableModule(project, moduleId);
  const lang = m.data.language;
  const ctx = layoutContext(paper, lang);
  const print = (await moduleWorkflowPrints(project, m)).get(workflow);
  if (!print?.jobAid) throw new SopkitError('handbook/job-aid', `${m.file}: the job aid of workflow "${workflow}" could not be made; run \`sopkit check\``);
  const code = project.sops.find((s) => s.data?.workflow === workflow)?.data?.code ?? workflow;
  const laid = jobAidPages(print.jobAid, print.title, code, lang, ctx, workflow);
  const stamp: StampInfo = { code: m.data.code, title: t('training.jobAid.title', lang, { title: print.title }), version: m.data.version, status: m.data.status, lang };
  const overleaf = t('training.jobAid.overleaf', lang);
  const stampJobAid = (w: Parameters<typeof stampPage>[0], info: Parameters<typeof stampPage>[1]) => {
    stampPage(w, info, stamp);
    if (info.number >= info.count) return;
    // Above the footer's rule, at the end of the line: where the eye leaves the page (the left in
    // Arabic: the writer mirrors the layout's end side).
    const g = info.geometry;
    const size = 8.5;
    const width = w.fonts.width(overleaf, size, 'bold');
    const y = g.height - g.marginBottom + 12;
    w.text([{ text: overleaf, style: 'bold', size, color: [0, 0, 0] }], g.width - g.marginRight - width, y);
  };
  return renderParts([{ pages: laid, numbering: 'decimal', stamp: stampJobAid }], paper, { title: t('training.jobAid.title', lang, { title: print.title }), author: project.site?.organisation ?? '', subject: t('training.jobAid.lead', lang, { code }), language: lang }, ctx);
}

/**
 * The pages of a job aid: its table in the largest type from JOB_AID_SIZE down to
 * JOB_AID_MIN_SIZE, half a point at a time, that holds one page, its columns sized to make it
 * lowest (`shortestWidths`: the longest check gets the room, a short time limit no more than it
 * needs, no column narrower than its longest word; in the columns' set shares the national ID
 * job aid's "Deduplication" broke inside the word). None holds: two pages at the largest size.
 */
function jobAidPages(steps: readonly JobAidStep[], title: string, code: string, lang: string, ctx: LayoutContext, workflow: string) {
  const blocksAt = jobAidBlocksAt(steps, title, code, lang, workflow);
  const first = pages(blocksAt(JOB_AID_SIZE), ctx);
  for (let size = JOB_AID_SIZE; first.length > 1 && size >= JOB_AID_MIN_SIZE; size -= 0.5) {
    const tried = pages(blocksAt(size), ctx);
    if (tried.length === 1) return tried;
  }
  return first;
}

/** A job aid's blocks with its table in a type size: its heading, the lead line, the table. */
function jobAidBlocksAt(steps: readonly JobAidStep[], title: string, code: string, lang: string, workflow: string): (size: number) => Block[] {
  return (size) => [
    ...jobAidBlocks(steps, { title, lang, anchor: `job-aid:${workflow}` }).slice(0, 1),
    { kind: 'paragraph', inlines: [run(t('training.jobAid.lead', lang, { code }), 'italic')], size: 8.5 },
    ...jobAidBlocks(steps, { title, lang, heading: false, size }).map((b) => (b.kind === 'table' ? { ...b, widths: undefined, shortest: true } : b)),
  ];
}

/**
 * Page counts already found, by their inputs: laying a job aid out is most of a second, and a
 * long-running process (the dev server, a build's check then its pages) asks again for the same
 * words after every reload.
 */
const pageCounts = new Map<string, number>();

/**
 * How many pages a job aid prints on (A4), for `sopkit check`'s warning that one runs past its
 * page: the same layout as the PDF, no PDF made. One layout at the smallest size says whether it
 * holds a page (`jobAidPages` steps down to the size that does); only one that does not is laid
 * out again at the size it prints in.
 */
export function jobAidPageCount(steps: readonly JobAidStep[], o: { title: string; code: string; lang: string; workflow: string; paper?: Paper }): number {
  const key = JSON.stringify([steps, o.title, o.code, o.lang, o.workflow, o.paper ?? 'a4']);
  const known = pageCounts.get(key);
  if (known !== undefined) return known;
  const ctx = layoutContext(o.paper ?? 'a4', o.lang);
  const blocksAt = jobAidBlocksAt(steps, o.title, o.code, o.lang, o.workflow);
  const count = pages(blocksAt(JOB_AID_MIN_SIZE), ctx).length === 1 ? 1 : pages(blocksAt(JOB_AID_SIZE), ctx).length;
  if (pageCounts.size >= 1000) pageCounts.clear();
  pageCounts.set(key, count);
  return count;
}
