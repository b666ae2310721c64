import { colon, t, tn, type UiKey } from '../../i18n/index.ts';
import { commentTypes, type CommentType } from '../../schemas/comment-register.ts';
import type { Block, Cell } from '../handbook/blocks.ts';
import { layoutContext, renderParts } from '../handbook/document.ts';
import { run, type Inline } from '../handbook/inline.ts';
import { layoutBlocks } from '../handbook/layout.ts';
import { paginate } from '../handbook/paginate.ts';
import { stampPage, type StampInfo } from '../handbook/stamps.ts';
import { colors, type Paper } from '../handbook/theme.ts';
import { commentChartBlock } from './comment-chart-print.ts';
import type { ActionStatus, ConsultationReport } from './report-model.ts';
import { totalOf } from './report-model.ts';

const cell = (text: string, style: Inline['style'] = 'regular', extra: Partial<Inline> = {}): Cell => ({ inlines: [run(text, style, extra)] });

/** The words for the comment types, in a language. */
export function typeLabels(lang: string): Record<CommentType, string> {
  return { general: t('comment.type.general', lang), technical: t('comment.type.technical', lang), editorial: t('comment.type.editorial', lang) };
}

/** A decision as printed, with the version that changed: "accepted, changed in 1.2.0". */
export function decisionText(decision: string | undefined, changedIn: string, lang: string): string {
  const word = t(`decision.${decision ?? 'open'}` as UiKey, lang);
  return changedIn ? `${word}${t('list.separator', lang)}${t('consultation.changedIn', lang, { version: changedIn })}` : word;
}

/** The attendance in one sentence, saying how far women and men were counted. */
export function attendanceText(a: ConsultationReport['attendance'], lang: string): string {
  const key = a.unrecorded === 0 ? 'consultation.attendance.summary.all' : a.unrecorded === a.total ? 'consultation.attendance.summary.none' : 'consultation.attendance.summary';
  return t(key, lang, { participants: tn('consultation.attendance.participants', a.total, lang), organisations: tn('consultation.attendance.organisations', a.organisations, lang), female: a.female, male: a.male, unrecorded: a.unrecorded });
}

/** An action's state as printed. */
export function actionText(a: ActionStatus, lang: string): string {
  return a.state === 'done' ? t('action.done', lang, { date: a.done ?? '' }) : t(`action.${a.state}`, lang);
}

function heading(text: string, anchor: string, pageBreakBefore = false): Block {
  return { kind: 'heading', level: 1, inlines: [run(text)], anchor: `consultation:${anchor}`, toc: true, pageBreakBefore };
}

function overview(r: ConsultationReport, lang: string): Block[] {
  const d = r.data;
  const sops = r.sops.map((s) => `${s.code ?? s.id} ${s.title ?? ''} (${s.version})`.replace(/\s+/g, ' ')).join(t('list.semicolon', lang));
  return [
    { kind: 'table', header: [], rows: [
      [cell(t('consultation.kind', lang), 'bold'), cell(t(`consultation.kind.${d.kind}` as UiKey, lang))],
      [cell(t('consultation.date', lang), 'bold'), cell(d.date)],
      [cell(t('consultation.place', lang), 'bold'), cell(d.place)],
      [cell(t('consultation.facilitators', lang), 'bold'), cell(d.facilitators.join(t('list.semicolon', lang)))],
      [cell(t('consultation.sops', lang), 'bold'), cell(sops)],
    ], widths: [1, 3.4] },
    ...(d.purpose ? [{ kind: 'paragraph', inlines: [run(`${t('consultation.purpose', lang)}${colon(lang)} `, 'bold'), run(d.purpose)] } as Block] : []),
  ];
}

function attendance(r: ConsultationReport, lang: string): Block[] {
  const a = r.attendance;
  const n = (v: number | undefined) => (v === undefined ? '–' : String(v));
  return [
    heading(t('consultation.attendance', lang), 'attendance'),
    { kind: 'paragraph', inlines: [run(attendanceText(a, lang))] },
    {
      kind: 'table',
      header: [[cell(t('consultation.col.organisation', lang)), cell(t('consultation.col.role', lang)), cell(t('consultation.col.count', lang)), cell(t('consultation.col.female', lang)), cell(t('consultation.col.male', lang))]],
      rows: [...a.rows.map((p) => [cell(p.organisation), cell(p.role ?? ''), cell(String(p.count)), cell(n(p.female)), cell(n(p.male))]), [cell(t('consultation.total', lang), 'bold'), cell(''), cell(String(a.total), 'bold'), cell(a.unrecorded === a.total ? '–' : String(a.female), 'bold'), cell(a.unrecorded === a.total ? '–' : String(a.male), 'bold')]],
      widths: [2.6, 2.6, 1, 0.8, 0.8],
      align: ['left', 'left', 'right', 'right', 'right'],
      size: 8.5,
    },
  ];
}

function comments(r: ConsultationReport, lang: string): Block[] {
  const blocks: Block[] = [heading(t('consultation.comments', lang), 'comments')];
  if (!r.comments.length) return [...blocks, { kind: 'paragraph', inlines: [run(t('consultation.comments.none', lang), 'italic')] }];
  const types = typeLabels(lang);
  blocks.push(
    { kind: 'paragraph', inlines: [run(t('consultation.comments.summary', lang, { comments: tn('consultation.comments.count', r.comments.length, lang), ...r.byType, accepted: r.byDecision.accepted, acceptedInPart: r.byDecision['accepted-in-part'], rejected: r.byDecision.rejected, noted: r.byDecision.noted, open: r.byDecision.open }))] },
    {
      kind: 'table',
      header: [[cell(t('consultation.col.sop', lang)), ...commentTypes.map((ty) => cell(types[ty])), cell(t('consultation.col.open', lang)), cell(t('consultation.total', lang))]],
      rows: r.bySop.map((s) => [cell(s.label), ...commentTypes.map((ty) => cell(String(s.counts[ty]))), cell(String(s.open)), cell(String(totalOf(s)), 'bold')]),
      widths: [2.4, 1, 1, 1, 0.8, 0.8],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      size: 8.5,
    },
    { kind: 'paragraph', inlines: [run(t('consultation.chart.title', lang), 'bold')], keepWithNext: true },
    commentChartBlock(r.bySection, types),
  );
  return blocks;
}

function matrix(r: ConsultationReport, lang: string): Block[] {
  if (!r.comments.length) return [];
  const code = new Map(r.sops.map((s) => [s.id, s.code ?? s.id]));
  const rows: Cell[][] = r.comments.map((c, i) => {
    const where = `${code.get(c.sop) ?? c.sop} ${c.version}\n§${c.section}${c.paragraph ? ` ¶${c.paragraph.replace(/^¶/, '')}` : ''}${c.line ? `\nl. ${c.line}` : ''}`;
    const comment: Inline[] = [run(c.comment), ...(c.proposal ? [run(`\n${t('consultation.proposal', lang)} `, 'bold'), run(c.proposal, 'italic')] : [])];
    const decision = decisionText(c.decision, c.changedIn, lang);
    return [
      cell(`${i + 1}`, 'regular', { color: colors.muted }),
      cell(where),
      { inlines: [run(c.commenter, 'bold'), run(`\n${c.type ? typeLabels(lang)[c.type] : ''}`, 'regular', { color: colors.muted })] },
      { inlines: comment },
      cell(decision, 'bold', c.decision ? {} : { color: colors.watermark }),
      cell(c.response),
    ];
  });
  return [
    heading(t('consultation.matrix', lang), 'matrix', true),
    { kind: 'paragraph', inlines: [run(t('consultation.matrix.lead', lang), 'italic')] },
    {
      kind: 'table',
      header: [[cell('#'), cell(t('consultation.col.ref', lang)), cell(t('consultation.col.commenter', lang)), cell(t('consultation.col.comment', lang)), cell(t('consultation.col.decision', lang)), cell(t('consultation.col.response', lang))]],
      rows,
      widths: [0.42, 1.15, 1.3, 3.15, 1.05, 2.55],
      size: 7.5,
    },
  ];
}

function followUp(r: ConsultationReport, lang: string): Block[] {
  const d = r.data;
  const blocks: Block[] = [];
  if (d.decisions.length) blocks.push(heading(t('consultation.decisions', lang), 'decisions'), { kind: 'list', ordered: true, items: d.decisions.map((x) => [{ kind: 'paragraph', inlines: [run(x)] }]) });
  if (d.actions.length) {
    blocks.push(heading(t('consultation.actions', lang), 'actions'), { kind: 'paragraph', inlines: [run(t('consultation.actions.lead', lang, { date: r.today }), 'italic')] }, {
      kind: 'table',
      header: [[cell(t('consultation.col.action', lang)), cell(t('consultation.col.owner', lang)), cell(t('consultation.col.due', lang)), cell(t('consultation.col.status', lang))]],
      rows: r.actions.map((a) => {
        const status = a.state === 'overdue' ? cell(actionText(a, lang).toUpperCase(), 'bold', { color: colors.watermark }) : cell(actionText(a, lang));
        return [cell(a.action), cell(a.owner), cell(a.due), status];
      }),
      widths: [3.4, 2.2, 0.9, 1.1],
      size: 8.5,
    });
  }
  return blocks;
}

/** Options of the completion report PDF. */
export interface ConsultationPdfOptions {
  paper: Paper;
  lang?: string;
  organisation?: string;
}

/**
 * The consultation completion report as a PDF, through the handbook engine: overview, purpose,
 * attendance, agenda, comments summarised with a chart, the resolution matrix, decisions and
 * actions (overdue ones in red). A model record carries a banner and a "MODEL EXAMPLE" watermark.
 * @param r The report model (`consultationReport`).
 * @param o Paper, language, organisation.
 */
export async function renderConsultationReport(r: ConsultationReport, o: ConsultationPdfOptions): Promise<Uint8Array> {
  const lang = o.lang ?? 'en';
  const ctx = layoutContext(o.paper, lang);
  const d = r.data;
  const example = t('lifecycle.example', lang);
  const blocks: Block[] = [
    ...(o.organisation ? [{ kind: 'paragraph', inlines: [run(o.organisation.toUpperCase(), 'bold', { color: colors.muted })], size: 9 } as Block] : []),
    ...(d.example ? [{ kind: 'box', tone: 'warning', label: example, children: [{ kind: 'paragraph', inlines: [run(t('lifecycle.example.lead', lang))] }] } as Block] : []),
    { kind: 'paragraph', inlines: [run(t('consultation.report', lang), 'bold', { color: colors.accent })], spaceBefore: 10 },
    { kind: 'heading', level: 1, inlines: [run(d.title)], anchor: 'consultation:title', toc: true },
    ...overview(r, lang),
    ...attendance(r, lang),
    ...(d.agenda.length ? [heading(t('consultation.agenda', lang), 'agenda'), { kind: 'list', ordered: true, items: d.agenda.map((x) => [{ kind: 'paragraph', inlines: [run(x)] }]) } as Block] : []),
    ...comments(r, lang),
    ...matrix(r, lang),
    ...followUp(r, lang),
  ];
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const stamp: StampInfo = { code: d.example ? example : t('consultation.report', lang), title: d.title, lang, watermark: d.example ? t('lifecycle.example.watermark', lang) : undefined };
  return renderParts([{ pages, numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) }], o.paper, { title: `${t('consultation.report', lang)}${colon(lang)} ${d.title}`, author: o.organisation ?? '', subject: d.purpose ?? d.title, language: lang, date: d.date, keywords: [r.id, d.kind] }, ctx);
}
