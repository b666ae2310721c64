// The training report's words in a UI language, from the `scoring.report.*` keys of
// src/i18n/<lang>.json, for the scoring page of a translated locale (the page writes them in).
import { colon, pluralForms, t, type UiKey } from '../../i18n/index.ts';
import type { ItemFlag } from './types.ts';
import type { ReportWords, WilcoxonMethod } from './report-words.ts';
import { itemTypes } from '../../schemas/quiz.ts';

const wilcoxonMethods: readonly WilcoxonMethod[] = ['exact', 'normal approximation with continuity correction', 'not computed'];
const flagOrder: readonly ItemFlag[] = ['negative-discrimination', 'low-discrimination', 'too-hard', 'too-easy', 'negative-covariance', 'no-variance'];

/** A `|`-separated list of exactly `n` words (table headers, statistics, flags). */
function list<N extends number>(key: string, lang: string, n: N): string[] {
  const words = t(`scoring.report.${key}` as UiKey, lang).split('|');
  // A translation with a missing or extra cell falls back to English rather than shifting columns.
  return words.length === n ? words : t(`scoring.report.${key}` as UiKey, 'en').split('|');
}

/**
 * The report's words in a language (English for a key the language lacks).
 * @param lang A UI language (`fr`, `ar`).
 */
export function reportWordsIn(lang: string): ReportWords {
  const w = (key: string) => t(`scoring.report.${key}` as UiKey, lang);
  const [high = '', medium = '', low = '', negative = ''] = list('bands', lang, 4);
  const flags = list('flags', lang, flagOrder.length);
  const wilcoxon = list('wilcoxon', lang, wilcoxonMethods.length);
  const types = list('types', lang, itemTypes.length);
  return {
    pre: w('pre'),
    post: w('post'),
    results: w('results'),
    quizId: w('quizId'),
    sopId: w('sopId'),
    passMark: w('passMark'),
    reportOf: w('reportOf'),
    formMean: pluralForms('scoring.report.formMean', lang),
    classGain: w('classGain'),
    pairedT: w('pairedT'),
    effectSize: w('effectSize'),
    passedPre: w('passedPre'),
    passedPost: w('passedPost'),
    bands: { high, medium, low, negative },
    unmatched: w('unmatched'),
    preOnly: w('preOnly'),
    postOnly: w('postOnly'),
    prePost: w('prePost'),
    prePostText: w('prePostText'),
    marks: w('marks'),
    points: w('points'),
    mastery: w('mastery'),
    colon: colon(lang),
    separator: t('list.separator', lang),
    semicolon: t('list.semicolon', lang),
    outOf: t('trainingReport.outOf', lang),
    masteryHead: list('masteryHead', lang, 4) as ReportWords['masteryHead'],
    bothScores: w('bothScores'),
    bothHead: list('bothHead', lang, 5) as ReportWords['bothHead'],
    stats: list('stats', lang, 9) as ReportWords['stats'],
    statsCaption: w('statsCaption'),
    statsHead: list('statsHead', lang, 2) as ReportWords['statsHead'],
    review: w('review'),
    noReview: w('noReview'),
    itemsCaption: w('itemsCaption'),
    itemsHead: list('itemsHead', lang, 10) as ReportWords['itemsHead'],
    peopleCaption: w('peopleCaption'),
    peopleHead: list('peopleHead', lang, 5) as ReportWords['peopleHead'],
    passed: w('passed'),
    notPassed: w('notPassed'),
    flags: Object.fromEntries(flagOrder.map((f, i) => [f, flags[i] ?? ''])) as Record<ItemFlag, string>,
    wilcoxon: Object.fromEntries(wilcoxonMethods.map((m, i) => [m, wilcoxon[i] ?? m])) as ReportWords['wilcoxon'],
    types: Object.fromEntries(itemTypes.map((m, i) => [m, types[i] ?? m])) as ReportWords['types'],
    charts: {
      pre: w('chart.pre'),
      post: w('chart.post'),
      pass: w('chart.pass'),
      prePostTitle: w('chart.prePostTitle'),
      prePostDesc: w('chart.prePostDesc'),
      facilityAxis: w('chart.facilityAxis'),
      discriminationAxis: w('chart.discriminationAxis'),
      point: w('chart.point'),
      itemMapTitle: w('chart.itemMapTitle'),
      preTest: w('chart.preTest'),
      postTest: w('chart.postTest'),
      itemMapDesc: w('chart.itemMapDesc'),
    },
    methodTitle: w('methodTitle'),
    method: w('method'),
  };
}
