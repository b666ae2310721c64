// Replacement of a lost, stolen, damaged or defaced identity credential (SOP-ID-02).
// Identity is proved by a 1:1 biometric match against the enrolled record; the old credential is
// revoked only after that (so nobody can cancel another person's card) and before a new one is
// produced; frequent replacements go to a supervisor.
//
// Three waiting periods are timers (`after`): the applicant's time to complete a returned
// application, the time to pay the fee, and the appeal period after a refusal; when they run out
// the application lapses or the refusal is final. A record flagged deceased can never be approved
// here, and a person who fails the check at collection goes to the supervisor, not home with the
// card. The appeal follows the pack's shared appeal procedure; the machine models "appeal lodged,
// then decided".
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { param, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** Why the holder asks for a replacement. */
type Reason = 'lost' | 'stolen' | 'damaged' | 'defaced';

interface Context {
  reason: Reason;
  /** The holder wants a different name, date of birth or other particular: not a replacement. */
  particularsChanged: boolean;
  /** Form RP-01 complete and signed, and RP-02 signed for a loss or theft. */
  applicationComplete: boolean;
  /** Police report reference given (required for a theft). */
  policeReportProvided: boolean;
  /** The damaged or defaced credential was handed in (receipt RP-03). */
  documentSurrendered: boolean;
  /** Best 1:1 match score against the enrolled record (0 to 100). */
  verificationScore: number;
  /** Minimum 1:1 score that verifies the holder (parameter verification-threshold). */
  verificationThreshold: number;
  /** Replacements issued on this record in the replacement window (parameter replacement-window), not counting this one. */
  replacementsInLast12Months: number;
  /** At this many previous replacements in the window the case goes to a supervisor (parameter replacement-limit). */
  replacementLimit: number;
  /** The record carries an alert (under investigation, credential reported found, misuse reported by a bank). */
  recordFlagged: boolean;
  /** The record is marked deceased (linked to a registered death): never reissued on this procedure. */
  markedDeceased: boolean;
  feePaid: boolean;
  /** A waiver ground applies and is evidenced on form RP-04. */
  waiverEligible: boolean;
  /** Times the application came back for correction. */
  corrections: number;
  reprints: number;
}

type Events =
  | { type: 'request.screened' }
  | { type: 'documents.checked' }
  | { type: 'application.resubmitted' }
  | { type: 'verification.completed' }
  | { type: 'history.checked' }
  | { type: 'supervisor.approved' }
  | { type: 'supervisor.rejected' }
  | { type: 'supervisor.referred' }
  | { type: 'fee.assessed' }
  | { type: 'fee.paid' }
  | { type: 'credential.revoked' }
  | { type: 'credential.received' }
  | { type: 'credential.defective' }
  | { type: 'credential.handedOver' }
  | { type: 'holder.not-verified' }
  | { type: 'handover.approved' }
  | { type: 'handover.withheld' }
  | { type: 'appeal.lodged' }
  | { type: 'refusal.upheld' }
  | { type: 'refusal.overturned' };

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as Partial<Context>,
  },
  delays: {
    applicationPeriod: paramMs('replacement-application-period'),
    paymentPeriod: paramMs('replacement-payment-period'),
    appealPeriod: paramMs('appeal-period'),
  },
  guards: {
    isChangeOfParticulars: ({ context }) => context.particularsChanged,
    documentsIncomplete: ({ context }) =>
      !context.applicationComplete ||
      (context.reason === 'stolen' && !context.policeReportProvided) ||
      ((context.reason === 'damaged' || context.reason === 'defaced') && !context.documentSurrendered),
    verificationFailed: ({ context }) => context.verificationScore < context.verificationThreshold,
    needsSupervisorReview: ({ context }) =>
      context.replacementsInLast12Months >= context.replacementLimit || context.reason === 'defaced' || context.recordFlagged || context.markedDeceased,
    notMarkedDeceased: ({ context }) => !context.markedDeceased,
    feeSettled: ({ context }) => context.feePaid || context.waiverEligible,
  },
  actions: {
    // The applicant came back with the missing form, police reference or surrendered document.
    recordCorrection: assign({
      corrections: ({ context }) => context.corrections + 1,
      applicationComplete: true,
      policeReportProvided: ({ context }) => context.policeReportProvided || context.reason === 'stolen',
      documentSurrendered: ({ context }) => context.documentSurrendered || context.reason === 'damaged' || context.reason === 'defaced',
    }),
    recordPayment: assign({ feePaid: true }),
    countReprint: assign({ reprints: ({ context }) => context.reprints + 1 }),
  },
}).createMachine({
  id: 'document-replacement',
  initial: 'reception',
  context: ({ input }) => ({
    reason: input.reason ?? 'lost',
    particularsChanged: input.particularsChanged ?? false,
    applicationComplete: input.applicationComplete ?? true,
    policeReportProvided: input.policeReportProvided ?? false,
    documentSurrendered: input.documentSurrendered ?? false,
    verificationScore: input.verificationScore ?? 0,
    verificationThreshold: input.verificationThreshold ?? param('verification-threshold'),
    replacementsInLast12Months: input.replacementsInLast12Months ?? 0,
    replacementLimit: input.replacementLimit ?? param('replacement-limit'),
    recordFlagged: input.recordFlagged ?? false,
    markedDeceased: input.markedDeceased ?? false,
    feePaid: input.feePaid ?? false,
    waiverEligible: input.waiverEligible ?? false,
    corrections: 0,
    reprints: 0,
  }),
  states: {
    reception: {
      meta: { step: '6.1', title: 'Receive and screen the request', role: 'registration-clerk', sla: 'same day', forms: ['RP-01'], legal: ['nia-replacement'] },
      on: {
        'request.screened': [{ guard: 'isChangeOfParticulars', target: 'redirectedToCorrection' }, { target: 'documentCheck' }],
      },
    },
    documentCheck: {
      meta: { step: '6.2', title: 'Check the application and supporting documents', role: 'registration-clerk', sla: 'same day', forms: ['RP-01', 'RP-02', 'RP-03'] },
      on: {
        'documents.checked': [{ guard: 'documentsIncomplete', target: 'returned' }, { target: 'biometricVerification' }],
      },
    },
    returned: {
      meta: { step: '6.2', title: 'Returned to the applicant for correction', role: 'applicant', sla: paramText('replacement-application-period'), forms: ['RP-01', 'RP-02'] },
      after: { applicationPeriod: 'lapsed' },
      on: { 'application.resubmitted': { target: 'documentCheck', actions: 'recordCorrection' } },
    },
    biometricVerification: {
      meta: { step: '6.3', title: 'Verify the holder by 1:1 biometric match', role: 'enrolment-officer', sla: 'same day', forms: ['RP-01'], legal: ['nir-verification'] },
      on: {
        'verification.completed': [{ guard: 'verificationFailed', target: 'supervisorReview' }, { target: 'historyCheck' }],
      },
    },
    historyCheck: {
      meta: { step: '6.4', title: 'Check the replacement history and alerts', role: 'enrolment-officer', sla: 'same day' },
      on: {
        'history.checked': [{ guard: 'needsSupervisorReview', target: 'supervisorReview' }, { target: 'revocation' }],
      },
    },
    supervisorReview: {
      meta: { step: '6.5', title: 'Supervisor review and integrity check', role: 'identity-office-supervisor', sla: paramText('replacement-review-time'), forms: ['RP-01', 'RP-03'], legal: ['nia-replacement'] },
      on: {
        // A record marked deceased is never reissued here: the supervisor refers or refuses.
        'supervisor.approved': { guard: 'notMarkedDeceased', target: 'revocation' },
        'supervisor.rejected': 'refusalNotified',
        'supervisor.referred': 'referredToIntegrity',
      },
    },
    refusalNotified: {
      meta: { step: '6.5', title: 'Refusal notified; appeal period running', role: 'applicant', sla: paramText('appeal-period'), forms: ['RP-01'], legal: ['nia-replacement'] },
      after: { appealPeriod: 'rejected' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.5', title: 'Registrar General decides the appeal', role: 'registrar-general', sla: paramText('appeal-decision-time'), forms: ['RP-01'], legal: ['nia-replacement'] },
      on: {
        'refusal.upheld': 'rejected',
        'refusal.overturned': 'revocation',
      },
    },
    revocation: {
      meta: { step: '6.6', title: 'Revoke the old credential', role: 'enrolment-officer', sla: 'same day', legal: ['nir-verification'] },
      on: { 'credential.revoked': 'feeAssessment' },
    },
    feeAssessment: {
      meta: { step: '6.7', title: 'Collect the fee or record the waiver', role: 'registration-clerk', sla: 'same day', forms: ['RP-04'], legal: ['fees'] },
      on: {
        'fee.assessed': [{ guard: 'feeSettled', target: 'production' }, { target: 'paymentPending' }],
      },
    },
    paymentPending: {
      meta: { step: '6.7', title: 'Waiting for the fee to be paid', role: 'applicant', sla: paramText('replacement-payment-period'), forms: ['RP-04'] },
      after: { paymentPeriod: 'paymentLapsed' },
      on: { 'fee.paid': { target: 'production', actions: 'recordPayment' } },
    },
    production: {
      meta: { step: '6.8', title: 'Replacement produced and checked at the office', role: 'issuance-officer', sla: paramText('replacement-production-time') },
      on: {
        'credential.received': 'issuance',
        'credential.defective': { target: 'production', reenter: true, actions: 'countReprint' },
      },
    },
    issuance: {
      meta: { step: '6.8', title: 'Verify the holder and hand over the replacement', role: 'issuance-officer', sla: 'same day', forms: ['RP-01'] },
      on: {
        'credential.handedOver': 'issued',
        'holder.not-verified': 'collectionReview',
      },
    },
    collectionReview: {
      meta: { step: '6.8', title: 'Supervisor checks the person collecting', role: 'identity-office-supervisor', sla: 'same day', forms: ['RP-01'], legal: ['nir-verification'] },
      on: {
        'handover.approved': 'issued',
        'handover.withheld': 'referredToIntegrity',
      },
    },
    redirectedToCorrection: { type: 'final', meta: { step: '6.1', title: 'Change of particulars: sent to correction', role: 'registration-clerk' } },
    lapsed: { type: 'final', meta: { step: '6.2', title: 'Application lapsed: not completed in time', role: 'registration-clerk' } },
    paymentLapsed: { type: 'final', meta: { step: '6.7', title: 'Application lapsed: fee not paid; old credential stays revoked', role: 'registration-clerk', forms: ['RP-04'] } },
    rejected: { type: 'final', meta: { step: '6.5', title: 'Refusal final: no appeal, or refusal upheld', role: 'identity-office-supervisor', legal: ['nia-replacement'] } },
    referredToIntegrity: { type: 'final', meta: { step: '6.5', title: 'Referred to the integrity unit', role: 'integrity-officer' } },
    issued: { type: 'final', meta: { step: '6.8', title: 'Replacement issued', role: 'issuance-officer' } },
  },
});

export const caseFields: CaseField[] = [
  {
    id: 'reason',
    label: 'Reason for replacement',
    type: 'select',
    options: [
      { value: 'lost', label: 'Lost' },
      { value: 'stolen', label: 'Stolen' },
      { value: 'damaged', label: 'Damaged' },
      { value: 'defaced', label: 'Defaced' },
    ],
  },
  { id: 'particularsChanged', label: 'Wants a change of name or other particulars', type: 'boolean' },
  { id: 'applicationComplete', label: 'Application form complete', type: 'boolean' },
  { id: 'policeReportProvided', label: 'Police report reference given', type: 'boolean', help: 'Required for a theft.' },
  { id: 'documentSurrendered', label: 'Damaged or defaced credential handed in', type: 'boolean' },
  { id: 'verificationScore', label: 'Best 1:1 match score', type: 'number', help: '0 to 100.' },
  { id: 'verificationThreshold', label: '1:1 verification threshold', type: 'number', help: `In force: ${param('verification-threshold')}.` },
  { id: 'replacementsInLast12Months', label: `Replacements in the last ${paramText('replacement-window')}`, type: 'number', help: 'Not counting this application.' },
  { id: 'replacementLimit', label: 'Replacements before supervisor review', type: 'number', help: `In force: ${param('replacement-limit')}.` },
  { id: 'recordFlagged', label: 'Record carries an alert', type: 'boolean', help: 'Under investigation, credential reported found, misuse reported.' },
  { id: 'markedDeceased', label: 'Record marked deceased', type: 'boolean', help: 'Never reissued on this procedure: the supervisor refers the case.' },
  { id: 'feePaid', label: 'Fee paid', type: 'boolean' },
  { id: 'waiverEligible', label: 'Fee waiver ground applies', type: 'boolean' },
];

export const scenarios: Scenario[] = [
  {
    id: 'lost-wallet',
    title: 'Card lost with a wallet',
    description:
      'Joseph, 45, a bus driver, lost his wallet with his ID card at the market. He signs a declaration of loss, his fingerprint matches his record at the first attempt, he pays the fee, and collects the new card ten days later.',
    input: { reason: 'lost', verificationScore: 88, feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'historyCheck' },
      { event: { type: 'history.checked' }, expect: 'revocation' },
      { event: { type: 'credential.revoked' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'production' },
      { event: { type: 'credential.received' }, expect: 'issuance' },
      { event: { type: 'credential.handedOver' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'stolen-no-police-report',
    title: 'Stolen, police report missing, fee waived',
    description:
      'Mary, 29, had her handbag snatched. She comes the next day without a police report and is sent to the police station with a list. She returns with the reference; as a victim of a reported crime she qualifies for the waiver. The first card printed has a smudged photograph and is sent back.',
    input: { reason: 'stolen', policeReportProvided: false, verificationScore: 81, waiverEligible: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'returned' },
      { event: { type: 'application.resubmitted' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'historyCheck' },
      { event: { type: 'history.checked' }, expect: 'revocation' },
      { event: { type: 'credential.revoked' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'production' },
      { event: { type: 'credential.defective' }, expect: 'production' },
      { event: { type: 'credential.received' }, expect: 'issuance' },
      { event: { type: 'credential.handedOver' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'worn-prints-approved',
    title: 'Flood-damaged card, worn fingerprints',
    description:
      'Esther, 68, a farmer, brings her card damaged in the floods. Her worn fingerprints score below the threshold on every finger. The supervisor verifies her by iris and by comparing her face with the enrolment photograph, and approves. She cannot pay that day and comes back with the fee a week later.',
    input: { reason: 'damaged', documentSurrendered: true, verificationScore: 31, feePaid: false, waiverEligible: false },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.approved' }, expect: 'revocation' },
      { event: { type: 'credential.revoked' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'paymentPending' },
      { event: { type: 'fee.paid' }, expect: 'production' },
      { event: { type: 'credential.received' }, expect: 'issuance' },
      { event: { type: 'credential.handedOver' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'third-loss-referred',
    title: 'Third "loss" in a year',
    description:
      'Kofi, 33, reports his card lost for the third time in eleven months. His fingerprints match, but the system shows two replacements already this year, and a bank has reported one of the earlier "lost" cards used to open an account. The supervisor refers the case to the integrity unit.',
    // The bank's report is an alert on the record: the supervisor sees the case whatever the
    // country's replacement limit (with a limit of 3 the case skipped the review it tells of).
    input: { reason: 'lost', verificationScore: 90, replacementsInLast12Months: 2, recordFlagged: true, feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'historyCheck' },
      { event: { type: 'history.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.referred' }, expect: 'referredToIntegrity' },
    ],
    final: 'referredToIntegrity',
  },
  {
    id: 'defaced-rejected',
    title: 'Defaced card, applicant cannot be verified',
    description:
      'A young man brings a card whose photograph his small child has covered with ballpoint ink, and says it is his. The supervisor finds no sign that the card was altered on purpose, but he cannot be verified by fingerprint or iris, the supervisor cannot match his face with the enrolment photograph, and he knows no one who could vouch for him. The supervisor refuses the replacement, keeps the card, and tells him how to appeal.',
    input: { reason: 'defaced', documentSurrendered: true, verificationScore: 22 },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.rejected' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'refused-overturned-on-appeal',
    title: 'Refused at a small office, overturned on appeal',
    description:
      'Paul, 74, a retired mason, brings his damaged card. His fingerprints fail every retry and the district office\'s iris camera is broken; the supervisor cannot match his face with an enrolment photograph taken twenty years ago, and refuses. Paul appeals within the period. At the regional office the iris matches his record at once and his village chief confirms him; the Registrar General overturns the refusal and the replacement goes ahead.',
    input: { reason: 'damaged', documentSurrendered: true, verificationScore: 25, feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.rejected' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'revocation' },
      { event: { type: 'credential.revoked' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'production' },
      { event: { type: 'credential.received' }, expect: 'issuance' },
      { event: { type: 'credential.handedOver' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'deceased-record-referred',
    title: 'The record says the holder is dead',
    description:
      'A man reports the card of "Samuel K." lost. His fingerprint matches the record, but the record is marked deceased: a death was registered in Samuel\'s name last year. A record marked deceased is never reissued on this procedure, and the supervisor cannot approve it. Either the death is false or the fingerprints in the record are not Samuel\'s: the supervisor refers the case to the integrity unit, and tells the man that further checks are being made.',
    input: { reason: 'lost', verificationScore: 85, markedDeceased: true, feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'historyCheck' },
      { event: { type: 'history.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.referred' }, expect: 'referredToIntegrity' },
    ],
    final: 'referredToIntegrity',
  },
  {
    id: 'not-completed-lapsed',
    title: 'Damaged card never brought in',
    description:
      `Peter, 40, applies for a replacement of a damaged card but leaves it at home. The application is returned with a written list and stays open for ${paramText('replacement-application-period')}. He does not come back, and the application lapses; he may apply again.`,
    input: { reason: 'damaged', documentSurrendered: false, verificationScore: 80 },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'returned' },
      { event: { type: 'after.applicationPeriod' }, expect: 'lapsed' },
    ],
    final: 'lapsed',
  },
  {
    id: 'fee-never-paid',
    title: 'Verified and revoked, but the fee is never paid',
    description:
      `Rose, 36, reports her card lost. She is verified, the old card is revoked, and she says she will pay the fee next week; no waiver ground applies. She never pays, and after ${paramText('replacement-payment-period')} the application lapses. The old card stays revoked; if she comes back she applies again and is verified again.`,
    input: { reason: 'lost', verificationScore: 77, feePaid: false, waiverEligible: false },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'historyCheck' },
      { event: { type: 'history.checked' }, expect: 'revocation' },
      { event: { type: 'credential.revoked' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'paymentPending' },
      { event: { type: 'after.paymentPeriod' }, expect: 'paymentLapsed' },
    ],
    final: 'paymentLapsed',
  },
  {
    id: 'collection-supervisor-verifies',
    title: 'Fails the check at collection after an accident',
    description:
      'David, 51, was verified when he applied. When he comes to collect, his right hand is bandaged after a workshop accident and the other fingers fail. The issuance officer does not hand over the card and calls the supervisor, who verifies him by iris and compares his face with the photograph: the card is handed over.',
    input: { reason: 'lost', verificationScore: 82, feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'historyCheck' },
      { event: { type: 'history.checked' }, expect: 'revocation' },
      { event: { type: 'credential.revoked' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'production' },
      { event: { type: 'credential.received' }, expect: 'issuance' },
      { event: { type: 'holder.not-verified' }, expect: 'collectionReview' },
      { event: { type: 'handover.approved' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'collection-impostor-withheld',
    title: 'Someone else comes to collect',
    description:
      'A man brings the copy of RP-01 of a holder who applied two weeks ago and says he is the holder. He fails the fingerprint and iris checks and does not look like the photograph. The supervisor confirms the failure, keeps the card and refers the case to the integrity unit; the real holder is told to collect in person.',
    input: { reason: 'stolen', policeReportProvided: true, verificationScore: 86, feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'biometricVerification' },
      { event: { type: 'verification.completed' }, expect: 'historyCheck' },
      { event: { type: 'history.checked' }, expect: 'revocation' },
      { event: { type: 'credential.revoked' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'production' },
      { event: { type: 'credential.received' }, expect: 'issuance' },
      { event: { type: 'holder.not-verified' }, expect: 'collectionReview' },
      { event: { type: 'handover.withheld' }, expect: 'referredToIntegrity' },
    ],
    final: 'referredToIntegrity',
  },
  {
    id: 'name-change-redirected',
    title: 'Wants a new card in her married name',
    description: 'Aisha, 26, married last month and asks for a "replacement" card in her husband\u2019s surname. That is a change of particulars, not a replacement, and she is sent to the correction procedure.',
    input: { reason: 'damaged', particularsChanged: true },
    steps: [{ event: { type: 'request.screened' }, expect: 'redirectedToCorrection' }],
    final: 'redirectedToCorrection',
  },
];
