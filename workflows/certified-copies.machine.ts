// Certified copies and extracts of civil-status records (SOP-CR-04, content/sops/certified-copies.mdx).
// A request is received (6.1), the applicant's identity and entitlement checked (6.2) and the
// register searched (6.3). Third parties, full copies of restricted entries, sealed entries and
// entries copied many times go to the registrar for a decision (6.4); everyone else goes straight to
// the fee (6.5), the preparation from the entry (6.6), the registrar's signature and the register of
// issued copies (6.7) and the handover or dispatch (6.8). An entry not found in the office goes to
// the extended search (6.9), which ends with the entry or with a certificate of no record found:
// never with nothing. Suspected fraud at the counter, at the decision or at the handover pauses the
// request for the integrity officer (6.10).
//
// Time limits that end by the passing of time are timers (`after`), their lengths parameters:
//   requestPeriod      a returned or unpaid request lapses (copy-request-period)
//   appealPeriod       a refusal becomes final (appeal-period, the pack's shared appeal procedure)
//   searchTime         an extended search still open goes to the supervisor (copy-search-time)
//   collectionPeriod   a signed document never collected is cancelled (copy-collection-period)
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { param, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** The document asked for (6.1). */
type RequestType = 'extract' | 'multilingual' | 'full-copy';

/** Who the applicant is in relation to the entry (6.2, the table in section 5). */
type ApplicantCategory = 'person' | 'parent' | 'representative' | 'next-of-kin' | 'third-party' | 'authority';

/** Where the clerk's search finds the entry (6.3, 6.9). */
type RecordLocation = 'office' | 'elsewhere' | 'none';

/** What the entry's annotations close to most applicants (6.4). */
type Restriction = 'none' | 'adoption' | 'legitimation' | 'status-change' | 'court-sealed';

interface Context {
  /** Extract, multilingual extract or certified full copy. */
  requestType: RequestType;
  /** The applicant's relation to the entry, as written on CP-01. */
  applicantCategory: ApplicantCategory;
  /** The applicant wants what the entry says changed, and nothing else: that is a correction, not a copy (6.1). */
  wantsCorrectionOnly: boolean;
  /** Identity document, and for a representative or third party the authority or evidence of interest (CP-02), all seen (6.2). */
  applicationComplete: boolean;
  /** Where the entry is: in this office, in another office or archive (found by the extended search), or nowhere. */
  recordLocation: RecordLocation;
  /** The restriction the entry's annotations carry, if any. */
  restriction: Restriction;
  /** A court order, or the order sealing the entry, allows this issue. */
  courtOrderProduced: boolean;
  /** Documents already issued from this entry in the watch window (copy-repeat-window), from the register of issued copies. */
  copiesInWindow: number;
  /** At this many documents in the window the registrar reviews the request (parameter copy-repeat-alert). */
  repeatAlertLimit: number;
  /** The fee was paid through an official channel, with a receipt. */
  feePaid: boolean;
  /** The document is free by law or a waiver ground applies, with evidence recorded on CP-01 (6.5). */
  freeOrWaived: boolean;
  /** The applicant asked for the document by post or through a consulate, not to collect it (6.8). */
  deliveryByPost: boolean;
  /** Times the request came back complete after being returned with a written list. */
  resubmissions: number;
  /** Documents prepared again because the registrar found a mismatch with the entry (each spoiled form is recorded). */
  reprints: number;
}

type Events =
  | { type: 'request.screened' }
  | { type: 'entitlement.checked' }
  | { type: 'request.completed' }
  | { type: 'fraud.suspected' }
  | { type: 'search.completed' }
  | { type: 'extended-search.completed' }
  | { type: 'request.granted' }
  | { type: 'request.limited' }
  | { type: 'request.refused' }
  | { type: 'appeal.lodged' }
  | { type: 'refusal.upheld' }
  | { type: 'refusal.overturned' }
  | { type: 'fee.assessed' }
  | { type: 'fee.paid' }
  | { type: 'document.prepared' }
  | { type: 'document.signed' }
  | { type: 'document.mismatch' }
  | { type: 'document.handed-over' }
  | { type: 'document.dispatched' }
  | { type: 'no-record.certified' }
  | { type: 'investigation.cleared' }
  | { type: 'investigation.confirmed' };

/**
 * Whether the registrar must decide before anything is issued (6.3, 6.4): a third party, any entry
 * sealed by a court, a full copy of an entry whose annotations are restricted, or an entry already
 * copied as often as the repeat alert allows. An extract of a restricted entry needs no decision,
 * because an extract never shows the restricted history.
 */
function needsRegistrarDecision(context: Context): boolean {
  return (
    context.applicantCategory === 'third-party' ||
    context.restriction === 'court-sealed' ||
    (context.restriction !== 'none' && context.requestType === 'full-copy') ||
    context.copiesInWindow >= context.repeatAlertLimit
  );
}

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as Partial<Context>,
  },
  delays: {
    requestPeriod: paramMs('copy-request-period'),
    appealPeriod: paramMs('appeal-period'),
    searchTime: paramMs('copy-search-time'),
    collectionPeriod: paramMs('copy-collection-period'),
  },
  guards: {
    wantsCorrectionOnly: ({ context }) => context.wantsCorrectionOnly,
    applicationIncomplete: ({ context }) => !context.applicationComplete,
    foundHereDecisionNeeded: ({ context }) => context.recordLocation === 'office' && needsRegistrarDecision(context),
    foundHere: ({ context }) => context.recordLocation === 'office',
    foundElsewhereDecisionNeeded: ({ context }) => context.recordLocation === 'elsewhere' && needsRegistrarDecision(context),
    foundElsewhere: ({ context }) => context.recordLocation === 'elsewhere',
    // A sealed entry is opened only as a court order allows, whatever the registrar thinks of the request.
    sealAllowsIssue: ({ context }) => context.restriction !== 'court-sealed' || context.courtOrderProduced,
    feeSettled: ({ context }) => context.feePaid || context.freeOrWaived,
    collectsInPerson: ({ context }) => !context.deliveryByPost,
    sentByPost: ({ context }) => context.deliveryByPost,
  },
  actions: {
    recordResubmission: assign({
      resubmissions: ({ context }) => context.resubmissions + 1,
      applicationComplete: true,
    }),
    recordPayment: assign({ feePaid: true }),
    // The registrar limits a request to an extract (or an extract with facts left out).
    limitToExtract: assign({ requestType: 'extract' as RequestType }),
    countReprint: assign({ reprints: ({ context }) => context.reprints + 1 }),
  },
}).createMachine({
  id: 'certified-copies',
  initial: 'reception',
  context: ({ input }) => ({
    requestType: input.requestType ?? 'extract',
    applicantCategory: input.applicantCategory ?? 'person',
    wantsCorrectionOnly: input.wantsCorrectionOnly ?? false,
    applicationComplete: input.applicationComplete ?? true,
    recordLocation: input.recordLocation ?? 'office',
    restriction: input.restriction ?? 'none',
    courtOrderProduced: input.courtOrderProduced ?? false,
    copiesInWindow: input.copiesInWindow ?? 0,
    repeatAlertLimit: input.repeatAlertLimit ?? param('copy-repeat-alert'),
    feePaid: input.feePaid ?? false,
    freeOrWaived: input.freeOrWaived ?? false,
    deliveryByPost: input.deliveryByPost ?? false,
    resubmissions: 0,
    reprints: 0,
  }),
  states: {
    reception: {
      meta: { step: '6.1', title: 'Receive the request and identify the entry', role: 'registration-clerk', sla: 'same day', forms: ['CP-01'], legal: ['cra-certificates', 'crr-certificates'] },
      on: {
        'request.screened': [{ guard: 'wantsCorrectionOnly', target: 'redirectedToCorrection' }, { target: 'entitlementCheck' }],
      },
    },
    entitlementCheck: {
      meta: { step: '6.2', title: 'Check identity and entitlement', role: 'registration-clerk', sla: 'same day', forms: ['CP-01', 'CP-02'], legal: ['cra-certificates', 'cra-confidentiality', 'dpa'] },
      on: {
        'entitlement.checked': [{ guard: 'applicationIncomplete', target: 'returned' }, { target: 'registerSearch' }],
        'fraud.suspected': 'integrityReview',
      },
    },
    returned: {
      meta: { step: '6.2', title: 'Returned with a written list of what is missing', role: 'applicant', sla: paramText('copy-request-period'), forms: ['CP-01', 'CP-02'] },
      after: { requestPeriod: 'lapsed' },
      on: { 'request.completed': { target: 'entitlementCheck', actions: 'recordResubmission' } },
    },
    registerSearch: {
      meta: { step: '6.3', title: 'Search the register', role: 'registration-clerk', sla: paramText('copy-issue-time'), forms: ['CP-01'], legal: ['cra-certificates', 'crr-certificates'] },
      on: {
        'search.completed': [
          { guard: 'foundHereDecisionNeeded', target: 'registrarDecision' },
          { guard: 'foundHere', target: 'feeAssessment' },
          { target: 'extendedSearch' },
        ],
      },
    },
    registrarDecision: {
      meta: { step: '6.4', title: 'Registrar decides on a restricted entry or a third-party request', role: 'registrar', sla: paramText('copy-decision-time'), forms: ['CP-03'], legal: ['cra-confidentiality', 'adoption-records', 'status-change-records', 'hague-adoption-30', 'dpa'] },
      on: {
        'request.granted': { guard: 'sealAllowsIssue', target: 'feeAssessment' },
        'request.limited': { guard: 'sealAllowsIssue', target: 'feeAssessment', actions: 'limitToExtract' },
        'request.refused': 'refusalNotified',
        'fraud.suspected': 'integrityReview',
      },
    },
    refusalNotified: {
      meta: { step: '6.4', title: 'Refusal notified; appeal period running', role: 'applicant', sla: paramText('appeal-period'), forms: ['CP-03'], legal: ['cra-confidentiality'] },
      after: { appealPeriod: 'refused' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.4', title: 'Registrar General decides the appeal', role: 'registrar-general', sla: paramText('appeal-decision-time'), forms: ['CP-03'], legal: ['cra-confidentiality'] },
      on: {
        'refusal.upheld': 'refused',
        'refusal.overturned': 'feeAssessment',
      },
    },
    feeAssessment: {
      meta: { step: '6.5', title: 'Collect the fee or record free issue', role: 'registration-clerk', sla: 'same day', forms: ['CP-01'], legal: ['fees', 'refugee-convention-25'] },
      on: {
        'fee.assessed': [{ guard: 'feeSettled', target: 'preparation' }, { target: 'paymentPending' }],
      },
    },
    paymentPending: {
      meta: { step: '6.5', title: 'Waiting for the fee', role: 'applicant', sla: paramText('copy-request-period'), forms: ['CP-01'], legal: ['fees'] },
      after: { requestPeriod: 'paymentLapsed' },
      on: { 'fee.paid': { target: 'preparation', actions: 'recordPayment' } },
    },
    preparation: {
      meta: { step: '6.6', title: 'Prepare the document from the entry', role: 'registration-clerk', sla: paramText('copy-issue-time'), forms: ['CP-04', 'CP-05'], legal: ['crr-certificates', 'cra-certificates'] },
      on: { 'document.prepared': 'signature' },
    },
    signature: {
      meta: { step: '6.7', title: 'Sign, seal and record in the register of issued copies', role: 'registrar', sla: paramText('copy-issue-time'), forms: ['CP-07'], legal: ['crr-certificates', 'cra-certificates'] },
      on: {
        'document.signed': 'handover',
        // The spoiled form is cancelled in the register and the document prepared again.
        'document.mismatch': { target: 'preparation', actions: 'countReprint' },
      },
    },
    handover: {
      meta: { step: '6.8', title: 'Hand over or send the document', role: 'issuance-officer', sla: 'same day', forms: ['CP-07'], legal: ['cra-certificates', 'crr-certificates'] },
      after: { collectionPeriod: 'uncollected' },
      on: {
        'document.handed-over': { guard: 'collectsInPerson', target: 'issued' },
        'document.dispatched': { guard: 'sentByPost', target: 'dispatched' },
        'fraud.suspected': 'integrityReview',
      },
    },
    extendedSearch: {
      meta: { step: '6.9', title: 'Search other offices and the archives', role: 'registrar', sla: paramText('copy-search-time'), forms: ['CP-06'], legal: ['cra-confidentiality', 'crr-certificates'] },
      after: { searchTime: 'searchEscalated' },
      on: {
        'extended-search.completed': [
          { guard: 'foundElsewhereDecisionNeeded', target: 'registrarDecision' },
          { guard: 'foundElsewhere', target: 'feeAssessment' },
          { target: 'noRecordCertificate' },
        ],
      },
    },
    searchEscalated: {
      meta: { step: '6.9', title: 'Supervisor takes over the overdue search', role: 'registration-supervisor', sla: paramText('copy-search-time'), forms: ['CP-06'], legal: ['crr-certificates'] },
      on: {
        'extended-search.completed': [
          { guard: 'foundElsewhereDecisionNeeded', target: 'registrarDecision' },
          { guard: 'foundElsewhere', target: 'feeAssessment' },
          { target: 'noRecordCertificate' },
        ],
      },
    },
    noRecordCertificate: {
      meta: { step: '6.9', title: 'Certify that no record was found, and advise on registration', role: 'registrar', sla: 'same day', forms: ['CP-06'], legal: ['cra-confidentiality', 'crr-certificates'] },
      on: { 'no-record.certified': 'noRecordIssued' },
    },
    integrityReview: {
      meta: { step: '6.10', title: 'Integrity officer investigates; request paused', role: 'integrity-officer', sla: paramText('integrity-investigation-time'), legal: ['cra-offences', 'dpa'] },
      on: {
        'investigation.cleared': 'entitlementCheck',
        'investigation.confirmed': 'refusalNotified',
      },
    },
    redirectedToCorrection: { type: 'final', meta: { step: '6.1', title: 'Sent to the correction procedure', role: 'registration-clerk' } },
    lapsed: { type: 'final', meta: { step: '6.2', title: 'Request lapsed: not completed in time', role: 'registration-clerk', forms: ['CP-01'] } },
    refused: { type: 'final', meta: { step: '6.4', title: 'Refusal final: no appeal, or refusal upheld', role: 'registrar', forms: ['CP-03'], legal: ['cra-confidentiality'] } },
    paymentLapsed: { type: 'final', meta: { step: '6.5', title: 'Request lapsed: fee not paid', role: 'registration-clerk', forms: ['CP-01'] } },
    issued: { type: 'final', meta: { step: '6.8', title: 'Document handed over and recorded', role: 'issuance-officer', forms: ['CP-07'] } },
    dispatched: { type: 'final', meta: { step: '6.8', title: 'Document sent by registered post or to the consulate', role: 'issuance-officer', forms: ['CP-07'] } },
    uncollected: { type: 'final', meta: { step: '6.8', title: 'Not collected: document cancelled and recorded', role: 'registrar', forms: ['CP-07'] } },
    noRecordIssued: { type: 'final', meta: { step: '6.9', title: 'Certificate of no record found issued', role: 'registrar', forms: ['CP-06'] } },
  },
});

export const labels: Record<string, string> = {
  'request.screened': 'request screened',
  'entitlement.checked': 'identity and entitlement checked',
  'request.completed': 'applicant brings what was missing',
  'fraud.suspected': 'fraud suspected',
  'search.completed': 'search completed',
  'extended-search.completed': 'extended search completed',
  'request.granted': 'granted as asked',
  'request.limited': 'granted as an extract only',
  'request.refused': 'refused with reasons',
  'appeal.lodged': 'appeal lodged',
  'refusal.upheld': 'refusal upheld',
  'refusal.overturned': 'refusal overturned',
  'fee.assessed': 'fee assessed',
  'fee.paid': 'fee paid',
  'document.prepared': 'document prepared',
  'document.signed': 'signed and recorded',
  'document.mismatch': 'does not match the entry',
  'document.handed-over': 'handed over',
  'document.dispatched': 'sent by registered post',
  'no-record.certified': 'certificate of no record found signed',
  'investigation.cleared': 'no fraud found',
  'investigation.confirmed': 'fraud confirmed',
  wantsCorrectionOnly: 'wants the entry changed',
  applicationIncomplete: 'something missing',
  foundHereDecisionNeeded: 'found here, decision needed',
  foundHere: 'found here',
  foundElsewhereDecisionNeeded: 'found elsewhere, decision needed',
  foundElsewhere: 'found elsewhere',
  sealAllowsIssue: 'not sealed, or a court order allows it',
  feeSettled: 'paid, free or waived',
  collectsInPerson: 'collects in person',
  sentByPost: 'asked for it by post',
  requestPeriod: `${paramText('copy-request-period')} without completion`,
  appealPeriod: `${paramText('appeal-period')} without an appeal`,
  searchTime: `${paramText('copy-search-time')} without a result`,
  collectionPeriod: `${paramText('copy-collection-period')} without collection`,
};

export const caseFields: CaseField[] = [
  {
    id: 'requestType',
    label: 'Document asked for',
    type: 'select',
    options: [
      { value: 'extract', label: 'Extract (short certificate)' },
      { value: 'multilingual', label: 'Multilingual extract' },
      { value: 'full-copy', label: 'Certified full copy' },
    ],
  },
  {
    id: 'applicantCategory',
    label: 'Applicant',
    type: 'select',
    options: [
      { value: 'person', label: 'The person in the entry' },
      { value: 'parent', label: 'Legal parent or guardian of a minor' },
      { value: 'representative', label: 'Representative with written authority' },
      { value: 'next-of-kin', label: 'Spouse, child, parent or executor (death entry)' },
      { value: 'third-party', label: 'Third party with a claimed interest' },
      { value: 'authority', label: 'Court or public body under the law' },
    ],
  },
  { id: 'wantsCorrectionOnly', label: 'Wants the entry changed, not a copy', type: 'boolean' },
  { id: 'applicationComplete', label: 'Identity document and any authority seen', type: 'boolean' },
  {
    id: 'recordLocation',
    label: 'Where the entry is',
    type: 'select',
    options: [
      { value: 'office', label: 'In this office' },
      { value: 'elsewhere', label: 'In another office or the archive' },
      { value: 'none', label: 'Not found anywhere' },
    ],
  },
  {
    id: 'restriction',
    label: 'Restriction on the entry',
    type: 'select',
    options: [
      { value: 'none', label: 'None' },
      { value: 'adoption', label: 'Adoption' },
      { value: 'legitimation', label: 'Legitimation or recognition' },
      { value: 'status-change', label: 'Change of legal sex or of name' },
      { value: 'court-sealed', label: 'Sealed by a court' },
    ],
  },
  { id: 'courtOrderProduced', label: 'A court order allows this issue', type: 'boolean' },
  { id: 'copiesInWindow', label: `Documents issued from this entry in the last ${paramText('copy-repeat-window')}`, type: 'number' },
  { id: 'repeatAlertLimit', label: 'Documents before the repeat alert', type: 'number', help: `In force: ${param('copy-repeat-alert')}.` },
  { id: 'feePaid', label: 'Fee paid', type: 'boolean' },
  { id: 'freeOrWaived', label: 'Free by law, or a waiver ground applies', type: 'boolean' },
  { id: 'deliveryByPost', label: 'To be sent by post or to a consulate', type: 'boolean' },
];

/** The steps every issued document goes through once the fee is settled. */
const prepareAndSign = [
  { event: { type: 'fee.assessed' }, expect: 'preparation' },
  { event: { type: 'document.prepared' }, expect: 'signature' },
  { event: { type: 'document.signed' }, expect: 'handover' },
];

export const scenarios: Scenario[] = [
  {
    id: 'mother-school-extract',
    title: 'A mother needs her son\u2019s birth extract for school',
    description:
      'Amina lost the birth certificate of her son Daniel, 7, in a house move, and the school asks for one. She shows her identity card; she is Daniel\u2019s mother in the entry, which is in the office database. She pays the fee, and the extract is prepared, signed and handed to her the same morning.',
    input: { requestType: 'extract', applicantCategory: 'parent', recordLocation: 'office', feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'feeAssessment' },
      ...prepareAndSign,
      { event: { type: 'document.handed-over' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'abroad-multilingual-post',
    title: 'A multilingual extract asked for from abroad',
    description:
      'Joseph, 40, works abroad and needs his birth extract to marry there. He applies through the consulate, which attests his identity. His birth was registered in a rural office before the database, so the registrar finds it in the paper register of that office. He pays by bank transfer. The first print has his mother\u2019s name misspelt and is cancelled; the second matches the entry and is sent by registered post to the consulate.',
    input: { requestType: 'multilingual', applicantCategory: 'person', recordLocation: 'elsewhere', feePaid: true, deliveryByPost: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'extendedSearch' },
      { event: { type: 'extended-search.completed' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'preparation' },
      { event: { type: 'document.prepared' }, expect: 'signature' },
      { event: { type: 'document.mismatch' }, expect: 'preparation' },
      { event: { type: 'document.prepared' }, expect: 'signature' },
      { event: { type: 'document.signed' }, expect: 'handover' },
      { event: { type: 'document.dispatched' }, expect: 'dispatched' },
    ],
    final: 'dispatched',
  },
  {
    id: 'third-party-limited',
    title: 'An insurer asks for a full copy of a death entry',
    description:
      'An insurance agent asks for a full copy of the death entry of a client, to settle a life policy. He has the company\u2019s letter and the claim number, but no authority from the family. The entry also names the informant and gives the cause of death. The registrar grants an extract of the death entry (names, date and place of death) and refuses the full copy, because the insurer needs only the fact and date of death.',
    input: { requestType: 'full-copy', applicantCategory: 'third-party', recordLocation: 'office', feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'registrarDecision' },
      { event: { type: 'request.limited' }, expect: 'feeAssessment' },
      ...prepareAndSign,
      { event: { type: 'document.handed-over' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'adoptee-refused-overturned',
    title: 'An adopted adult refused the original entry, then granted on appeal',
    description:
      `Ruth, 27, was adopted as a baby and asks for a full copy of her original birth entry. The registrar of a small office refuses, believing that an adoption closes the original entry for ever. Ruth appeals. The law opens the original entry to the adopted person from ${paramText('sealed-record-access-age')}, so the Registrar General overturns the refusal; Ruth accepts the guidance offered by the social welfare service, pays the fee and collects the copy.`,
    input: { requestType: 'full-copy', applicantCategory: 'person', recordLocation: 'office', restriction: 'adoption', feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'registrarDecision' },
      { event: { type: 'request.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'feeAssessment' },
      ...prepareAndSign,
      { event: { type: 'document.handed-over' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'neighbour-refused',
    title: 'A neighbour wants another family\u2019s entry',
    description:
      'In a dispute over a plot of land, a man asks for the birth entry of his neighbour\u2019s son, to show that the boy is "not really" the neighbour\u2019s child. He has no authority and no interest the law accepts. The registrar refuses in writing, with reasons and the appeal route. He does not appeal, and the refusal becomes final.',
    input: { requestType: 'extract', applicantCategory: 'third-party', recordLocation: 'office' },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'registrarDecision' },
      { event: { type: 'request.refused' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'sealed-entry-no-order',
    title: 'A man asks for the extract of a sealed entry',
    description:
      'A man says he is the father of a young woman and asks for her birth extract "to find her". Her entry was sealed by a court to protect her after she escaped trafficking, and he has no court order. The registrar cannot grant anything without an order, refuses, and refers every later request for the entry to herself. He appeals; the Registrar General upholds the refusal.',
    input: { requestType: 'extract', applicantCategory: 'third-party', recordLocation: 'office', restriction: 'court-sealed', courtOrderProduced: false },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'registrarDecision' },
      { event: { type: 'request.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'no-record-found',
    title: 'Born at home, never found in the register',
    description:
      `Grace, 31, needs a birth certificate to enrol for the national identity credential. The office finds no entry. The registrar searches the paper registers for ${paramText('no-record-search-span')} on each side of the declared year, under three spellings and under her mother\u2019s name, and asks the neighbouring district. Nothing is found; he issues a certificate of no record found, free of charge, and explains delayed registration.`,
    input: { requestType: 'extract', applicantCategory: 'person', recordLocation: 'none' },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'extendedSearch' },
      { event: { type: 'extended-search.completed' }, expect: 'noRecordCertificate' },
      { event: { type: 'no-record.certified' }, expect: 'noRecordIssued' },
    ],
    final: 'noRecordIssued',
  },
  {
    id: 'search-overdue-escalated',
    title: 'An archive search that takes too long',
    description:
      `Peter, 58, needs his birth extract for his pension. His entry is in the archive of a district office that was flooded, and the search is still open after ${paramText('copy-search-time')}. The registration supervisor takes it over and finds the entry in the central index. The fee is waived on the schedule's ground of a declared disaster, since the flood took his papers too; Peter collects the extract.`,
    input: { requestType: 'extract', applicantCategory: 'person', recordLocation: 'elsewhere', freeOrWaived: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'extendedSearch' },
      { event: { type: 'after.searchTime' }, expect: 'searchEscalated' },
      { event: { type: 'extended-search.completed' }, expect: 'feeAssessment' },
      ...prepareAndSign,
      { event: { type: 'document.handed-over' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'wrong-date-correction',
    title: '"Print it with the right date"',
    description:
      'Samuel, 24, says the date of birth in his entry is a month wrong and asks for a certificate "with the right date" for his passport. He does not want a copy of the entry as it stands. That is a correction, not a copy: the clerk explains the correction procedure and gives him its checklist.',
    input: { wantsCorrectionOnly: true },
    steps: [{ event: { type: 'request.screened' }, expect: 'redirectedToCorrection' }],
    final: 'redirectedToCorrection',
  },
  {
    id: 'authority-never-brought',
    title: 'A cousin without an authority',
    description:
      `A woman asks for the full copy of her cousin\u2019s birth entry, saying the cousin is working in the city and sent her. She has no written authority. The clerk returns the request with a written list; it stays open for ${paramText('copy-request-period')}. She never comes back, and the request lapses.`,
    input: { requestType: 'full-copy', applicantCategory: 'representative', applicationComplete: false },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'returned' },
      { event: { type: 'after.requestPeriod' }, expect: 'lapsed' },
    ],
    final: 'lapsed',
  },
  {
    id: 'look-alike-confirmed',
    title: 'A look-alike asks for a birth extract',
    description:
      'A young man asks for the birth extract of "Peter M.", born the same year as he looks. His identity card shows signs of a replaced photograph. The clerk calls the registrar, who refers the request. The integrity officer finds that the real Peter M. emigrated years ago and that the card was altered. The request is refused in writing; no appeal is lodged.',
    input: { requestType: 'extract', applicantCategory: 'person', recordLocation: 'office', feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'fraud.suspected' }, expect: 'integrityReview' },
      { event: { type: 'investigation.confirmed' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'repeat-requests-cleared',
    title: 'Another copy of an entry copied many times',
    description:
      `A father asks for another birth extract of his daughter. The register of issued copies shows ${param('copy-repeat-alert') + 1} documents from this entry in the last ${paramText('copy-repeat-window')}, to him and to two other people, so the registrar reviews the request and refers it. The integrity officer finds an honest explanation: floods destroyed the family\u2019s papers twice and the school and the health insurer each asked for a copy. The request is checked again and the registrar grants it with the integrity officer\u2019s note.`,
    input: { requestType: 'extract', applicantCategory: 'parent', recordLocation: 'office', copiesInWindow: param('copy-repeat-alert') + 1, feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'registrarDecision' },
      { event: { type: 'fraud.suspected' }, expect: 'integrityReview' },
      { event: { type: 'investigation.cleared' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'registrarDecision' },
      { event: { type: 'request.granted' }, expect: 'feeAssessment' },
      ...prepareAndSign,
      { event: { type: 'document.handed-over' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'fee-never-paid',
    title: 'The fee is never paid',
    description:
      `Esther, 45, asks for a full copy of her marriage entry for a court case. No free case or waiver ground applies, and she says she will come back with the fee. She does not, and after ${paramText('copy-request-period')} the request lapses; nothing was printed.`,
    input: { requestType: 'full-copy', applicantCategory: 'person', recordLocation: 'office', feePaid: false, freeOrWaived: false },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'feeAssessment' },
      { event: { type: 'fee.assessed' }, expect: 'paymentPending' },
      { event: { type: 'after.requestPeriod' }, expect: 'paymentLapsed' },
    ],
    final: 'paymentLapsed',
  },
  {
    id: 'never-collected',
    title: 'A death extract never collected',
    description:
      `A widow asks for two extracts of her husband\u2019s death entry and pays, but has to travel home before they are signed. Nobody comes for them within ${paramText('copy-collection-period')}; the registrar cancels them, records the serials, and keeps them for destruction under witness. She may apply again.`,
    input: { requestType: 'extract', applicantCategory: 'next-of-kin', recordLocation: 'office', feePaid: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'entitlementCheck' },
      { event: { type: 'entitlement.checked' }, expect: 'registerSearch' },
      { event: { type: 'search.completed' }, expect: 'feeAssessment' },
      ...prepareAndSign,
      { event: { type: 'after.collectionPeriod' }, expect: 'uncollected' },
    ],
    final: 'uncollected',
  },
];
