// The words and number format of the training report (report.html and the scoring page), so the
// scoring page of a translated locale shows the report in its language. English by default: the
// CLI's report.html and the English scoring page use `englishReport` unchanged. Pure: no
// dictionaries, so the scoring page's script stays small (the page writes a language's words in).
import { englishCharts, type ChartWords } from './charts.ts';
import { fmt } from './format.ts';
import type { itemTypes } from '../../schemas/quiz.ts';

/** An item's type (`single`, `order`...). */
type ItemType = (typeof itemTypes)[number];
import type { ItemFlag, PrePostStats } from './types.ts';

/** The Wilcoxon test's method names (`inference.ts`). */
export type WilcoxonMethod = PrePostStats['wilcoxon']['method'];

/** Every text of the report; `{name}` placeholders are filled by the report. */
export interface ReportWords {
  pre: string;
  post: string;
  /** `{title}: results` */
  results: string;
  /** `Quiz {id}` */
  quizId: string;
  /** `SOP {id}` */
  sopId: string;
  /** `pass mark {mark}%` */
  passMark: string;
  /** `report of {date}` */
  reportOf: string;
  /** `{form} mean ({n} participants)`; plural forms by `Intl.PluralRules` category. */
  formMean: Partial<Record<Intl.LDMLPluralRule, string>>;
  /** `class normalized gain ({band})` */
  classGain: string;
  /** `paired t test (t = {t}, df {df})` */
  pairedT: string;
  effectSize: string;
  /** `passed the pre-test (pass mark {mark}%)` / post */
  passedPre: string;
  passedPost: string;
  bands: Record<'high' | 'medium' | 'low' | 'negative', string>;
  /** `Not in both tests, so left out of the comparison: {list}. Check the ids if they are the same person.` */
  unmatched: string;
  /** `pre-test only: {ids}` */
  preOnly: string;
  postOnly: string;
  prePost: string;
  /** The pre/post paragraph, with `{matched}`, `{change}`, `{unit}`, `{t}`, `{df}`, `{p}`, `{V}`, `{pw}`, `{method}`, `{dz}`, `{gain}`, `{band}`, `{individual}` */
  prePostText: string;
  marks: string;
  points: string;
  mastery: string;
  /** The colon after a column's name on a phone card, as the language writes it (`colon` of src/i18n). */
  colon: string;
  /** Between the items of a list (`, `; Arabic `، `) and between lists (`; `, French ` ; `, Arabic `؛ `). */
  separator: string;
  semicolon: string;
  /** `{n} / {m}`; Arabic `{n} من {m}`, where a slash between two numbers reads in either order. */
  outOf: string;
  masteryHead: [string, string, string, string];
  bothScores: string;
  bothHead: [string, string, string, string, string];
  stats: [string, string, string, string, string, string, string, string, string];
  /** `{form}: test statistics` */
  statsCaption: string;
  statsHead: [string, string];
  /** `Items to review, most urgent first: {list}.` */
  review: string;
  noReview: string;
  /** `{form}: item analysis (correct options in bold)` */
  itemsCaption: string;
  itemsHead: [string, string, string, string, string, string, string, string, string, string];
  /** `{form}: participants` */
  peopleCaption: string;
  peopleHead: [string, string, string, string, string];
  passed: string;
  notPassed: string;
  flags: Record<ItemFlag, string>;
  /** How the Wilcoxon p was computed, by the core's method name. */
  wilcoxon: Record<WilcoxonMethod, string>;
  /** Item types as the item analysis names them, by the quiz file's `type`. */
  types: Record<ItemType, string>;
  /** The charts' words. */
  charts: ChartWords;
  methodTitle: string;
  method: string;
}

/** The report's words in English, as `sopkit score` writes them. */
export const englishReport: ReportWords = {
  pre: 'Pre-test',
  post: 'Post-test',
  results: '{title}: results',
  quizId: 'Quiz {id}',
  sopId: 'SOP {id}',
  passMark: 'pass mark {mark}%',
  reportOf: 'report of {date}',
  formMean: { one: '{form} mean ({n} participant)', other: '{form} mean ({n} participants)' },
  classGain: 'class normalized gain ({band})',
  pairedT: 'paired t test (t = {t}, df {df})',
  effectSize: 'effect size d_z',
  passedPre: 'passed the pre-test (pass mark {mark}%)',
  passedPost: 'passed the post-test (pass mark {mark}%)',
  bands: { high: 'high', medium: 'medium', low: 'low', negative: 'negative' },
  unmatched: 'Not in both tests, so left out of the comparison: {list}. Check the ids if they are the same person.',
  preOnly: 'pre-test only: {ids}',
  postOnly: 'post-test only: {ids}',
  prePost: 'Pre-test and post-test',
  prePostText:
    '{matched} participants took both tests. Mean change {change} {unit}; paired t = {t}, df = {df}, {p}. Wilcoxon signed-rank V = {V}, {pw} ({method}). Effect size d<sub>z</sub> = {dz}. Class normalized gain {gain} ({band}); mean individual gain {individual}.',
  marks: 'marks',
  points: 'percentage points',
  mastery: 'Mastery of each objective (share of its marks earned)',
  colon: ':',
  separator: ', ',
  semicolon: '; ',
  outOf: '{n} / {m}',
  masteryHead: ['Objective', 'What participants should be able to do', 'Pre', 'Post'],
  bothScores: 'Scores of participants in both tests',
  bothHead: ['Participant', 'Name', 'Pre', 'Post', 'Gain'],
  stats: ['Participants', 'Maximum score', 'Mean', 'Median', 'Standard deviation', 'Skewness', 'Kurtosis', 'Cronbach alpha', 'Standard error of measurement'],
  statsCaption: '{form}: test statistics',
  statsHead: ['Statistic', 'Value'],
  review: 'Items to review, most urgent first: {list}.',
  noReview: 'No item needs review.',
  itemsCaption: '{form}: item analysis (correct options in bold)',
  itemsHead: ['Item', 'Type', 'Facility', 'SD', 'Discrimination', 'Discr. efficiency', 'Effective weight %', 'Random guess', 'Options chosen', 'Flags'],
  peopleCaption: '{form}: participants',
  peopleHead: ['Participant', 'Name', 'Score', 'Percent', 'Result'],
  passed: 'passed',
  notPassed: 'not passed',
  flags: {
    'negative-discrimination': 'negative discrimination',
    'low-discrimination': 'discrimination < 0.2',
    'too-hard': 'facility < 0.2',
    'too-easy': 'facility > 0.9',
    'negative-covariance': 'no effective weight',
    'no-variance': 'everyone scored the same',
  },
  wilcoxon: { exact: 'exact', 'normal approximation with continuity correction': 'normal approximation with continuity correction', 'not computed': 'not computed' },
  types: { single: 'single', multiple: 'multiple', truefalse: 'truefalse', order: 'order', scenario: 'scenario' },
  charts: englishCharts,
  methodTitle: 'How these numbers are computed',
  method:
    "Item statistics follow Moodle's quiz statistics report (classical test theory, variances with s − 1): facility = mean mark / maximum mark; discrimination = correlation of the item with the rest of the test; discriminative efficiency = that covariance over its largest possible value; effective weight = share of the spread of total scores carried by the item. Alpha is Cronbach's (KR-20 for right/wrong items); sem = sd × √(1 − alpha). Normalized gain = (post% − pre%) / (100 − pre%), undefined for a perfect pre-test. The paired t test and the Wilcoxon signed-rank test compare the participants who took both tests, as R's t.test and wilcox.test do (zero differences dropped; exact p without ties or zeros below 50 pairs, otherwise the normal approximation with continuity correction). Items are flagged for review when discrimination is negative or below 0.2, or facility is outside 0.2–0.9.",
};

/** Fills `{name}` placeholders (values are inserted as given: escape them first where needed). */
export function fillWords(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));
}

/**
 * The report's number format: `fmt` (a point, a real minus sign, a dash for null) in English,
 * or the same decimals in a locale's digits and separator (`0,52` in French) with `locale`.
 * @param locale A tag from `numberLocale`; absent for the English report.
 */
export function reportNumber(locale?: string): (value: number | null | undefined, digits?: number) => string {
  if (!locale) return fmt;
  return (value, digits = 2) => {
    const english = fmt(value, digits);
    if (english === '–' || value === null || value === undefined) return english;
    const text = new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.abs(Number(value.toFixed(digits))));
    return english.startsWith('−') ? `−${text}` : text;
  };
}
