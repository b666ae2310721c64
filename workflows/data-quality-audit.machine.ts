// Registration data-quality audit and fraud prevention (SOP-DQ-01, content/sops/data-quality-audit.mdx).
// One case = the audit of one registration office in one audit cycle. Every state names the section
// of the SOP that describes it in `meta.step`.
//
// One waiting period is a timer (`after`): the office has a number of working days to correct the
// findings (parameter audit-correction-time, run as calendar time: 5 working days = 7 days); when it
// has not answered by then the audit is escalated to the supervisor. The scenarios send events
// only and never wait: `escalated` is also reached by events (corrections found incomplete twice), so
// the timer edge correctionRequested → escalated is an extra path.
//
// The indicators and the action-plan trigger come from the part of the sample drawn at random
// only: records added for risk or from the desk checks are checked, corrected or referred, but
// they were chosen for being likely to be wrong and would bias the rate. A fraud referral, even a
// substantiated one, closes the referral and not the audit: after the decision the audit goes on
// where it stopped (field check, corrections of honest errors, report).
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { param, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** Error rate, in percent of sampled records, above which a corrective action plan is required. */
const ERROR_RATE_THRESHOLD_PERCENT = param('audit-error-threshold');
/** Times the audit returns incomplete corrections to the office before escalating. */
const MAX_CORRECTION_ROUNDS = param('audit-correction-returns');
/** Records drawn in the sample of an office. */
const SAMPLE_SIZE = param('audit-sample-size');
/** The part of the sample drawn at random: about two thirds (SOP 6.1). */
const RANDOM_PART = Math.round((SAMPLE_SIZE * 2) / 3);

interface Context {
  /** Records drawn at random (DQ-01): the indicators and the action-plan trigger are computed on these alone. */
  randomSample: number;
  /** Records of the random part with at least one error of any kind (DQ-02): the error rate is randomErrors / randomSample. */
  randomErrors: number;
  /** Records, in any part of the sample, with honest errors the office must correct (DQ-03). */
  recordsToCorrect: number;
  /** High-risk alerts from the desk checks: same biometrics under different names, one person registered in two offices, ghost records. */
  deskAlerts: number;
  /** The field check found signs of deliberate falsification (not honest mistakes). */
  suspectedFraud: boolean;
  /** Set when the field check has been done (a desk alert can send the audit to the integrity unit before it). */
  fieldCheckDone: boolean;
  /** How many times corrections have been sent back to the office as incomplete. */
  correctionRounds: number;
}

type Events =
  | { type: 'plan.approved' }
  | { type: 'desk-checks.completed' }
  | { type: 'records.checked' }
  | { type: 'discrepancies.classified' }
  | { type: 'corrections.submitted' }
  | { type: 'corrections.verified' }
  | { type: 'corrections.incomplete' }
  | { type: 'misconduct.suspected' }
  | { type: 'referral.accepted' }
  | { type: 'referral.returned' }
  | { type: 'investigation.substantiated' }
  | { type: 'investigation.unfounded' }
  | { type: 'record.cancelled'; honestErrorsLeft?: number }
  | { type: 'police.referred'; honestErrorsLeft?: number }
  | { type: 'report.issued' }
  | { type: 'actions.verified' };

/** Honest errors still to correct: as the decision on a referral says (`honestErrorsLeft`), or as logged. */
function honestErrors(context: Context, event: Events): number {
  return 'honestErrorsLeft' in event && typeof event.honestErrorsLeft === 'number' ? event.honestErrorsLeft : context.recordsToCorrect;
}

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as Partial<Context>,
  },
  delays: {
    responsePeriod: paramMs('audit-correction-time'),
  },
  guards: {
    deskAlertsFound: ({ context }) => context.deskAlerts > 0,
    fraudSuspected: ({ context }) => context.suspectedFraud,
    errorsFound: ({ context, event }) => honestErrors(context, event) > 0,
    fieldCheckPending: ({ context }) => !context.fieldCheckDone,
    errorRateAboveThreshold: ({ context }) =>
      context.randomSample > 0 && (context.randomErrors / context.randomSample) * 100 > ERROR_RATE_THRESHOLD_PERCENT,
    mayReturnCorrections: ({ context }) => context.correctionRounds < MAX_CORRECTION_ROUNDS,
  },
  actions: {
    markFieldCheckDone: assign({ fieldCheckDone: true }),
    countCorrectionRound: assign({ correctionRounds: ({ context }) => context.correctionRounds + 1 }),
    clearFraudSuspicion: assign({ suspectedFraud: false, deskAlerts: 0 }),
    // The decision closes the referral: the records it covered are cancelled or annotated, and
    // the honest errors left (given with the event, or as before) are corrected as in any audit.
    closeReferral: assign(({ context, event }) => ({
      suspectedFraud: false,
      deskAlerts: 0,
      recordsToCorrect: honestErrors(context, event),
    })),
  },
}).createMachine({
  id: 'data-quality-audit',
  initial: 'planning',
  context: ({ input }) => ({
    randomSample: input.randomSample ?? RANDOM_PART,
    randomErrors: input.randomErrors ?? 0,
    recordsToCorrect: input.recordsToCorrect ?? 0,
    deskAlerts: input.deskAlerts ?? 0,
    suspectedFraud: input.suspectedFraud ?? false,
    fieldCheckDone: input.fieldCheckDone ?? false,
    correctionRounds: input.correctionRounds ?? 0,
  }),
  states: {
    planning: {
      meta: { step: '6.1', title: 'Plan the audit and draw the sample', role: 'data-quality-officer', sla: `${paramText('audit-planning-time')} before the visit`, forms: ['DQ-01'], legal: ['cra-supervision'] },
      on: { 'plan.approved': 'deskReview' },
    },
    deskReview: {
      meta: { step: '6.2', title: 'Run the desk checks on the register', role: 'data-quality-officer', sla: paramText('audit-desk-check-time'), forms: ['DQ-01', 'DQ-03'] },
      on: {
        'desk-checks.completed': [{ guard: 'deskAlertsFound', target: 'fraudReferral' }, { target: 'fieldCheck' }],
      },
    },
    fieldCheck: {
      meta: { step: '6.3', title: 'Check sampled records against source documents', role: 'data-quality-officer', sla: `${paramText('audit-field-time')} on site`, forms: ['DQ-02'] },
      on: { 'records.checked': { target: 'discrepancyReview', actions: 'markFieldCheckDone' } },
    },
    discrepancyReview: {
      meta: { step: '6.4', title: 'Log and classify the discrepancies', role: 'data-quality-officer', sla: paramText('audit-classification-time'), forms: ['DQ-03'] },
      on: {
        'discrepancies.classified': [
          { guard: 'fraudSuspected', target: 'fraudReferral' },
          { guard: 'errorsFound', target: 'correctionRequested' },
          { target: 'reporting' },
        ],
      },
    },
    correctionRequested: {
      meta: { step: '6.5', title: 'Office corrects the data-entry errors', role: 'registrar', sla: paramText('audit-correction-time'), forms: ['DQ-03'] },
      after: { responsePeriod: 'escalated' },
      on: { 'corrections.submitted': 'correctionVerification' },
    },
    correctionVerification: {
      meta: { step: '6.5', title: 'Verify the corrections', role: 'data-quality-officer', sla: paramText('audit-verification-time'), forms: ['DQ-03'] },
      on: {
        'corrections.verified': 'reporting',
        'corrections.incomplete': [
          { guard: 'mayReturnCorrections', target: 'correctionRequested', actions: 'countCorrectionRound' },
          { target: 'escalated' },
        ],
      },
    },
    escalated: {
      meta: { step: '6.5', title: 'Escalated to the supervisor', role: 'registration-supervisor', sla: paramText('audit-escalation-time'), forms: ['DQ-03'], legal: ['cra-supervision'] },
      on: {
        'corrections.submitted': 'correctionVerification',
        'misconduct.suspected': 'fraudReferral',
      },
    },
    fraudReferral: {
      meta: { step: '6.6', title: 'Integrity officer receives the referral', role: 'integrity-officer', sla: paramText('integrity-acceptance-time'), forms: ['DQ-04'] },
      on: {
        'referral.accepted': 'investigation',
        'referral.returned': [
          { guard: 'fieldCheckPending', target: 'fieldCheck', actions: 'clearFraudSuspicion' },
          { guard: 'errorsFound', target: 'correctionRequested', actions: 'clearFraudSuspicion' },
          { target: 'reporting', actions: 'clearFraudSuspicion' },
        ],
      },
    },
    investigation: {
      meta: { step: '6.6', title: 'Investigate with due process', role: 'integrity-officer', sla: paramText('integrity-investigation-time'), forms: ['DQ-04'], legal: ['public-service'] },
      on: {
        'investigation.substantiated': 'decision',
        'investigation.unfounded': [
          { guard: 'fieldCheckPending', target: 'fieldCheck', actions: 'clearFraudSuspicion' },
          { guard: 'errorsFound', target: 'correctionRequested', actions: 'clearFraudSuspicion' },
          { target: 'reporting', actions: 'clearFraudSuspicion' },
        ],
      },
    },
    decision: {
      meta: { step: '6.7', title: 'Decide on the records and the officers', role: 'registrar-general', sla: paramText('audit-decision-time'), forms: ['DQ-04'], legal: ['cra-cancellation', 'public-service'] },
      on: {
        'record.cancelled': [
          { guard: 'fieldCheckPending', target: 'fieldCheck', actions: 'closeReferral' },
          { guard: 'errorsFound', target: 'correctionRequested', actions: 'closeReferral' },
          { target: 'reporting', actions: 'closeReferral' },
        ],
        'police.referred': [
          { guard: 'fieldCheckPending', target: 'fieldCheck', actions: 'closeReferral' },
          { guard: 'errorsFound', target: 'correctionRequested', actions: 'closeReferral' },
          { target: 'reporting', actions: 'closeReferral' },
        ],
      },
    },
    reporting: {
      meta: { step: '6.8', title: 'Write and issue the audit report', role: 'data-quality-officer', sla: paramText('audit-report-time'), forms: ['DQ-05'] },
      on: {
        'report.issued': [{ guard: 'errorRateAboveThreshold', target: 'followUp' }, { target: 'auditClosed' }],
      },
    },
    followUp: {
      meta: { step: '6.9', title: 'Follow up the corrective action plan', role: 'registration-supervisor', sla: paramText('action-plan-follow-up-time'), forms: ['DQ-06'] },
      on: { 'actions.verified': 'auditClosed' },
    },
    auditClosed: { type: 'final', meta: { step: '6.9', title: 'Audit closed', role: 'data-quality-officer', forms: ['DQ-05'] } },
  },
});

export const caseFields: CaseField[] = [
  { id: 'randomSample', label: 'Records drawn at random', type: 'number', help: `About two thirds of the ${param('audit-sample-size')} records of the sample (DQ-01); the indicators use these alone.` },
  { id: 'randomErrors', label: 'Records of the random part with an error', type: 'number', help: `Above ${paramText('audit-error-threshold')} of the random part a corrective action plan is required; the report gives the rate with its 95% confidence interval.` },
  { id: 'recordsToCorrect', label: 'Records with honest errors to correct', type: 'number', help: 'In any part of the sample: random, risk-based or added from the desk checks.' },
  { id: 'deskAlerts', label: 'High-risk desk alerts', type: 'number', help: 'Same biometrics under different names, one person in two offices, ghost records: these go to the integrity officer before any field visit.' },
  { id: 'suspectedFraud', label: 'Field check found signs of fraud', type: 'boolean' },
  { id: 'correctionRounds', label: 'Corrections already returned as incomplete', type: 'number', help: `After ${paramText('audit-correction-returns')} the audit is escalated to the supervisor.` },
];

/** Records with errors that keep a sample's error rate under the threshold (at least one). */
function belowThreshold(sample: number): number {
  return Math.max(1, Math.ceil((sample * ERROR_RATE_THRESHOLD_PERCENT) / 100) - 1);
}

/** Records with errors that put a sample's error rate above the threshold: `wanted`, or more if needed. */
function aboveThreshold(sample: number, wanted: number): number {
  return Math.max(wanted, Math.floor((sample * ERROR_RATE_THRESHOLD_PERCENT) / 100) + 1);
}

/** A percentage with one decimal: `2.5`. */
const pct = (x: number): string => String(Math.round(x * 1000) / 10);

/**
 * The error rate of the random part as the report writes it, with its 95% confidence interval
 * (Wilson score interval, z = 1.96): `4.5% (95% CI 1.5 to 12.4%)`.
 */
function rate(errors: number, sample: number): string {
  const z = 1.96;
  const p = errors / sample;
  const d = 1 + (z * z) / sample;
  const centre = (p + (z * z) / (2 * sample)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / sample + (z * z) / (4 * sample * sample))) / d;
  return `${pct(p)}% (95% CI ${pct(Math.max(0, centre - half))} to ${pct(Math.min(1, centre + half))}%)`;
}

const minorErrors = belowThreshold(RANDOM_PART);
const scanErrors = aboveThreshold(RANDOM_PART, 5);
const manyErrors = aboveThreshold(RANDOM_PART, 9);

export const scenarios: Scenario[] = [
  {
    id: 'clean-office',
    title: 'A well-run office',
    description:
      `Routine audit of a small rural office. The desk checks raise no alert; the ${RANDOM_PART} records drawn at random and the risk-based records all match their source documents. The report is issued and the audit closed.`,
    input: { randomSample: RANDOM_PART, randomErrors: 0, recordsToCorrect: 0, deskAlerts: 0, suspectedFraud: false },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
  {
    id: 'entry-errors-corrected',
    title: 'A few typing errors, corrected on time',
    description:
      `In a busy town office, ${minorErrors} of the ${RANDOM_PART} records drawn at random, and 3 of the late registrations drawn for risk, have data-entry errors (a mother's age typed as 2 instead of 23, a village name misspelt). The registrar corrects all of them within the period. The error rate is computed on the random part only: ${rate(minorErrors, RANDOM_PART)}, under the threshold of ${paramText('audit-error-threshold')}, so no action plan is needed.`,
    input: { randomSample: RANDOM_PART, randomErrors: minorErrors, recordsToCorrect: minorErrors + 3, deskAlerts: 0, suspectedFraud: false },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.verified' }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
  {
    id: 'high-error-rate-escalated',
    title: 'Many errors, poor corrections, escalation',
    description:
      `An office with a new clerk: ${manyErrors} of the ${RANDOM_PART} records drawn at random have errors, ${rate(manyErrors, RANDOM_PART)}. Three times the registrar sends "corrections" that fix the screen but not the errors in the paper register; after the second return the next failure escalates the audit to the supervisor, who makes sure the work is done; the report requires a corrective action plan, which is later verified.`,
    input: { randomSample: RANDOM_PART, randomErrors: manyErrors, recordsToCorrect: manyErrors, deskAlerts: 0, suspectedFraud: false },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.incomplete' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.incomplete' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.incomplete' }, expect: 'escalated' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.verified' }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'followUp' },
      { event: { type: 'actions.verified' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
  {
    id: 'ghost-records-cancelled',
    title: 'Birth records with no source documents',
    description:
      `The field check finds 9 late birth registrations entered by one user account on public holidays, with no declaration forms on file and witnesses who cannot be traced; 3 of them are in the random part, with 4 honest typing errors in other records. The integrity officer investigates, hears the clerk, and finds the 9 records fictitious. The Registrar General cancels them by annotation and the clerk is disciplined. The audit is not over: the office corrects the 4 honest errors, and the report (which names the referral by number only) gives an error rate of ${rate(7, RANDOM_PART)} on the random part, above the threshold, so an action plan follows.`,
    input: { randomSample: RANDOM_PART, randomErrors: 7, recordsToCorrect: 4, deskAlerts: 0, suspectedFraud: true },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'fraudReferral' },
      { event: { type: 'referral.accepted' }, expect: 'investigation' },
      { event: { type: 'investigation.substantiated' }, expect: 'decision' },
      { event: { type: 'record.cancelled' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.verified' }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'followUp' },
      { event: { type: 'actions.verified' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
  {
    id: 'biometric-match-police',
    title: 'Same fingerprints, three different names',
    description:
      'The desk checks show one set of fingerprints enrolled under three names in two offices, all approved by the same officer\'s account. The audit goes straight to the integrity officer, without a field visit that would warn the office. The investigation finds identity documents sold for cash: the case is referred to the police. Then, with the integrity officer\'s agreement, the audit goes on: the field check finds one record of the random part with a missing signature, already corrected at the registrar\'s initiative, and the report is issued.',
    input: { randomSample: RANDOM_PART, randomErrors: 1, recordsToCorrect: 0, deskAlerts: 3, suspectedFraud: false },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fraudReferral' },
      { event: { type: 'referral.accepted' }, expect: 'investigation' },
      { event: { type: 'investigation.substantiated' }, expect: 'decision' },
      { event: { type: 'police.referred' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
  {
    id: 'twins-not-fraud',
    title: 'A "duplicate" that is a pair of twins',
    description:
      'The desk checks flag two records with the same parents, date and place of birth in the same office. The integrity officer investigates: the hospital confirms twins, Hassan and Hussein. The alert is unfounded; the routine field check goes ahead, finds nothing, and the audit closes.',
    input: { randomSample: RANDOM_PART, randomErrors: 0, recordsToCorrect: 0, deskAlerts: 1, suspectedFraud: false },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fraudReferral' },
      { event: { type: 'referral.accepted' }, expect: 'investigation' },
      { event: { type: 'investigation.unfounded' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
  {
    id: 'referral-returned',
    title: 'Suspected fraud that is a scanning error',
    description:
      `The auditor suspects fraud because ${scanErrors} of the ${RANDOM_PART} records drawn at random show a registration date before the birth date. The integrity officer looks at the referral and returns it the same week: a batch of forms was scanned with the day and month swapped. The office corrects the batch; ${rate(scanErrors, RANDOM_PART)} is above the threshold of ${paramText('audit-error-threshold')}, so a corrective action plan follows.`,
    input: { randomSample: RANDOM_PART, randomErrors: scanErrors, recordsToCorrect: scanErrors, deskAlerts: 0, suspectedFraud: true },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'fraudReferral' },
      { event: { type: 'referral.returned' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.verified' }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'followUp' },
      { event: { type: 'actions.verified' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
  {
    id: 'refusal-to-correct',
    title: 'An office that will not correct',
    description:
      `Five records in one office, ${4} of them in the random part, carry parents' names that differ from the declarations. Three times the registrar sends back partial corrections, and the audit is escalated. The supervisor finds that the same officer entered all five records and that the "errors" give children of other families a local parentage: he refers the case to the integrity officer, who confirms it. The records are annotated and the officer sanctioned; nothing else is left to correct, and the report, at ${rate(4, RANDOM_PART)} on the random part, requires an action plan.`,
    input: { randomSample: RANDOM_PART, randomErrors: 4, recordsToCorrect: 5, deskAlerts: 0, suspectedFraud: false },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.incomplete' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.incomplete' }, expect: 'correctionRequested' },
      { event: { type: 'corrections.submitted' }, expect: 'correctionVerification' },
      { event: { type: 'corrections.incomplete' }, expect: 'escalated' },
      { event: { type: 'misconduct.suspected' }, expect: 'fraudReferral' },
      { event: { type: 'referral.accepted' }, expect: 'investigation' },
      { event: { type: 'investigation.substantiated' }, expect: 'decision' },
      { event: { type: 'record.cancelled', honestErrorsLeft: 0 }, expect: 'reporting' },
      { event: { type: 'report.issued' }, expect: 'followUp' },
      { event: { type: 'actions.verified' }, expect: 'auditClosed' },
    ],
    final: 'auditClosed',
  },
];
