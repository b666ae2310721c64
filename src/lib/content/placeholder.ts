/**
 * Whether a text still holds a bracketed placeholder of the model pack, to be filled in by the
 * country: `[Country]`, `[Civil Registration Act, year]`, `[Autorité nationale…]`.
 */
export function isPlaceholder(text: string): boolean {
  return /\[[^\]]+\]/.test(text);
}
