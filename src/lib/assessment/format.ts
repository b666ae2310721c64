// Numbers as a training report prints them; shared by report.html, the scoring page, the test page
// and report.pdf.
import { formatDecimal } from '../../i18n/numbers.ts';

/**
 * A number for reading: fixed decimals, a real minus sign, a dash for null; in the digits and
 * decimal sign of `lang` (`0,53` in French), English by default.
 */
export function fmt(value: number | null | undefined, digits = 2, lang = 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return formatDecimal(value, digits, lang);
}

/** A p value as papers print it, with its relation: `p = 0.042`, `p < 0.001` (`p < 0,001` in French). */
export function fmtP(p: number | null, lang = 'en'): string {
  if (p === null) return 'p = –';
  return p < 0.001 ? `p < ${fmt(0.001, 3, lang)}` : `p = ${fmt(p, 3, lang)}`;
}

/** Most decimals a percent is shown with; past them a failing score is cut, not rounded, to stay below. */
const MAX_DIGITS = 3;

/** Decimals a pass mark is written with (`48` → 0, `47.5` → 1). */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * The fewest decimals (at least those of the pass mark) with which a percent, rounded, stays on
 * its side of the pass mark: 47.6 against 48 needs 1 (`47.6`, not `48`, next to "not passed").
 * @param percent The score in percent.
 * @param passMark The pass mark in percent.
 */
export function passDigits(percent: number, passMark: number): number {
  const passed = percent + 1e-9 >= passMark;
  for (let digits = Math.min(decimalsOf(passMark), MAX_DIGITS); digits <= MAX_DIGITS; digits++) {
    if (Number(percent.toFixed(digits)) + 1e-9 >= passMark === passed) return digits;
  }
  return MAX_DIGITS;
}

/**
 * A percent (the number, without the sign) next to a pass or fail, with the decimals that decide
 * it: `47.6` (not `48`) against a pass mark of 48, `72` when nothing is in doubt. A failing score
 * that would round onto the pass mark even at three decimals is cut instead (`47.999`).
 * @param percent The score in percent.
 * @param passMark The pass mark in percent.
 */
export function fmtPercent(percent: number, passMark: number): string {
  const { value, digits } = percentShown(percent, passMark);
  return fmt(value, digits);
}

/**
 * The value and decimals `fmtPercent` prints, for a caller that writes the number in a
 * language's own format (`score-line.ts`).
 * @param percent The score in percent.
 * @param passMark The pass mark in percent.
 */
export function percentShown(percent: number, passMark: number): { value: number; digits: number } {
  const digits = passDigits(percent, passMark);
  const passed = percent + 1e-9 >= passMark;
  const value = Number(percent.toFixed(digits)) + 1e-9 >= passMark === passed ? percent : Math.floor(percent * 10 ** digits) / 10 ** digits;
  return { value, digits };
}
