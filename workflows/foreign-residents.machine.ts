// Registration of foreign residents in the foundational identity system (SOP-FR-01).
// A foreign resident proves who they are (passport, identity document of the country of origin or
// consular attestation) and that they may live in the country (permit, or a regularisation
// receipt in a campaign). The search runs across nationals, foreign residents and, by a hit/no-hit
// query, refugee records: a person found on another register is referred, never registered twice.
//
// The branches follow the SOP: screening sends people who seek protection to the refugee
// registration authority and people who say they are nationals to the national procedures, before
// anything is captured; a person with no identity document is referred for nationality and
// statelessness screening, unless they consent to a request to the consulate of the country they
// name; the supervisor, never the enrolment officer, refuses, and a refusal can be appealed (the
// pack's shared appeal procedure; the machine models "appeal lodged, then decided"). After
// registration the record follows the permit: renewed with it, deactivated after a notice period
// when it ends. Four waiting periods are timers: the returned application, the consulate's
// answer, the appeal period and the notice before deactivation.
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { paramMs, paramText } from '../src/lib/params/runtime.ts';

/** What brings the case to the office. */
type Request = 'registration' | 'renewal' | 'notice';

/** The register in which the search found a possible match, if any. */
type Candidate = 'none' | 'national' | 'foreign-resident' | 'refugee';

/** Why a notice about an existing record arrived. */
type NoticeReason = 'permit-ended' | 'departure' | 'death' | 'naturalisation';

interface Context {
  request: Request;
  /** The person says they fear returning to their country, or shows a refugee or asylum-seeker document: refugee registration, not this procedure. */
  seeksProtection: boolean;
  /** The person says they are a national of this country: national ID enrolment or the proof-of-nationality procedure. */
  claimsNationality: boolean;
  /** An original identity document (passport, travel document, identity document of the country of origin, consular attestation) was shown. */
  hasIdentityDocument: boolean;
  /** The enrolment officer doubts the identity document (altered, forged, not the holder's). */
  documentDoubtful: boolean;
  /** A permit was shown and the immigration check confirmed it valid for this person. */
  permitConfirmed: boolean;
  /** In a regularisation campaign: the receipt of the regularisation application was shown and confirmed. */
  regularisationReceipt: boolean;
  /** Something that can be brought later is missing (the permit left at home, FR-01 unsigned). */
  itemMissing: boolean;
  /** With no document: the interview suggests the person may be a national of this country or stateless (SOP 6.3). */
  nationalityUncertain: boolean;
  /** The register in which the 1:N search or the hit/no-hit query found a possible match. */
  candidate: Candidate;
  /** At renewal: the holder shows a renewed permit, confirmed by the immigration check. */
  permitRenewed: boolean;
  /** For a notice about an existing record: what happened. */
  noticeReason: NoticeReason;
  /** Times the application came back for a missing item. */
  returns: number;
}

type Events =
  | { type: 'request.screened' }
  | { type: 'documents.checked' }
  | { type: 'application.resubmitted' }
  | { type: 'undocumented.assessed' }
  | { type: 'attestation.received' }
  | { type: 'attestation.refused' }
  | { type: 'supervisor.cleared' }
  | { type: 'supervisor.refused' }
  | { type: 'supervisor.referred' }
  | { type: 'appeal.lodged' }
  | { type: 'refusal.upheld' }
  | { type: 'refusal.overturned' }
  | { type: 'capture.completed' }
  | { type: 'search.completed' }
  | { type: 'match.different' }
  | { type: 'match.national' }
  | { type: 'match.refugee' }
  | { type: 'match.same-resident' }
  | { type: 'match.second-identity' }
  | { type: 'finding.confirmed' }
  | { type: 'finding.not-confirmed' }
  | { type: 'credential.handedOver' }
  | { type: 'renewal.checked' }
  | { type: 'deactivation.reviewed' }
  | { type: 'permit.renewed' };

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as Partial<Context>,
  },
  delays: {
    applicationPeriod: paramMs('id-application-period'),
    attestationPeriod: paramMs('consular-attestation-period'),
    appealPeriod: paramMs('appeal-period'),
    noticePeriod: paramMs('permit-grace-period'),
  },
  guards: {
    isNotice: ({ context }) => context.request === 'notice',
    isRenewal: ({ context }) => context.request === 'renewal',
    seeksProtection: ({ context }) => context.seeksProtection,
    claimsNationality: ({ context }) => context.claimsNationality,
    hasNoIdentityDocument: ({ context }) => !context.hasIdentityDocument,
    // A doubtful document, or no residence basis the immigration check confirms, is for the
    // supervisor: the enrolment officer neither refuses nor accuses.
    needsSupervisor: ({ context }) => context.documentDoubtful || (!context.permitConfirmed && !context.regularisationReceipt),
    itemMissing: ({ context }) => context.itemMissing,
    nationalityUncertain: ({ context }) => context.nationalityUncertain,
    // The supervisor can clear a case only when the document is accepted and a residence basis is
    // confirmed (a permit the immigration service found by hand counts).
    hasResidenceBasis: ({ context }) => context.permitConfirmed || context.regularisationReceipt,
    hasCandidate: ({ context }) => context.candidate !== 'none',
    candidateIsNational: ({ context }) => context.candidate === 'national',
    candidateIsRefugee: ({ context }) => context.candidate === 'refugee',
    candidateIsResident: ({ context }) => context.candidate === 'foreign-resident',
    permitNotRenewed: ({ context }) => !context.permitRenewed,
    permitEnded: ({ context }) => context.noticeReason === 'permit-ended',
  },
  actions: {
    // The applicant came back with the missing item.
    recordReturn: assign({ returns: ({ context }) => context.returns + 1, itemMissing: false }),
    // The consulate's attestation is an identity document; the documents are checked again.
    recordAttestation: assign({ hasIdentityDocument: true, documentDoubtful: false }),
    // The immigration service confirmed the permit by hand, on appeal.
    recordPermitConfirmed: assign({ permitConfirmed: true, documentDoubtful: false }),
    recordPermitRenewed: assign({ permitRenewed: true }),
  },
}).createMachine({
  id: 'foreign-residents',
  initial: 'reception',
  context: ({ input }) => ({
    request: input.request ?? 'registration',
    seeksProtection: input.seeksProtection ?? false,
    claimsNationality: input.claimsNationality ?? false,
    hasIdentityDocument: input.hasIdentityDocument ?? true,
    documentDoubtful: input.documentDoubtful ?? false,
    permitConfirmed: input.permitConfirmed ?? false,
    regularisationReceipt: input.regularisationReceipt ?? false,
    itemMissing: input.itemMissing ?? false,
    nationalityUncertain: input.nationalityUncertain ?? false,
    candidate: input.candidate ?? 'none',
    permitRenewed: input.permitRenewed ?? false,
    noticeReason: input.noticeReason ?? 'permit-ended',
    returns: 0,
  }),
  states: {
    reception: {
      meta: { step: '6.1', title: 'Receive the applicant and screen the route', role: 'registration-clerk', sla: 'same day', forms: ['FR-01', 'FR-03'], legal: ['nia-residents', 'refugee-act'] },
      on: {
        // Protection first: a person who may be a refugee is never registered as a migrant.
        'request.screened': [
          { guard: 'isNotice', target: 'deactivationReview' },
          { guard: 'isRenewal', target: 'renewal' },
          { guard: 'seeksProtection', target: 'referredToRefugeeAuthority' },
          { guard: 'claimsNationality', target: 'referredToNationalProcedures' },
          { target: 'documentCheck' },
        ],
      },
    },
    documentCheck: {
      meta: { step: '6.2', title: 'Check the identity and residence documents', role: 'enrolment-officer', sla: 'same day', forms: ['FR-01', 'FR-02'], legal: ['nir-residents', 'immigration-permits', 'regularisation'] },
      on: {
        'documents.checked': [
          { guard: 'hasNoIdentityDocument', target: 'undocumentedReview' },
          { guard: 'itemMissing', target: 'returned' },
          { guard: 'needsSupervisor', target: 'supervisorReview' },
          { target: 'capture' },
        ],
      },
    },
    returned: {
      meta: { step: '6.2', title: 'Returned to the applicant with a written list', role: 'applicant', sla: paramText('id-application-period'), forms: ['FR-01'], legal: ['nir-residents'] },
      after: { applicationPeriod: 'lapsed' },
      on: { 'application.resubmitted': { target: 'documentCheck', actions: 'recordReturn' } },
    },
    undocumentedReview: {
      meta: { step: '6.3', title: 'Person without documents: consulate or nationality referral', role: 'identity-office-supervisor', sla: 'same day', forms: ['FR-03'], legal: ['nir-residents', 'nationality-act'] },
      on: {
        'undocumented.assessed': [{ guard: 'nationalityUncertain', target: 'referredForNationalityScreening' }, { target: 'awaitingAttestation' }],
      },
    },
    awaitingAttestation: {
      meta: { step: '6.3', title: 'Waiting for the consulate, with the applicant\u2019s consent', role: 'applicant', sla: paramText('consular-attestation-period'), forms: ['FR-03'], legal: ['nir-residents'] },
      // A negative answer or the consulate's silence is evidence for the screening, not a refusal.
      after: { attestationPeriod: 'referredForNationalityScreening' },
      on: {
        'attestation.received': { target: 'documentCheck', actions: 'recordAttestation' },
        'attestation.refused': 'referredForNationalityScreening',
      },
    },
    supervisorReview: {
      meta: { step: '6.4', title: 'Supervisor review of doubtful documents and eligibility', role: 'identity-office-supervisor', sla: paramText('foreign-document-review-time'), forms: ['FR-02'], legal: ['nir-residents', 'immigration-permits', 'icrmw'] },
      on: {
        'supervisor.cleared': { guard: 'hasResidenceBasis', target: 'capture' },
        'supervisor.refused': 'refusalNotified',
        'supervisor.referred': 'referredToIntegrity',
      },
    },
    refusalNotified: {
      meta: { step: '6.4', title: 'Refusal notified; appeal period running', role: 'applicant', sla: paramText('appeal-period'), forms: ['FR-02'], legal: ['nia-residents'] },
      after: { appealPeriod: 'rejected' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.4', title: 'Registrar General decides the appeal', role: 'registrar-general', sla: paramText('appeal-decision-time'), forms: ['FR-02'], legal: ['nia-residents'] },
      on: {
        'refusal.upheld': 'rejected',
        // Overturned on evidence the office had not obtained (a permit confirmed by hand).
        'refusal.overturned': { target: 'capture', actions: 'recordPermitConfirmed' },
      },
    },
    capture: {
      meta: { step: '6.5', title: 'Capture demographic data and biometrics', role: 'enrolment-officer', sla: 'same day', forms: ['FR-01'], legal: ['nia-residents', 'dpa'] },
      on: { 'capture.completed': 'search' },
    },
    search: {
      meta: { step: '6.6', title: 'Search against nationals, foreign residents and refugee records', role: 'enrolment-officer', sla: paramText('deduplication-upload-time'), legal: ['nir-residents', 'refugee-act'] },
      on: {
        'search.completed': [{ guard: 'hasCandidate', target: 'adjudication' }, { target: 'issuance' }],
      },
    },
    adjudication: {
      meta: { step: '6.7', title: 'Adjudicate a possible match', role: 'identity-adjudicator', sla: paramText('adjudication-time'), legal: ['nir-residents', 'refugee-act'] },
      on: {
        'match.different': 'issuance',
        // One person, one record: a national or a refugee is referred, never registered again.
        'match.national': { guard: 'candidateIsNational', target: 'referredAsNational' },
        'match.refugee': { guard: 'candidateIsRefugee', target: 'referredAsRefugee' },
        'match.same-resident': { guard: 'candidateIsResident', target: 'existingRecordKept' },
        'match.second-identity': 'secondReview',
      },
    },
    secondReview: {
      meta: { step: '6.7', title: 'Second review of a finding of a second identity', role: 'identity-unit-supervisor', sla: paramText('second-review-time'), legal: ['nir-residents'] },
      on: {
        'finding.confirmed': 'referredToIntegrity',
        'finding.not-confirmed': 'adjudication',
      },
    },
    issuance: {
      meta: { step: '6.8', title: 'Issue the resident identity credential', role: 'issuance-officer', sla: paramText('credential-production-time'), forms: ['FR-01'], legal: ['nia-residents', 'fees'] },
      on: { 'credential.handedOver': 'registered' },
    },
    renewal: {
      meta: { step: '6.9', title: 'Renew and update the record', role: 'enrolment-officer', sla: 'same day', forms: ['FR-04'], legal: ['nia-residents', 'immigration-permits'] },
      on: {
        'renewal.checked': [{ guard: 'permitNotRenewed', target: 'noticePeriod' }, { target: 'reissue' }],
      },
    },
    reissue: {
      meta: { step: '6.9', title: 'New credential with the new expiry', role: 'issuance-officer', sla: paramText('credential-production-time'), forms: ['FR-04'], legal: ['nia-residents'] },
      on: { 'credential.handedOver': 'renewed' },
    },
    deactivationReview: {
      meta: { step: '6.10', title: 'Deactivate the record', role: 'identity-office-supervisor', sla: 'same day', forms: ['FR-04'], legal: ['nia-residents', 'immigration-sharing'] },
      on: {
        // Departure, death and a grant of nationality deactivate at once; an ended permit after notice.
        'deactivation.reviewed': [{ guard: 'permitEnded', target: 'noticePeriod' }, { target: 'deactivated' }],
      },
    },
    noticePeriod: {
      meta: { step: '6.10', title: 'Holder notified; record active until the notice period ends', role: 'applicant', sla: paramText('permit-grace-period'), forms: ['FR-04'], legal: ['nia-residents', 'immigration-permits'] },
      after: { noticePeriod: 'deactivated' },
      on: { 'permit.renewed': { target: 'renewal', actions: 'recordPermitRenewed' } },
    },
    referredToRefugeeAuthority: { type: 'final', meta: { step: '6.1', title: 'Referred to the refugee registration authority', role: 'registration-clerk', forms: ['FR-03'], legal: ['refugee-act'] } },
    referredToNationalProcedures: { type: 'final', meta: { step: '6.1', title: 'Referred to national enrolment or proof of nationality', role: 'registration-clerk', forms: ['FR-03'] } },
    lapsed: { type: 'final', meta: { step: '6.2', title: 'Application lapsed: nothing brought within the period', role: 'enrolment-officer' } },
    referredForNationalityScreening: { type: 'final', meta: { step: '6.3', title: 'Referred for nationality and statelessness screening', role: 'identity-office-supervisor', forms: ['FR-03'], legal: ['nationality-act', 'statelessness-1954'] } },
    rejected: { type: 'final', meta: { step: '6.4', title: 'Refusal final: no appeal, or refusal upheld', role: 'identity-office-supervisor', legal: ['nia-residents'] } },
    referredToIntegrity: { type: 'final', meta: { step: '6.4', title: 'Referred to the integrity unit', role: 'integrity-officer' } },
    referredAsNational: { type: 'final', meta: { step: '6.7', title: 'Already a national: not registered again, referred', role: 'identity-adjudicator', legal: ['nationality-act'] } },
    referredAsRefugee: { type: 'final', meta: { step: '6.7', title: 'On the refugee register: not registered, referred', role: 'identity-adjudicator', legal: ['refugee-act'] } },
    existingRecordKept: { type: 'final', meta: { step: '6.7', title: 'Already a foreign resident: existing record kept', role: 'identity-adjudicator' } },
    registered: { type: 'final', meta: { step: '6.8', title: 'Registered: resident credential issued', role: 'issuance-officer' } },
    renewed: { type: 'final', meta: { step: '6.9', title: 'Renewed: credential follows the new permit', role: 'issuance-officer' } },
    deactivated: { type: 'final', meta: { step: '6.10', title: 'Record deactivated, kept, never deleted', role: 'identity-office-supervisor' } },
  },
});

export const labels: Record<string, string> = {
  'request.screened': 'route screened',
  'documents.checked': 'documents checked',
  'application.resubmitted': 'missing item brought',
  'undocumented.assessed': 'interview done',
  'attestation.received': 'consulate attests identity',
  'attestation.refused': 'consulate says not its national',
  'supervisor.cleared': 'cleared for capture',
  'supervisor.refused': 'refused with reasons',
  'supervisor.referred': 'forged document: referred',
  'capture.completed': 'data and biometrics captured',
  'search.completed': 'search completed',
  'match.different': 'different persons',
  'match.national': 'already a national',
  'match.refugee': 'on the refugee register',
  'match.same-resident': 'same foreign resident',
  'match.second-identity': 'same person, another identity',
  'finding.confirmed': 'second reviewer agrees',
  'finding.not-confirmed': 'second reviewer disagrees',
  'credential.handedOver': 'credential handed over',
  'renewal.checked': 'holder verified, permit checked',
  'deactivation.reviewed': 'notice checked',
  'permit.renewed': 'renewed permit shown',
  isNotice: 'a notice about a record',
  isRenewal: 'holder comes to renew or update',
  seeksProtection: 'seeks protection',
  claimsNationality: 'says they are a national',
  hasNoIdentityDocument: 'no identity document',
  needsSupervisor: 'doubtful document, or no confirmed permit or receipt',
  itemMissing: 'something to bring later',
  nationalityUncertain: 'may be a national or stateless',
  hasResidenceBasis: 'permit or receipt confirmed',
  hasCandidate: 'possible match found',
  candidateIsNational: 'match in the national register',
  candidateIsRefugee: 'hit in the refugee register',
  candidateIsResident: 'match with a foreign resident',
  permitNotRenewed: 'permit not renewed',
  permitEnded: 'permit ended or cancelled',
  applicationPeriod: `${paramText('id-application-period')} without the missing item`,
  attestationPeriod: `${paramText('consular-attestation-period')} without an answer`,
  appealPeriod: `${paramText('appeal-period')} without an appeal`,
  noticePeriod: `${paramText('permit-grace-period')} without a renewed permit`,
};

export const caseFields: CaseField[] = [
  {
    id: 'request',
    label: 'What brings the case',
    type: 'select',
    options: [
      { value: 'registration', label: 'A person asks to register' },
      { value: 'renewal', label: 'A holder comes to renew or update' },
      { value: 'notice', label: 'A notice about a record (permit ended, departure, death, nationality)' },
    ],
  },
  { id: 'seeksProtection', label: 'Says they fear returning, or shows a refugee document', type: 'boolean' },
  { id: 'claimsNationality', label: 'Says they are a national of this country', type: 'boolean' },
  { id: 'hasIdentityDocument', label: 'Has an identity document or consular attestation', type: 'boolean' },
  { id: 'documentDoubtful', label: 'Identity document looks altered or forged', type: 'boolean' },
  { id: 'permitConfirmed', label: 'Permit shown and confirmed by the immigration check', type: 'boolean' },
  { id: 'regularisationReceipt', label: 'Regularisation receipt shown and confirmed (campaign)', type: 'boolean' },
  { id: 'itemMissing', label: 'Something missing that can be brought later', type: 'boolean' },
  { id: 'nationalityUncertain', label: 'May be a national or stateless', type: 'boolean', help: 'Without documents: born here, parents of unknown nationality, no country recognises them.' },
  {
    id: 'candidate',
    label: 'Possible match found by the search',
    type: 'select',
    options: [
      { value: 'none', label: 'None' },
      { value: 'national', label: 'In the national register, as a national' },
      { value: 'foreign-resident', label: 'In the national register, as a foreign resident' },
      { value: 'refugee', label: 'Hit in the refugee registration database' },
    ],
  },
  { id: 'permitRenewed', label: 'Renewed permit shown (renewal)', type: 'boolean' },
  {
    id: 'noticeReason',
    label: 'Reason of the notice',
    type: 'select',
    options: [
      { value: 'permit-ended', label: 'Permit expired or cancelled' },
      { value: 'departure', label: 'Confirmed departure' },
      { value: 'death', label: 'Death registered' },
      { value: 'naturalisation', label: 'Granted nationality' },
    ],
  },
];

/** The steps every registered applicant goes through from screening to an accepted search. */
const toSearch = [
  { event: { type: 'request.screened' }, expect: 'documentCheck' },
  { event: { type: 'documents.checked' }, expect: 'capture' },
  { event: { type: 'capture.completed' }, expect: 'search' },
];

export const scenarios: Scenario[] = [
  {
    id: 'trader-with-permit',
    title: 'Trader with a passport and a work permit',
    description:
      'Grace, 38, a cloth trader from a neighbouring country, has lived in the capital for six years on a work permit. She brings her passport and the permit; the immigration check confirms the permit, the search finds nobody, and she collects a resident credential that expires with her permit.',
    input: { permitConfirmed: true },
    steps: [...toSearch, { event: { type: 'search.completed' }, expect: 'issuance' }, { event: { type: 'credential.handedOver' }, expect: 'registered' }],
    final: 'registered',
  },
  {
    id: 'campaign-receipt-registered',
    title: 'Mechanic registered in a regularisation campaign',
    description:
      `Jean-Paul, 45, a mechanic, came to the country eleven years ago and never had a permit. When the government opens a regularisation campaign, he applies and receives a receipt. At the campaign site he shows the receipt and his expired passport, which the regulations accept as proof of identity. He is registered with a credential valid for ${paramText('regularisation-credential-validity')}, until his permit is decided.`,
    input: { regularisationReceipt: true },
    steps: [...toSearch, { event: { type: 'search.completed' }, expect: 'issuance' }, { event: { type: 'credential.handedOver' }, expect: 'registered' }],
    final: 'registered',
  },
  {
    id: 'permit-left-home-lapsed',
    title: 'Permit left at home, never brought',
    description:
      `Chen, 27, a restaurant cook, brings his passport. The immigration check finds his work permit valid, but the officer must see the original, which he left at home. The officer returns the application with a written list; it stays open for ${paramText('id-application-period')}. He does not come back, and the application lapses; he may apply again.`,
    input: { permitConfirmed: true, itemMissing: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'returned' },
      { event: { type: 'after.applicationPeriod' }, expect: 'lapsed' },
    ],
    final: 'lapsed',
  },
  {
    id: 'fled-violence-referred',
    title: 'Came to the campaign site, but fled violence',
    description:
      'Esperance, 31, comes to a regularisation campaign site with her two children. When the clerk asks why she came to the country, she says armed men burned her village and she cannot go back. The clerk stops, gives her a referral slip to the refugee registration authority and explains that registration there is free and confidential. Nothing about her is recorded here.',
    input: { seeksProtection: true, regularisationReceipt: true },
    steps: [{ event: { type: 'request.screened' }, expect: 'referredToRefugeeAuthority' }],
    final: 'referredToRefugeeAuthority',
  },
  {
    id: 'says-he-is-national',
    title: 'Says he is a national with no card',
    description:
      'Peter, 52, joins the queue at a campaign site because "everyone without a card is coming". He says he was born in the country, as were his parents, and has never had a document. The clerk sends him with a referral slip to national enrolment, where an introducer can attest who he is, or to the proof-of-nationality procedure if his nationality must be proved.',
    input: { claimsNationality: true },
    steps: [{ event: { type: 'request.screened' }, expect: 'referredToNationalProcedures' }],
    final: 'referredToNationalProcedures',
  },
  {
    id: 'consular-attestation-registered',
    title: 'Passport lost, consulate attests her identity',
    description:
      `Wanjiru, 35, a domestic worker, lost her passport in a house fire; she has her residence permit. She names her country of nationality and consents to a request to its consulate. The consulate issues a consular attestation within ${paramText('consular-attestation-period')}; she brings it back, the documents are checked again, and she is registered.`,
    input: { hasIdentityDocument: false, permitConfirmed: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'undocumentedReview' },
      { event: { type: 'undocumented.assessed' }, expect: 'awaitingAttestation' },
      { event: { type: 'attestation.received' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'capture' },
      { event: { type: 'capture.completed' }, expect: 'search' },
      { event: { type: 'search.completed' }, expect: 'issuance' },
      { event: { type: 'credential.handedOver' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'born-at-border-stateless-referral',
    title: 'Born on the border, no country knows him',
    description:
      `Ibrahim, 34, a herder, has no document at all. He says his father was from the neighbouring country, and consents to a request to its consulate. After ${paramText('consular-attestation-period')} the consulate has not answered. The supervisor refers him for nationality and statelessness screening; the silence of the consulate is evidence for that procedure, not a refusal.`,
    input: { hasIdentityDocument: false, regularisationReceipt: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'undocumentedReview' },
      { event: { type: 'undocumented.assessed' }, expect: 'awaitingAttestation' },
      { event: { type: 'after.attestationPeriod' }, expect: 'referredForNationalityScreening' },
    ],
    final: 'referredForNationalityScreening',
  },
  {
    id: 'born-here-unknown-parents-referred',
    title: 'Born here to parents of unknown nationality',
    description:
      'Marie, 22, was born in the country to parents who died when she was small; nobody knows of which country they were nationals, and she has no document. The supervisor does not contact any consulate: she may be a national or stateless, and refers her at once for nationality and statelessness screening.',
    input: { hasIdentityDocument: false, nationalityUncertain: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'undocumentedReview' },
      { event: { type: 'undocumented.assessed' }, expect: 'referredForNationalityScreening' },
    ],
    final: 'referredForNationalityScreening',
  },
  {
    id: 'forged-passport-referred',
    title: 'A replaced photograph in a genuine passport',
    description:
      'A young man shows a passport whose laminate lifts at the edge of the photograph, and a work permit that the immigration check finds, in the name in the passport, with a different photograph. The officer keeps the passport against a receipt and sends the case to the supervisor, who finds the photograph replaced, seals the passport in an evidence envelope and refers the case to the integrity unit.',
    input: { documentDoubtful: true, permitConfirmed: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.referred' }, expect: 'referredToIntegrity' },
    ],
    final: 'referredToIntegrity',
  },
  {
    id: 'no-permit-refused',
    title: 'No permit and no campaign open',
    description:
      'Samir, 40, an electrician, arrived on a visitor visa two years ago and stayed. No regularisation campaign is open, and he has no permit. The supervisor refuses in writing, explains that the immigration service decides permits, and tells him he may appeal. He does not appeal; the refusal becomes final. Nobody reports him because he came to register.',
    input: { permitConfirmed: false },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.refused' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'permit-not-found-overturned-on-appeal',
    title: 'The permit the system did not know',
    description:
      'Amira, 41, a nurse, shows a passport and a permit renewed three weeks ago at a border post. The immigration query returns "not found" and the supervisor refuses without asking for a check by hand. Amira appeals; the immigration service confirms her permit, the refusal is overturned, and she is registered.',
    input: { permitConfirmed: false },
    steps: [
      { event: { type: 'request.screened' }, expect: 'documentCheck' },
      { event: { type: 'documents.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'capture' },
      { event: { type: 'capture.completed' }, expect: 'search' },
      { event: { type: 'search.completed' }, expect: 'issuance' },
      { event: { type: 'credential.handedOver' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'asylum-seeker-found-in-search',
    title: 'An asylum-seeker who left the camp to work',
    description:
      'Dawit, 29, registers at a campaign site with a passport and a campaign receipt. The hit/no-hit query to the refugee registration database returns a possible match, which the refugee authority\u2019s adjudicator confirms: he is registered there as an asylum-seeker. He is not registered as a foreign resident; he is referred to the refugee registration authority, and nothing about the match goes to the immigration service.',
    input: { regularisationReceipt: true, candidate: 'refugee' },
    steps: [...toSearch, { event: { type: 'search.completed' }, expect: 'adjudication' }, { event: { type: 'match.refugee' }, expect: 'referredAsRefugee' }],
    final: 'referredAsRefugee',
  },
  {
    id: 'dual-national-referred',
    title: 'A national with a foreign passport',
    description:
      'Lina, 24, born in the country to a national mother and a foreign father, applies as a foreign resident with her father\u2019s country\u2019s passport and a residence permit. The search finds her national record: she enrolled as a national as a teenager. She is not registered again; she is referred to the national procedures and the foreign-resident record is retired.',
    input: { permitConfirmed: true, candidate: 'national' },
    steps: [...toSearch, { event: { type: 'search.completed' }, expect: 'adjudication' }, { event: { type: 'match.national' }, expect: 'referredAsNational' }],
    final: 'referredAsNational',
  },
  {
    id: 'lost-card-re-registers',
    title: 'Registered last year, lost the card, registers again',
    description:
      'Ravi, 50, a shopkeeper, lost his resident credential and, thinking he had to start again, registers as a new applicant with the same passport and permit. The search finds his own record. The adjudicator keeps the existing record, retires the new one, and the office sends him to replacement.',
    input: { permitConfirmed: true, candidate: 'foreign-resident' },
    steps: [...toSearch, { event: { type: 'search.completed' }, expect: 'adjudication' }, { event: { type: 'match.same-resident' }, expect: 'existingRecordKept' }],
    final: 'existingRecordKept',
  },
  {
    id: 'new-name-after-deportation',
    title: 'A new name after a deportation order',
    description:
      'A man registers with a genuine passport and a work permit in the name of "Daniel O.". The search finds his fingerprints and irises on the record of "Joseph K.", a foreign resident deactivated four years ago after a deportation order. There is no marriage, corrected passport or other lawful explanation on file. The adjudicator records a finding of identity laundering; a second reviewer agrees, and the case goes to the integrity unit.',
    input: { permitConfirmed: true, candidate: 'foreign-resident' },
    steps: [
      ...toSearch,
      { event: { type: 'search.completed' }, expect: 'adjudication' },
      { event: { type: 'match.second-identity' }, expect: 'secondReview' },
      { event: { type: 'finding.confirmed' }, expect: 'referredToIntegrity' },
    ],
    final: 'referredToIntegrity',
  },
  {
    id: 'renewal-with-new-permit',
    title: 'Renewal with a new permit',
    description:
      'Grace comes back five years later with her renewed work permit. She is verified by fingerprint, the immigration check confirms the new permit, and she receives a new credential with the new expiry; the old one is revoked.',
    input: { request: 'renewal', permitRenewed: true },
    steps: [
      { event: { type: 'request.screened' }, expect: 'renewal' },
      { event: { type: 'renewal.checked' }, expect: 'reissue' },
      { event: { type: 'credential.handedOver' }, expect: 'renewed' },
    ],
    final: 'renewed',
  },
  {
    id: 'permit-ended-then-renewed',
    title: 'Permit ended, renewed during the notice period',
    description:
      `The immigration service notifies that Tomas\u2019s permit has expired. The supervisor records the notice and writes to him: the record will be deactivated after ${paramText('permit-grace-period')} unless he shows a renewed permit. Two weeks later he brings it: his renewal had been decided late. The record is renewed, never deactivated.`,
    input: { request: 'notice', noticeReason: 'permit-ended' },
    steps: [
      { event: { type: 'request.screened' }, expect: 'deactivationReview' },
      { event: { type: 'deactivation.reviewed' }, expect: 'noticePeriod' },
      { event: { type: 'permit.renewed' }, expect: 'renewal' },
      { event: { type: 'renewal.checked' }, expect: 'reissue' },
      { event: { type: 'credential.handedOver' }, expect: 'renewed' },
    ],
    final: 'renewed',
  },
  {
    id: 'permit-cancelled-deactivated',
    title: 'Permit cancelled at the end of a contract',
    description:
      `Ahmed\u2019s work permit is cancelled when his contract ends, and the immigration service sends a notice. He is told in writing; no renewed permit is shown within ${paramText('permit-grace-period')}, and the record is deactivated: the credential stops working, and the record is kept in case he returns.`,
    input: { request: 'notice', noticeReason: 'permit-ended' },
    steps: [
      { event: { type: 'request.screened' }, expect: 'deactivationReview' },
      { event: { type: 'deactivation.reviewed' }, expect: 'noticePeriod' },
      { event: { type: 'after.noticePeriod' }, expect: 'deactivated' },
    ],
    final: 'deactivated',
  },
  {
    id: 'holder-leaves-deactivated',
    title: 'Leaving the country for good',
    description:
      'Maria, 63, is going home to retire. She comes to the office, declares her departure and hands in her credential. The supervisor deactivates the record at once; it is kept, closed to everyday use, so that she is recognised if she ever comes back.',
    input: { request: 'notice', noticeReason: 'departure' },
    steps: [
      { event: { type: 'request.screened' }, expect: 'deactivationReview' },
      { event: { type: 'deactivation.reviewed' }, expect: 'deactivated' },
    ],
    final: 'deactivated',
  },
];
