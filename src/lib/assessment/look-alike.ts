// Participant ids that differ only in how a hand wrote them (P01 in the pre-test, p1 in the
// post-test typed from paper): shared by `sopkit score` and the scoring page, which both warn
// when unmatched participants are surely the same people.

/** An id as a hand may write it differently: no case, spaces, dashes or leading zeros (P01, p-1, P1). */
export const looseId = (id: string): string => id.toLowerCase().replace(/[\s_.-]+/g, '').replace(/(^|\D)0+(?=\d)/g, '$1');

/**
 * Pairs of unmatched ids that differ only in the way they were written: the same participant, surely.
 * @param pre Ids found only in the pre-test.
 * @param post Ids found only in the post-test.
 * @returns Each pair as `pre / post` (`P01 / p1`), in the pre-test's order.
 */
export function lookAlikes(pre: readonly string[], post: readonly string[]): string[] {
  const byLoose = new Map(post.map((id) => [looseId(id), id]));
  return pre.flatMap((id) => {
    const twin = byLoose.get(looseId(id));
    return twin ? [`${id} / ${twin}`] : [];
  });
}

/** The first five pairs, joined by `separator`, with `...` when there are more: a list short enough for one line. */
export function lookAlikeList(pairs: readonly string[], separator = ', '): string {
  return `${pairs.slice(0, 5).join(separator)}${pairs.length > 5 ? `${separator}...` : ''}`;
}
