/**
 * Types of the assessment engine: parsed responses (ARCHITECTURE.md, Formats: responses) and the score report (ARCHITECTURE.md, Formats: score output).
 * The report's field names are the `sopkit score --json` output; keep them exactly as documented
 * writes them. Statistics that are undefined for the data (an sd with one attempt, a gain when the
 * pre-test score is already 100 %) are `null`, never `NaN`, so the JSON stays valid.
 */

/** The two parallel forms of a quiz. */
export type FormId = 'pre' | 'post';

/** One participant's answers to one form, as read from one CSV row (or the test page). */
export interface ParticipantResponse {
  /** Participant id as typed (trimmed); the key for pre/post matching. */
  participant: string;
  /** Participant's name, when the file has a `name` column. */
  name?: string;
  form: FormId;
  /**
   * Answers by item id: option ids in the order given (`[]` = not answered). Order items list
   * their option ids in the participant's order; multiple-answer items list the chosen options.
   */
  answers: Record<string, string[]>;
  /** Where the row came from, for messages: file name and 1-based line in the file. */
  source: { file: string; row: number };
}

/** The rows of one responses file, after parsing and validation against the quiz. */
export interface ResponseSet {
  file: string;
  responses: ParticipantResponse[];
  /** Columns that were not item columns and were ignored (Kobo/ODK meta such as `_uuid`). */
  ignoredColumns: string[];
}

/** Flags on an item to review, in the order a trainer should look at them. */
export type ItemFlag =
  | 'negative-discrimination'
  | 'low-discrimination'
  | 'too-hard'
  | 'too-easy'
  | 'negative-covariance'
  | 'no-variance';

/** Item analysis for one item of one form. */
export interface ItemStats {
  id: string;
  /** Mean mark / max mark, 0..1. */
  facility: number | null;
  /** Sd of the item marks (s − 1 denominator) as a fraction of the item's max mark, as Moodle shows it. */
  sd: number | null;
  /** Pearson r of the item mark with the rest of the test (total minus this item). */
  discrimination: number | null;
  /** cov(x, rest) / covmax, covmax with x and rest each sorted on its own. */
  discriminativeEfficiency: number | null;
  /** Share of the total score's spread carried by this item, 0..1. */
  effectiveWeight: number | null;
  /** Expected fraction of the mark by guessing; null for multiple-answer and order items. */
  randomGuess: number | null;
  /**
   * Distractor analysis: how many participants chose each option (order items: put it first).
   * Blank answers are not counted.
   */
  options: Record<string, number>;
  flags: ItemFlag[];
}

/** One participant's result on one form. */
export interface ParticipantScore {
  id: string;
  /** Marks. */
  score: number;
  /** Score as a percentage of the form's maximum. */
  percent: number;
  passed: boolean;
}

/** Statistics of one form (ARCHITECTURE.md, Formats: score output). */
export interface FormStats {
  /** Number of attempts (participants). */
  n: number;
  maxScore: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  /** G1, bias corrected (needs n ≥ 3). */
  skewness: number | null;
  /** G2, bias corrected excess kurtosis (needs n ≥ 4). */
  kurtosis: number | null;
  /** Cronbach's alpha (= KR-20 for 0/1 items). */
  alpha: number | null;
  /** Standard error of measurement: sd · √(1 − alpha). */
  sem: number | null;
  items: ItemStats[];
  participants: ParticipantScore[];
}

/** One matched participant. Scores in marks; gain is the individual normalized gain. */
export interface PrePostParticipant {
  id: string;
  pre: number;
  post: number;
  /** (post% − pre%) / (100 − pre%); null when pre% is 100. */
  gain: number | null;
}

/** Wilcoxon signed-rank test of post against pre, as R's `wilcox.test(post, pre, paired = TRUE)`. */
export interface WilcoxonResult {
  /** Sum of the ranks of the positive differences. */
  V: number | null;
  p: number | null;
  /** `exact`, or `normal approximation with continuity correction` (ties, zeros or n ≥ 50). */
  method: 'exact' | 'normal approximation with continuity correction' | 'not computed';
}

/** Pre/post comparison over matched participants (ARCHITECTURE.md, Formats: score output). */
export interface PrePostStats {
  /** Number of participants found in both forms. */
  matched: number;
  /** Participants found in only one form (never dropped silently). */
  unmatched: { pre: string[]; post: string[] };
  participants: PrePostParticipant[];
  /** (mean post% − mean pre%) / (100 − mean pre%). */
  classGain: number | null;
  /** Mean of the defined individual gains. */
  meanIndividualGain: number | null;
  /** Mean of post − pre, in `scale` units. */
  meanDifference: number | null;
  /** Paired t statistic. */
  t: number | null;
  df: number | null;
  /** Two-sided p of the paired t test. */
  p: number | null;
  wilcoxon: WilcoxonResult;
  /** Mean difference / sd of differences. */
  dz: number | null;
  /** Mastery per objective: fraction of the objective's marks earned, over matched participants. */
  objectives: { id: string; pre: number | null; post: number | null }[];
  /** Facility of each item over matched participants; null where the item is not in that form. */
  items: { id: string; preFacility: number | null; postFacility: number | null }[];
  /**
   * Units of the differences: `marks` when both forms have the same maximum, else `percent`
   * (differences of marks on forms of different length mean nothing).
   */
  scale: 'marks' | 'percent';
}

/** `sopkit score --json` (ARCHITECTURE.md, Formats: score output). */
export interface ScoreReport {
  quiz: string;
  forms: Partial<Record<FormId, FormStats>>;
  /** Present when both forms are given. */
  prepost?: PrePostStats;
}
