import type { TextFormat } from 'gift-pegjs';

/** The text formats a SOPKit item keeps from Moodle; plain text when none is set. */
export type ItemFormat = 'plain' | 'html' | 'markdown';

/** Moodle's formats as an item keeps them: its auto-format (`[moodle]`) is plain text. */
export function itemFormatOf(format: TextFormat['format'] | undefined): ItemFormat {
  return format === 'html' || format === 'markdown' ? format : 'plain';
}

const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');

/**
 * The format of a whole question: HTML when any of its texts is HTML, else Markdown when any is
 * Markdown, else plain. One format per item keeps the quiz simple; the texts are converted to it.
 * @param texts Stem, answers and feedback of the question.
 */
export function questionFormat(texts: readonly (TextFormat | null | undefined)[]): ItemFormat {
  const formats = new Set(texts.flatMap((t) => (t ? [itemFormatOf(t.format)] : [])));
  return formats.has('html') ? 'html' : formats.has('markdown') ? 'markdown' : 'plain';
}

/**
 * One text in the question's format, unchanged in meaning: plain text becomes escaped HTML or
 * escaped Markdown. Markdown inside an HTML question (or the reverse) cannot be converted without
 * a renderer; it is kept as written and `onMixed` is told.
 * @param text The text and its format.
 * @param to The question's format.
 * @param onMixed Called when the text stays in another format.
 */
export function inFormat(text: TextFormat, to: ItemFormat, onMixed: (from: ItemFormat) => void): string {
  const from = itemFormatOf(text.format);
  if (from === to) return text.text;
  if (from === 'plain') return to === 'html' ? escapeHtml(text.text) : escapeMarkdown(text.text);
  onMixed(from);
  return text.text;
}
