/**
 * The comment register (ARCHITECTURE.md, Formats: comment register): a spreadsheet (CSV or XLSX)
 * with one comment per row, after the ISO/IEC commenting template. It is tabular, so it is
 * checked cell by cell in src/lib/lifecycle/register-check.ts rather than by a zod object; this
 * file holds the columns and the closed sets of values that the checker, the templates and the
 * reports share.
 */

/** Kinds of comment, as the ISO/IEC template has them (`ge`, `te`, `ed` are accepted too). */
export const commentTypes = ['general', 'technical', 'editorial'] as const;

/** Decisions on a comment; an empty decision means the comment is still open. */
export const commentDecisions = ['accepted', 'accepted-in-part', 'rejected', 'noted'] as const;

export type CommentType = (typeof commentTypes)[number];
export type CommentDecision = (typeof commentDecisions)[number];

/** One column of the register. */
export interface RegisterColumn {
  /** Header as written in the file (matched without regard to case, spaces, `_` or `-`). */
  name: string;
  /** Must the header be present? */
  required: boolean;
  /** What the column holds, for the authoring guide (the templates' help sheet words it in its language: `register.help.<name>` in src/i18n). */
  help: string;
}

/** The columns, in template order: the commenter's part, then the resolution. */
export const registerColumns = [
  { name: 'commenter', required: true, help: 'Organisation or person who made the comment.' },
  { name: 'sop', required: true, help: 'SOP id, e.g. birth-registration.' },
  { name: 'version', required: true, help: 'Version of the SOP commented on, e.g. 1.1.0 (one of the versions in its revision history).' },
  { name: 'section', required: true, help: 'Section number, e.g. 6.2 (type it as text in a spreadsheet: 6.10 is not 6.1).' },
  { name: 'paragraph', required: false, help: '¶ number within the section (3), or "table 1" / "figure 1"; empty for the whole section.' },
  { name: 'line', required: false, help: 'Line number in the margin of the review copy (57), or the first and last line of a passage (57-59), if known.' },
  { name: 'type', required: true, help: 'general, technical or editorial (ge, te, ed).' },
  { name: 'comment', required: true, help: 'The comment: what is wrong or missing, and why.' },
  { name: 'proposal', required: false, help: 'The change proposed, in words ready to paste.' },
  { name: 'decision', required: false, help: 'accepted, accepted-in-part, rejected or noted; empty while the comment is open.' },
  { name: 'response', required: false, help: 'Why the drafters decided so; required with a decision.' },
  { name: 'changedIn', required: false, help: 'The version in which the text changed, e.g. 1.2.0.' },
] as const satisfies readonly RegisterColumn[];

/** A column name. */
export type RegisterColumnName = (typeof registerColumns)[number]['name'];
