import { commentDecisions, commentTypes, type RegisterColumnName } from '../../schemas/comment-register.ts';
import type { Project, SopDoc } from '../content/project.ts';
import { looksLikeDate, sectionRangeWords } from '../content/sections.ts';
import { compareVersions, parseCommentType, parseDecision, rowRanges, type CommentRecord } from './comments.ts';
import type { Register, RegisterProblem, RegisterRow } from './register-read.ts';
import type { ReviewLineCounts } from './review-lines.ts';
import type { SopOutline } from './versions.ts';

/** What checking registers gives: the comments that passed (for reports) and every problem. */
export interface CheckedRegisters {
  comments: CommentRecord[];
  problems: RegisterProblem[];
}

const SEMVER = /^\d+\.\d+\.\d+$/;

/** Checks one paragraph reference against a section's paragraphs; undefined when it is right. */
function paragraphProblem(ref: string, section: string, outline: SopOutline, version: string): string | undefined {
  const inSection = outline.paragraphs.filter((p) => p.section === section);
  const numbered = /^(?:¶|p\.?|para(?:graph)?\.?)?\s*(\d+)$/i.exec(ref);
  if (numbered) {
    const n = Number(numbered[1]);
    if (n >= 1 && n <= inSection.length) return undefined;
    return inSection.length
      ? `§${section} of version ${version} has ${inSection.length} paragraph${inSection.length > 1 ? 's' : ''} (¶1 to ¶${inSection.length}), not ¶${n}; see the numbers in the review copy's margin`
      : `§${section} of version ${version} has no paragraphs of its own (only subsections); cite a subsection, or leave the paragraph empty`;
  }
  const kind = /^(table|figure|fig\.?)\s*(\d+)?$/i.exec(ref);
  if (kind) {
    const what = kind[1]!.toLowerCase().startsWith('fig') ? 'figure' : 'table';
    const count = inSection.filter((p) => p.kind === what).length;
    const n = Number(kind[2] ?? 1);
    if (n >= 1 && n <= count) return undefined;
    return `§${section} of version ${version} has ${count || 'no'} ${what}${count === 1 ? '' : 's'}, so there is no "${ref}"`;
  }
  return `"${ref}" is not a paragraph reference; write the ¶ number (3), "table 1" or "figure 1", or leave it empty for the whole section`;
}

/** Where a section number could be one that a spreadsheet turned into a number (6.10 → 6.1). */
function trailingZeroTwin(section: string, outline: SopOutline): string | undefined {
  const twin = `${section}0`;
  return outline.sections.some((s) => s.number === twin) ? twin : undefined;
}

/**
 * Checks every row of some comment registers against the SOP versions they name, and merges
 * them (ARCHITECTURE.md, Formats: comment register). Each problem names the file, the row and
 * the column. Rows on a version whose text is neither the current file nor in the git history
 * cannot have their sections checked: one warning per register says which.
 * @param registers Registers as read.
 * @param project The loaded project.
 * @param outlineOf Sections and paragraphs of an SOP at a version (see `outlineLookup`).
 * @param lines The line counts of the review copies cited (see `reviewLineCounts`): a line past
 *   the end of its version's review copy is an error; versions not in it are not checked.
 */
export function checkRegisters(registers: readonly Register[], project: Project, outlineOf: (sop: SopDoc, version: string) => SopOutline | undefined, lines: ReviewLineCounts = new Map()): CheckedRegisters {
  const comments: CommentRecord[] = [];
  const problems: RegisterProblem[] = [];
  const seen = new Map<string, { file: string; row: number }>();
  for (const reg of registers) {
    const found: RegisterProblem[] = [...reg.problems];
    // A register read without a problem and without a comment: a header alone, or the template's
    // rows untouched. Passed as "0 comments", exit 0, where the dry-run results refuse the same.
    if (!reg.rows.length && !reg.problems.length) {
      found.push({ file: reg.file, row: 1, severity: 'warning', code: 'register/no-comments', message: 'no comments in it (a header and no rows, or only the rows of the template with nothing filled in); fill in one row per comment (commenter and comment at least), or, if the consultation had none, remove the register from its record' });
    }
    const unchecked = new Map<string, number[]>();
    for (const r of reg.rows) {
      const { errors, record } = checkRow(reg, r, project, outlineOf, unchecked, lines);
      found.push(...errors);
      if (!record) continue;
      comments.push(record);
      // ¶1, "¶ 1", "para. 1" and 1 are one paragraph: the same comment written both ways is one comment.
      const paragraph = record.paragraph.replace(/^(?:¶|p\.?|para(?:graph)?\.?)\s*(?=\d+$)/i, '');
      const key = [record.commenter, record.sop, record.version, record.section, paragraph, record.comment].map((s) => s.toLowerCase().trim().replace(/\s+/g, ' ')).join('\u0001');
      const first = seen.get(key);
      if (first) found.push({ file: reg.file, row: r.row, column: reg.columns.comment?.header, columnIndex: reg.columns.comment?.index, severity: 'warning', code: 'register/duplicate', message: `row ${r.row}: the same comment as ${first.file === reg.file ? '' : `${first.file} `}row ${first.row} (same commenter, SOP, version, section, paragraph and text); keep one of them` });
      else seen.set(key, { file: reg.file, row: r.row });
    }
    if (unchecked.size) {
      const list = [...unchecked].map(([v, rows]) => `${v.replace('@', ' ')} (row${rows.length > 1 ? 's' : ''} ${rowRanges(rows)})`);
      const firstRow = [...unchecked.values()].reduce((min, rows) => Math.min(min, rows[0] ?? min), Infinity);
      found.push({ file: reg.file, row: firstRow, column: reg.columns.section?.header, columnIndex: reg.columns.section?.index, severity: 'warning', code: 'register/version-not-checkable', message: `sections and paragraphs not checked for ${list.join(', ')}: the text of ${unchecked.size > 1 ? 'these versions is' : 'this version is'} neither the current file nor in its git history` });
    }
    problems.push(...found.sort((a, b) => a.row - b.row || (a.columnIndex ?? 0) - (b.columnIndex ?? 0)));
  }
  return { comments, problems };
}

/**
 * The lines a comment cites: one line ("57") or a range ("57-59", "57–59", "57 to 59"), as a
 * reader marks a sentence that runs over several lines of the review copy; undefined when the
 * cell is neither.
 * @param text The register's line cell.
 */
export function citedLines(text: string): { first: number; last: number } | undefined {
  const m = /^([1-9]\d*)(?:\s*(?:[-–—]|to)\s*([1-9]\d*))?$/i.exec(text.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  return { first, last: m[2] === undefined ? first : Number(m[2]) };
}

/** A line cell as reports print it: "57", or a range "57–59". */
function linesText(cited: { first: number; last: number }): string {
  return cited.first === cited.last ? String(cited.first) : `${cited.first}–${cited.last}`;
}

/** Why a line (or the end of a range) is past the end of its version's review copy; undefined when it is within it or cannot be known. */
function lineProblem(last: number, shown: string, sop: string, version: string, lines: ReviewLineCounts): string | undefined {
  const count = lines.get(`${sop}@${version}`);
  if (!count || last <= Math.max(count.a4, count.letter)) return undefined;
  const papers = count.a4 === count.letter ? `${count.a4} lines` : `${count.a4} lines on A4 paper, ${count.letter} on letter`;
  const whose = count.languages ? `whose longest text (of ${count.languages.join(', ')}) has` : 'whose text has';
  return `line ${shown} is past the end of the review copy of ${sop} ${version}, ${whose} ${papers}; write the number from the review copy's margin (the left one; the right one in an Arabic copy), or leave it empty`;
}

function checkRow(reg: Register, r: RegisterRow, project: Project, outlineOf: (sop: SopDoc, version: string) => SopOutline | undefined, unchecked: Map<string, number[]>, lines: ReviewLineCounts): { errors: RegisterProblem[]; record?: CommentRecord } {
  const errors: RegisterProblem[] = [];
  const c = r.cells;
  const fail = (column: RegisterColumnName, code: string, message: string, severity: 'error' | 'warning' = 'error') => {
    const col = reg.columns[column];
    errors.push({ file: reg.file, row: r.row, column: col?.header ?? column, columnIndex: col?.index, severity, code, message: `row ${r.row}, column "${col?.header ?? column}": ${message}` });
  };
  if (!c.commenter) fail('commenter', 'register/no-commenter', 'empty; name the organisation or person who made the comment');
  if (!c.comment) fail('comment', 'register/no-comment', 'empty; every row is one comment');
  const type = parseCommentType(c.type);
  if (!type) fail('type', 'register/bad-type', c.type ? `"${c.type}" is not a type of comment; use ${commentTypes.join(', ')} (or ge, te, ed)` : `empty; use ${commentTypes.join(', ')} (or ge, te, ed)`);
  const decision = c.decision ? parseDecision(c.decision) : undefined;
  if (c.decision && !decision) fail('decision', 'register/bad-decision', `"${c.decision}" is not a decision; use ${commentDecisions.join(', ')}, or leave it empty while the comment is open`);
  if (decision && !c.response) fail('response', 'register/no-response', `the decision is "${decision}" but there is no response; say why, so the commenter can see how the comment was handled`);
  const cited = c.line ? citedLines(c.line) : undefined;
  if (c.line && !cited) fail('line', 'register/bad-line', `"${c.line}" is not a line number; write the number from the review copy's margin (57; the left margin, the right one in an Arabic copy), or the first and last line of a passage (57-59), or leave it empty`);
  else if (cited && cited.last < cited.first) fail('line', 'register/bad-line', `"${c.line}" runs backwards; write the first line of the passage, then the last (${cited.last}-${cited.first})`);

  // The id, or the code the review copy's cover and footer print (SOP-CR-01): the record names the id,
  // so the approval gate finds the comment under its SOP either way.
  const sop = project.sops.find((s) => s.id === c.sop) ?? project.sops.find((s) => !!c.sop && s.data?.code.toLowerCase() === c.sop.toLowerCase());
  if (sop && sop.id !== c.sop) c.sop = sop.id;
  if (!c.sop) fail('sop', 'register/no-sop', 'empty; write the SOP id, e.g. birth-registration');
  else if (!sop) fail('sop', 'register/unknown-sop', `no SOP "${c.sop}" in content/sops/; known: ${project.sops.map((s) => s.id).join(', ')}`);
  const data = sop?.data;
  const history = data?.history.map((h) => h.version) ?? [];
  let versionKnown = false;
  if (!SEMVER.test(c.version)) fail('version', 'register/bad-version', c.version ? `"${c.version}" is not a version; write it as in the SOP's history, e.g. 1.2.0 (as text: a spreadsheet may turn 1.2 into a number)` : 'empty; write the version commented on, e.g. 1.2.0');
  else if (data && !history.includes(c.version)) fail('version', 'register/unknown-version', `${c.sop} has no version ${c.version}; its history has ${history.join(', ')}`);
  else versionKnown = Boolean(data);
  if (c.changedIn && data) {
    if (!SEMVER.test(c.changedIn) || !history.includes(c.changedIn)) fail('changedIn', 'register/unknown-changed-in', `${c.sop} has no version "${c.changedIn}"; its history has ${history.join(', ')}`);
    else if (versionKnown && compareVersions(c.changedIn, c.version) <= 0) fail('changedIn', 'register/changed-before', `${c.changedIn} is not later than the version commented on (${c.version}); name the version in which the text changed`);
    else if (!c.decision) fail('changedIn', 'register/changed-without-decision', `the text changed in ${c.changedIn} but there is no decision; record the decision and response`, 'warning');
  }

  if (!c.section) fail('section', 'register/no-section', 'empty; write the section number, e.g. 6.2');
  else if (sop && versionKnown) {
    const outline = outlineOf(sop, c.version);
    // Added to in place: a copy per row made a register of 50,000 rows on such a version take minutes.
    if (!outline) {
      const key = `${c.sop}@${c.version}`;
      const rows = unchecked.get(key);
      if (rows) rows.push(r.row);
      else unchecked.set(key, [r.row]);
    }
    else if (!outline.sections.some((s) => s.number === c.section)) {
      // A section typed in a spreadsheet set to French or German becomes a date (6.2 → 6 February),
      // which a CSV export writes as 06-févr, 06/02/2026 or 6-Feb.
      const date = looksLikeDate(c.section) ? `; the cell holds a date: a spreadsheet turned a section number into one (6.2 typed where the comma is the decimal mark becomes 6 February), so format the column as text and type the section again` : '';
      fail('section', 'register/unknown-section', `${c.sop} ${c.version} has no section ${c.section} (${sectionRangeWords(outline.sections, c.section)}; see the review copy)${date}`);
    } else {
      const twin = r.numeric.has('section') ? trailingZeroTwin(c.section, outline) : undefined;
      if (twin) fail('section', 'register/section-as-number', `the cell holds the number ${c.section}, and ${c.sop} has both ${c.section} and ${twin}: a spreadsheet drops the trailing zero of 6.10; format the column as text and type the section again`, 'warning');
      const problem = c.paragraph ? paragraphProblem(c.paragraph, c.section, outline, c.version) : undefined;
      if (problem) fail('paragraph', 'register/unknown-paragraph', problem);
    }
  }
  const beyond = cited && versionKnown ? lineProblem(cited.last, linesText(cited), c.sop, c.version, lines) : undefined;
  if (beyond) fail('line', 'register/line-beyond', beyond);
  if (errors.some((e) => e.severity === 'error')) return { errors };
  return {
    errors,
    record: { file: reg.file, row: r.row, commenter: c.commenter, sop: c.sop, version: c.version, section: c.section, paragraph: c.paragraph, line: cited ? linesText(cited) : c.line, type, comment: c.comment, proposal: c.proposal, decision, response: c.response, changedIn: c.changedIn },
  };
}
