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
}

// What each column holds is worded once per language, for the templates' help sheet:
// `register.help.<name>` in src/i18n.

/** The columns, in template order: the commenter's part, then the resolution. */
export const registerColumns = [
  { name: 'commenter', required: true },
  { name: 'sop', required: true },
  { name: 'version', required: true },
  { name: 'section', required: true },
  { name: 'paragraph', required: false },
  { name: 'line', required: false },
  { name: 'type', required: true },
  { name: 'comment', required: true },
  { name: 'proposal', required: false },
  { name: 'decision', required: false },
  { name: 'response', required: false },
  { name: 'changedIn', required: false },
] as const satisfies readonly RegisterColumn[];

/** A column name. */
export type RegisterColumnName = (typeof registerColumns)[number]['name'];
