/** A text as a regular expression that matches it literally (`1:N (x)` → `1:N \(x\)`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
