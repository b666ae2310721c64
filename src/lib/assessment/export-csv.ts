import type { Quiz } from '../../schemas/quiz.ts';
import { responsesCsvFor, writeCsv } from './csv-write.ts';
import { passDigits } from './format.ts';
import { byParticipant } from './item-analysis.ts';
import { formItems } from './quiz-rules.ts';
import type { FormId, ParticipantResponse, ScoreReport } from './types.ts';

/** A number for a spreadsheet: up to `digits` decimals, no trailing zeros; empty for null. */
export function cell(value: number | null | undefined, digits = 4): number | '' {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Participant names by id, from the responses (the report itself carries only ids). */
export function namesOf(responses: readonly ParticipantResponse[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of responses) if (r.name && !names.has(r.participant)) names.set(r.participant, r.name);
  return names;
}

/**
 * `scores.csv`: one row per participant, pre and post side by side, with the individual gain.
 * Participants in only one form have the other left empty (and are listed as unmatched).
 * @param report The scores.
 * @param names Participant names by id.
 * @param passMark The quiz's pass mark, so percents show the decimals that decide a pass.
 */
export function scoresCsv(report: ScoreReport, names: ReadonlyMap<string, string> = new Map(), passMark?: number): string {
  const { pre, post } = report.forms;
  const ids = [...new Set([...(pre?.participants ?? []), ...(post?.participants ?? [])].map((p) => p.id))].sort(byParticipant);
  const gains = new Map(report.prepost?.participants.map((p) => [p.id, p.gain]) ?? []);
  const side = (form: typeof pre, id: string) => {
    const p = form?.participants.find((x) => x.id === id);
    // At least one decimal, and as many as it takes for the percent not to round onto the pass
    // mark (two when the pass mark is not given).
    const digits = passMark === undefined ? 2 : Math.max(1, passDigits(p?.percent ?? 0, passMark));
    return p ? [cell(p.score), cell(p.percent, digits), p.passed ? 'yes' : 'no'] : ['', '', ''];
  };
  const rows = ids.map((id) => [id, names.get(id) ?? '', ...side(pre, id), ...side(post, id), cell(gains.get(id))]);
  const header = ['participant', 'name', 'pre_score', 'pre_percent', 'pre_passed', 'post_score', 'post_percent', 'post_passed', 'gain'];
  return writeCsv([header, ...rows]);
}

/** `items.csv`: the item analysis of each form, one row per item, with option counts and flags. */
export function itemsCsv(report: ScoreReport, quiz: Quiz): string {
  const byId = new Map(quiz.items.map((item) => [item.id, item]));
  const header = ['form', 'item', 'type', 'objective', 'marks', 'facility', 'sd', 'discrimination', 'discriminative_efficiency', 'effective_weight', 'random_guess', 'options', 'flags'];
  const rows: (string | number)[][] = [];
  for (const form of ['pre', 'post'] as const) {
    for (const s of report.forms[form]?.items ?? []) {
      const item = byId.get(s.id);
      rows.push([
        form, s.id, item?.type ?? '', item?.objective ?? '', cell(item?.marks),
        cell(s.facility), cell(s.sd), cell(s.discrimination), cell(s.discriminativeEfficiency), cell(s.effectiveWeight), cell(s.randomGuess),
        Object.entries(s.options).map(([o, n]) => `${o}:${n}`).join(' '), s.flags.join(' '),
      ]);
    }
  }
  return writeCsv([header, ...rows]);
}

/**
 * Responses in the responses format (what the test page exports and `sopkit score` reads): one
 * row per participant, option ids separated by spaces. With no responses it is the blank template
 * for typing in a paper test.
 */
export function responsesCsv(quiz: Quiz, form: FormId, responses: readonly ParticipantResponse[] = []): string {
  return responsesCsvFor(formItems(quiz, form).map((i) => i.id), form, responses);
}
