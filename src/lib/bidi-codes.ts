/**
 * A text cut into its words and the codes in it written in Latin letters and digits with a
 * hyphen (forms BR-01, DQ-04, steps SOP-CR-01), each code to be shown in an isolate that does not
 * wrap: in an Arabic sentence "(BR-01)" broke at its hyphen and showed "(-BR" on one line and
 * "01)." on the next.
 */
export function withCodes(text: string): ({ text: string } | { code: string })[] {
  const out: ({ text: string } | { code: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(/\b[A-Z]{1,5}(?:-[A-Z0-9]{1,6})+\b/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ code: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
