// One participant id with two names: a pre-test and a post-test typed from paper where a sheet was
// numbered with another person's id (P03 "Samuel Okoro" in the pre-test, P03 "Grace Mensah" in the
// post-test). The scores were paired by id and one person's gain credited to another, without a
// word. Shared by `sopkit score`, the training report and the scoring page.

/** Where one name of an id was read: a file (and its row), or an attendance list. */
export interface NamedRow {
  id: string;
  name: string;
  /** The file the name is in ("pre.csv", "post.xlsx"). */
  file: string;
  /** 1-based row in that file, when known. */
  row?: number;
}

/** The names of responses that have one, with their files and rows (`source`). */
export function namedRows(responses: readonly { participant: string; name?: string; source: { file: string; row: number } }[]): NamedRow[] {
  return responses.flatMap((r) => (r.name ? [{ id: r.participant, name: r.name, file: r.source.file, row: r.source.row }] : []));
}

/** An id read with names that are not one person's. */
export interface NameConflict {
  id: string;
  /** Each different name once, where it was first read. */
  names: NamedRow[];
}

/**
 * A name as a hand or a keyboard may write one person's differently: no case, accents, dots or
 * hyphens, and its words in any order ("Okoro, Samuel", "samuel OKORO", "Samuel Okoro").
 */
export const looseName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');

/**
 * Ids that carry names of different people in the rows given (pre-test, post-test, attendance):
 * a row without a name says nothing. In the order the ids are first read.
 */
export function nameConflicts(rows: readonly NamedRow[]): NameConflict[] {
  const byId = new Map<string, Map<string, NamedRow>>();
  for (const row of rows) {
    const loose = looseName(row.name);
    if (!loose) continue;
    const names = byId.get(row.id) ?? new Map<string, NamedRow>();
    if (!names.has(loose)) names.set(loose, row);
    byId.set(row.id, names);
  }
  return [...byId].flatMap(([id, names]) => (names.size > 1 ? [{ id, names: [...names.values()] }] : []));
}

/**
 * The conflicts for one line of a message: `P03 ("Samuel Okoro" in pre.csv row 4, "Grace Mensah"
 * in post.csv row 5)`, the first five, `...` after.
 * @param show One name and where it was read, in the message's language.
 */
export function nameConflictList(conflicts: readonly NameConflict[], show: (row: NamedRow) => string = (r) => `"${r.name}" in ${r.file}${r.row ? ` row ${r.row}` : ''}`, separator = '; '): string {
  const one = (c: NameConflict) => `${c.id} (${c.names.map(show).join(', ')})`;
  return `${conflicts.slice(0, 5).map(one).join(separator)}${conflicts.length > 5 ? `${separator}...` : ''}`;
}
