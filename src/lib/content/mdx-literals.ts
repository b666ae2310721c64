/**
 * What an SOP body may hold in braces, for the checker and the body renderer alike
 * (`src/lib/content/sop-body.ts`): a comment, and attribute values written as literals.
 */

/** An expression that is only comments: `{/* a note to the next author *\/}`. */
export function isComment(value: string): boolean {
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*(?:\n\s*|$))*$/.test(value);
}

/**
 * The value of an attribute written as an expression, when it is a literal: `{false}`, `{3}`,
 * `{"text"}`, `{'text'}` (`undefined` leaves the attribute out).
 * @throws Error when it is not a literal.
 */
export function literal(source: string): string | number | boolean | null | undefined {
  const text = source.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (text === 'undefined') return undefined;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return Number(text);
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return JSON.parse(text) as string;
  if (/^'(?:[^'\\]|\\.)*'$/.test(text)) return JSON.parse(`"${text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
  throw new Error('not a literal');
}

/** Whether an attribute expression is a literal that `literal` reads. */
export function isLiteral(source: string): boolean {
  try {
    literal(source);
    return true;
  } catch {
    return false;
  }
}

/** An expression's text on one line, shortened for a message. */
export function oneLine(source: string): string {
  const text = source.replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
