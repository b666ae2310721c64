// Registration data-quality audit and fraud prevention (SOP-DQ-01, content/sops/data-quality-audit.mdx).
// One case = the audit of one registration office in one audit cycle. Every state names the section
// of the SOP that describes it in `meta.step`.
//
// One waiting period is a timer (`after`): the office has a number of working days to correct the
// findings (parameter audit-correction-time, run as calendar time: 5 working days = 7 days); when it
// has not answered by then the audit is escalated to the supervisor. The scenarios send events
// only and never wait: `escalated` is also reached by events (corrections found incomplete twice), so
// the timer edge correctionRequested → escalated is an extra path.
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { param, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** Error rate, in percent of sampled records, above which a corrective action plan is required. */
const ERROR_RATE_THRESHOLD_PERCENT = param('audit-error-threshold');
/** Times the audit returns incomplete corrections to the office before escalating. */
const MAX_CORRECTION_ROUNDS = param('audit-correction-returns');
/** Records drawn in the sample of an office. */
const SAMPLE_SIZE = param('audit-sample-size');

interface Context {
  /** Records drawn in the sample (DQ-01). */
  sampleSize: number;
  /** Sampled records with at least one error against the source documents (DQ-02). */
  recordsWithErrors: number;
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
  | { type: 'record.cancelled' }
  | { type: 'police.referred' }
  | { type: 'report.issued' }
  | { type: 'actions.verified' };

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
    errorsFound: ({ context }) => context.recordsWithErrors > 0,
    fieldCheckPending: ({ context }) => !context.fieldCheckDone,
    errorRateAboveThreshold: ({ context }) =>
      context.sampleSize > 0 && (context.recordsWithErrors / context.sampleSize) * 100 > ERROR_RATE_THRESHOLD_PERCENT,
    mayReturnCorrections: ({ context }) => context.correctionRounds < MAX_CORRECTION_ROUNDS,
  },
  actions: {
    markFieldCheckDone: assign({ fieldCheckDone: true }),
    countCorrectionRound: assign({ correctionRounds: ({ context }) => context.correctionRounds + 1 }),
    clearFraudSuspicion: assign({ suspectedFraud: false, deskAlerts: 0 }),
  },
}).createMachine({
  id: 'data-quality-audit',
  initial: 'planning',
  context: ({ input }) => ({
    sampleSize: input.sampleSize ?? SAMPLE_SIZE,
    recordsWithErrors: input.recordsWithErrors ?? 0,
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
        'record.cancelled': 'recordCancelled',
        'police.referred': 'referredToPolice',
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
    recordCancelled: { type: 'final', meta: { step: '6.7', title: 'Record cancelled or annotated; sanctions decided', role: 'registrar-general', forms: ['DQ-04'] } },
    referredToPolice: { type: 'final', meta: { step: '6.7', title: 'Referred to the police', role: 'registrar-general', forms: ['DQ-04'] } },
  },
});

export const caseFields: CaseField[] = [
  { id: 'sampleSize', label: 'Records in the sample', type: 'number', help: `Drawn on DQ-01: ${param('audit-sample-size')} records per office, or every record when the office has fewer.` },
  { id: 'recordsWithErrors', label: 'Sampled records with errors', type: 'number', help: `Above ${paramText('audit-error-threshold')} of the sample a corrective action plan is required.` },
  { id: 'deskAlerts', label: 'High-risk desk alerts', type: 'number', help: 'Same biometrics under different names, one person in two offices, ghost records: these go to the integrity officer before any field visit.' },
  { id: 'suspectedFraud', label: 'Field check found signs of fraud', type: 'boolean' },
  { id: 'correctionRounds', label: 'Corrections already returned as incomplete', type: 'number', help: `After ${param('audit-correction-returns')} returns the audit is escalated to the supervisor.` },
];

/** Records with errors that keep a sample's error rate at or below the threshold (at least one). */
function belowThreshold(sample: number): number {
  return Math.max(1, Math.floor((sample * ERROR_RATE_THRESHOLD_PERCENT) / 100 / 2));
}

/** Records with errors that put a sample's error rate above the threshold: `wanted`, or more if needed. */
function aboveThreshold(sample: number, wanted: number): number {
  return Math.max(wanted, Math.floor((sample * ERROR_RATE_THRESHOLD_PERCENT) / 100) + 1);
}

/** A share of the sample, as the report writes it: `2.5 %`. */
function rate(errors: number, sample: number): string {
  return `${Math.round((errors / sample) * 1000) / 10} %`;
}

const minorErrors = belowThreshold(120);
const scanErrors = aboveThreshold(110, 7);
const manyErrors = aboveThreshold(100, 14);

export const scenarios: Scenario[] = [
  {
    id: 'clean-office',
    title: 'A well-run office',
    description:
      'Routine audit of a small rural office. The desk checks raise no alert; 100 sampled records all match their source documents. The report is issued and the audit closed.',
    input: { sampleSize: 100, recordsWithErrors: 0, deskAlerts: 0, suspectedFraud: false },
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
      `In a busy town office, ${minorErrors} of 120 sampled records have data-entry errors (a mother's age typed as 2 instead of 23, a village name misspelt). The registrar corrects them within the period; ${rate(minorErrors, 120)} is under the threshold of ${paramText('audit-error-threshold')}, so no action plan is needed.`,
    input: { sampleSize: 120, recordsWithErrors: minorErrors, deskAlerts: 0, suspectedFraud: false },
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
      `An office with a new clerk: ${manyErrors} of 100 sampled records have errors. Three times the registrar sends "corrections" that fix the screen but not the errors in the paper register; after the second return the next failure escalates the audit to the supervisor, who makes sure the work is done; the report requires a corrective action plan, which is later verified.`,
    input: { sampleSize: 100, recordsWithErrors: manyErrors, deskAlerts: 0, suspectedFraud: false },
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
      'The field check finds 9 late birth registrations entered by one user account on public holidays, with no declaration forms on file and witnesses who cannot be traced. The integrity officer investigates, hears the clerk, and finds the records fictitious. The Registrar General cancels them and the clerk is disciplined.',
    input: { sampleSize: 150, recordsWithErrors: 9, deskAlerts: 0, suspectedFraud: true },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fieldCheck' },
      { event: { type: 'records.checked' }, expect: 'discrepancyReview' },
      { event: { type: 'discrepancies.classified' }, expect: 'fraudReferral' },
      { event: { type: 'referral.accepted' }, expect: 'investigation' },
      { event: { type: 'investigation.substantiated' }, expect: 'decision' },
      { event: { type: 'record.cancelled' }, expect: 'recordCancelled' },
    ],
    final: 'recordCancelled',
  },
  {
    id: 'biometric-match-police',
    title: 'Same fingerprints, three different names',
    description:
      'The desk checks show one set of fingerprints enrolled under three names in two offices, all approved by the same officer\'s account. The audit goes straight to the integrity officer, without a field visit that would warn the office. The investigation finds identity documents sold for cash: the case is referred to the police.',
    input: { sampleSize: 100, recordsWithErrors: 0, deskAlerts: 3, suspectedFraud: false },
    steps: [
      { event: { type: 'plan.approved' }, expect: 'deskReview' },
      { event: { type: 'desk-checks.completed' }, expect: 'fraudReferral' },
      { event: { type: 'referral.accepted' }, expect: 'investigation' },
      { event: { type: 'investigation.substantiated' }, expect: 'decision' },
      { event: { type: 'police.referred' }, expect: 'referredToPolice' },
    ],
    final: 'referredToPolice',
  },
  {
    id: 'twins-not-fraud',
    title: 'A "duplicate" that is a pair of twins',
    description:
      'The desk checks flag two records with the same parents, date and place of birth in the same office. The integrity officer investigates: the hospital confirms twins, Hassan and Hussein. The alert is unfounded; the routine field check goes ahead, finds nothing, and the audit closes.',
    input: { sampleSize: 100, recordsWithErrors: 0, deskAlerts: 1, suspectedFraud: false },
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
      `The auditor suspects fraud because ${scanErrors} of 110 records show a registration date before the birth date. The integrity officer looks at the referral and returns it the same week: a batch of forms was scanned with the day and month swapped. The office corrects the batch; ${rate(scanErrors, 110)} is above the threshold of ${paramText('audit-error-threshold')}, so a corrective action plan follows.`,
    input: { sampleSize: 110, recordsWithErrors: scanErrors, deskAlerts: 0, suspectedFraud: true },
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
      'Five of 100 records in one office carry parents\' names that differ from the declarations. Three times the registrar sends back partial corrections, and the audit is escalated. The supervisor finds that the same officer entered all five records and that the "errors" give children of other families a local parentage: he refers the case to the integrity officer, who confirms it. The records are annotated and the officer sanctioned.',
    input: { sampleSize: 100, recordsWithErrors: 5, deskAlerts: 0, suspectedFraud: false },
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
      { event: { type: 'record.cancelled' }, expect: 'recordCancelled' },
    ],
    final: 'recordCancelled',
  },
];
