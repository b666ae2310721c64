// Digits as an Arabic keyboard types them. An office in an Arabic-speaking country types a
// participant's id, a Likert point, an attendance mark or a step's minutes in Arabic-Indic digits
// (٠١٢٣٤٥٦٧٨٩, U+0660–U+0669) or, on a Persian or Urdu layout, the extended ones (۰۱۲۳۴۵۶۷۸۹,
// U+06F0–U+06F9). They are the same numbers: P٠١ on the pre-test is P01 on the post-test.

const ARABIC_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * The text with its Arabic-Indic and extended Arabic-Indic digits as ASCII digits (`P٠١` → `P01`,
 * `۴` → `4`: the digit is the code point's last hexadecimal digit), and the Arabic decimal
 * separator `٫` (U+066B) between two digits as `.` when `decimal` is set (`٦٫٢` → `6.2`); every
 * other character as it was. For cells that hold an id or a number, never free text, and for the
 * search index's words (`src/lib/search/languages.ts`).
 */
export function asciiDigits(text: string, options: { decimal?: boolean } = {}): string {
  const digits = text.replace(ARABIC_DIGIT, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
  return options.decimal ? digits.replace(/(?<=\p{N})\u066b(?=\p{N})/gu, '.') : digits;
}
