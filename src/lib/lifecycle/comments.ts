import { commentDecisions, commentTypes, type CommentDecision, type CommentType } from '../../schemas/comment-register.ts';

/** One comment of a register, checked and normalised: what reports and the approval gate read. */
export interface CommentRecord {
  /** Register file and spreadsheet row it came from. */
  file: string;
  row: number;
  /** Id of the consultation whose register holds it, when it came through one. */
  consultation?: string;
  commenter: string;
  sop: string;
  version: string;
  section: string;
  /** ¶ number, `table 1`, `figure 1`, or '' for the whole section. */
  paragraph: string;
  line: string;
  type: CommentType | undefined;
  comment: string;
  proposal: string;
  /** Undefined while the comment is open. */
  decision: CommentDecision | undefined;
  response: string;
  /** Version in which the text changed, or ''. */
  changedIn: string;
}

const typeAliases: Record<string, CommentType> = { ge: 'general', te: 'technical', ed: 'editorial' };

/** A comment type as written (`Technical`, `te`) → its id, or undefined when it is not one. */
export function parseCommentType(text: string): CommentType | undefined {
  const s = text.trim().toLowerCase();
  if ((commentTypes as readonly string[]).includes(s)) return s as CommentType;
  return typeAliases[s];
}

/** A decision as written (`Accepted in part`, `accepted_in_part`) → its id, or undefined when it is not one. */
export function parseDecision(text: string): CommentDecision | undefined {
  const s = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (commentDecisions as readonly string[]).includes(s) ? (s as CommentDecision) : undefined;
}

/** True while nobody has decided on the comment. */
export function isOpen(c: CommentRecord): boolean {
  return c.decision === undefined;
}

/** Compares dotted numbers part by part (`1.10.0` after `1.9.0`, section `6.10` after `6.2`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** `2, 3, 4, 7` → `2–4, 7`: row lists in messages. */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    out.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
  }
  return out.join(', ');
}
