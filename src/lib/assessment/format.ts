// Numbers as a training report prints them; shared by report.html, the scoring page and report.pdf.

/** A number for reading: fixed decimals, a real minus sign, a dash for null. */
export function fmt(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const text = value.toFixed(digits);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/** A p value as papers print it, with its relation: `p = 0.042`, `p < 0.001`. */
export function fmtP(p: number | null): string {
  if (p === null) return 'p = –';
  return p < 0.001 ? 'p < 0.001' : `p = ${fmt(p, 3)}`;
}
