/** Edit distance (Levenshtein), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

/** The known name closest to a mistyped one, when it is close enough to be the one meant. */
export function closest(id: string, ids: Iterable<string>): string | undefined {
  const best = [...ids].map((k) => ({ k, d: editDistance(id, k) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(3, Math.floor(id.length / 4)) ? best.k : undefined;
}

/**
 * ` (did you mean "x"?)` for the known id nearest to a mistyped one, or '' when none is near.
 * @param id The id written.
 * @param ids The ids that exist.
 */
export function didYouMean(id: string, ids: Iterable<string>): string {
  const best = closest(id, ids);
  return best ? ` (did you mean "${best}"?)` : '';
}
