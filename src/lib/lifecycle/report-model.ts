import type { Consultation, ConsultationAction } from '../../schemas/consultation.ts';
import { commentDecisions, commentTypes, type CommentDecision, type CommentType } from '../../schemas/comment-register.ts';
import type { Project } from '../content/project.ts';
import { compareVersions, type CommentRecord } from './comments.ts';
import type { ConsultationDoc } from './consultations.ts';
import { commentsOf, type LifecycleModel } from './model.ts';

/** Attendance totals; women and men are summed only over the delegations that recorded them. */
export interface Attendance {
  rows: Consultation['participants'];
  organisations: number;
  total: number;
  female: number;
  male: number;
  /** People whose sex was not recorded. */
  unrecorded: number;
}

/** Comments counted by type, for one bar of the chart or one row of a table. */
export interface TypeCounts {
  label: string;
  /** SOP id and section, when the row is about one. */
  sop?: string;
  section?: string;
  counts: Record<CommentType, number>;
  open: number;
}

/** An action with its state against the date of the report. */
export interface ActionStatus extends ConsultationAction {
  state: 'done' | 'open' | 'overdue';
}

/** Everything the completion report of one consultation shows, HTML and PDF alike. */
export interface ConsultationReport {
  id: string;
  file: string;
  data: Consultation;
  /** The SOPs discussed, with their code and title where the SOP exists. */
  sops: { id: string; version: string; code?: string; title?: string }[];
  attendance: Attendance;
  comments: CommentRecord[];
  /** Comments by SOP (one row each). */
  bySop: TypeCounts[];
  /** Comments by SOP section, in document order within each SOP. */
  bySection: TypeCounts[];
  byType: Record<CommentType, number>;
  byDecision: Record<CommentDecision | 'open', number>;
  actions: ActionStatus[];
  /** The date actions were judged against (YYYY-MM-DD). */
  today: string;
}

const zero = (): Record<CommentType, number> => ({ general: 0, technical: 0, editorial: 0 });

function count(rows: Map<string, TypeCounts>, key: string, make: () => TypeCounts, c: CommentRecord): void {
  const row = rows.get(key) ?? make();
  if (c.type) row.counts[c.type]++;
  if (!c.decision) row.open++;
  rows.set(key, row);
}

/**
 * The consultation completion report: purpose, date and place, attendance by organisation (and
 * by sex where recorded), agenda, comments summarised by SOP, section and type, the comment
 * resolution matrix, decisions, and actions marked done, open or overdue against `today`.
 * @param doc The consultation (valid).
 * @param model The life-cycle records (its comments).
 * @param project The loaded project (SOP codes and titles).
 * @param today Date to judge actions against, YYYY-MM-DD.
 */
export function consultationReport(doc: ConsultationDoc & { data: Consultation }, model: LifecycleModel, project: Project, today: string): ConsultationReport {
  const data = doc.data;
  const participants = data.participants;
  const recorded = participants.filter((p) => p.female !== undefined || p.male !== undefined);
  const total = participants.reduce((n, p) => n + p.count, 0);
  const female = recorded.reduce((n, p) => n + (p.female ?? 0), 0);
  const male = recorded.reduce((n, p) => n + (p.male ?? 0), 0);
  const comments = commentsOf(model, doc.id);
  const sopOf = (id: string) => project.sops.find((s) => s.id === id)?.data;
  const bySop = new Map<string, TypeCounts>();
  const bySection = new Map<string, TypeCounts>();
  const byType = zero();
  const byDecision = Object.fromEntries([...commentDecisions, 'open'].map((d) => [d, 0])) as Record<CommentDecision | 'open', number>;
  for (const c of comments) {
    const code = sopOf(c.sop)?.code ?? c.sop;
    count(bySop, c.sop, () => ({ label: `${code} v${c.version}`, sop: c.sop, counts: zero(), open: 0 }), c);
    count(bySection, `${c.sop}\0${c.section}`, () => ({ label: `${code} §${c.section}`, sop: c.sop, section: c.section, counts: zero(), open: 0 }), c);
    if (c.type) byType[c.type]++;
    byDecision[c.decision ?? 'open']++;
  }
  const sopRank = new Map(data.sops.map((s, i) => [s.id, i]));
  const rank = (r: TypeCounts) => sopRank.get(r.sop ?? '') ?? 99;
  return {
    id: doc.id,
    file: doc.file,
    data,
    sops: data.sops.map((s) => ({ ...s, code: sopOf(s.id)?.code, title: sopOf(s.id)?.title })),
    attendance: { rows: participants, organisations: new Set(participants.map((p) => p.organisation)).size, total, female, male, unrecorded: total - female - male },
    comments,
    bySop: [...bySop.values()].sort((a, b) => rank(a) - rank(b)),
    bySection: [...bySection.values()].sort((a, b) => rank(a) - rank(b) || compareVersions(a.section ?? '', b.section ?? '')),
    byType,
    byDecision,
    actions: data.actions.map((a) => ({ ...a, state: a.done ? 'done' : a.due < today ? 'overdue' : 'open' })),
    today,
  };
}

/** Total of a row of type counts. */
export function totalOf(r: TypeCounts): number {
  return commentTypes.reduce((n, t) => n + r.counts[t], 0);
}
