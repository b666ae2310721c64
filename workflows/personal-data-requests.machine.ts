// Handling personal-data requests and data sharing (SOP-DP-01): requests from data subjects
// (access, rectification, erasure, objection) and from third parties (police, courts, agencies,
// partners, researchers, foreign authorities). Each state names the SOP step that describes it.
//
// A request is bulk when it asks for more than a set number of records, or selects records by
// criteria (an age group, a place, a period) instead of naming persons, whatever their number;
// bulk and recurring sharing needs an agreement. A refusal by the DPO or the legal officer can be
// reviewed by the Registrar General within the appeal period (a timer); the Registrar General's
// own refusal at approval is final here, and the requester may complain to the supervisory
// authority.
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { param, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** What is asked for: a data subject's right, or disclosure to someone else. */
type RequestType = 'access' | 'rectification' | 'erasure' | 'objection' | 'third-party';
/** Who makes a data subject's request. */
type Requester = 'self' | 'parent-or-guardian' | 'legal-representative';
/** Who makes a third-party request. */
type RequesterCategory = 'police' | 'court' | 'government-agency' | 'humanitarian-partner' | 'researcher' | 'foreign-authority';

interface Context {
  requestType: RequestType;
  requester: Requester;
  /** The requester's own identity has been checked against an identity document and the record. */
  identityVerified: boolean;
  /** A parent, guardian or representative has proved their authority to act (birth certificate, court order, power of attorney). */
  authorityProven: boolean;
  /** The answer would reveal other people's data, or an exemption in the law may apply (investigation, sealed adoption record). */
  exemptionClaimed: boolean;
  requesterCategory: RequesterCategory;
  /** The request concerns a refugee or asylum-seeker. */
  subjectIsRefugee: boolean;
  /** The third party has cited a legal basis (a court order, or a named statutory power). */
  legalBasisCited: boolean;
  /** Number of individual records asked for. */
  recordsRequested: number;
  /** The request selects records by criteria (an age group, a place, a period, a group of people) instead of naming the persons. */
  selectionByCriteria: boolean;
  /** The data would be sent more than once (a regular feed or system access). */
  recurring: boolean;
  /** A signed data-sharing agreement with this recipient covers the purpose and the fields. */
  agreementInPlace: boolean;
  /** Times the file was sent back for more proof or for a narrower request. */
  returns: number;
}

type Events =
  | { type: 'request.logged' }
  | { type: 'identity.checked' }
  | { type: 'proof.provided' }
  | { type: 'proof.not-provided' }
  | { type: 'assessment.completed' }
  | { type: 'request.assessed' }
  | { type: 'legal.cleared' }
  | { type: 'legal.refused' }
  | { type: 'agreement.signed' }
  | { type: 'agreement.declined' }
  | { type: 'sharing.approved' }
  | { type: 'sharing.returned' }
  | { type: 'sharing.refused' }
  | { type: 'response.released' }
  | { type: 'appeal.lodged' }
  | { type: 'refusal.upheld' }
  | { type: 'refusal.overturned' };

/** Above this many records a one-off request counts as bulk sharing and needs an agreement (content/parameters.yaml). */
const BULK_RECORDS = param('bulk-request-records');

/** Bulk or recurring: more than BULK_RECORDS records, records chosen by criteria rather than named, or a regular feed. */
function isBulkOrRecurring(context: Context): boolean {
  return context.recurring || context.selectionByCriteria || context.recordsRequested > BULK_RECORDS;
}

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as Partial<Context>,
  },
  delays: {
    appealPeriod: paramMs('appeal-period'),
  },
  guards: {
    isThirdParty: ({ context }) => context.requestType === 'third-party',
    proofInsufficient: ({ context }) => !context.identityVerified || (context.requester !== 'self' && !context.authorityProven),
    isRectification: ({ context }) => context.requestType === 'rectification',
    needsLegalReview: ({ context }) =>
      context.exemptionClaimed || context.requestType === 'erasure' || context.requestType === 'objection',
    isOriginCountryRequestForRefugee: ({ context }) => context.requesterCategory === 'foreign-authority' && context.subjectIsRefugee,
    noLegalBasis: ({ context }) => !context.legalBasisCited,
    needsAgreement: ({ context }) => isBulkOrRecurring(context) && !context.agreementInPlace,
    thirdPartyNeedsAgreement: ({ context }) => context.requestType === 'third-party' && isBulkOrRecurring(context) && !context.agreementInPlace,
  },
  actions: {
    acceptProof: assign({ identityVerified: true, authorityProven: true, returns: ({ context }) => context.returns + 1 }),
    confirmLegalBasis: assign({ legalBasisCited: true }),
    recordAgreement: assign({ agreementInPlace: true }),
    countReturn: assign({ returns: ({ context }) => context.returns + 1 }),
  },
}).createMachine({
  id: 'personal-data-requests',
  initial: 'received',
  context: ({ input }) => ({
    requestType: input.requestType ?? 'access',
    requester: input.requester ?? 'self',
    identityVerified: input.identityVerified ?? false,
    authorityProven: input.authorityProven ?? false,
    exemptionClaimed: input.exemptionClaimed ?? false,
    requesterCategory: input.requesterCategory ?? 'government-agency',
    subjectIsRefugee: input.subjectIsRefugee ?? false,
    legalBasisCited: input.legalBasisCited ?? false,
    recordsRequested: input.recordsRequested ?? 1,
    selectionByCriteria: input.selectionByCriteria ?? false,
    recurring: input.recurring ?? false,
    agreementInPlace: input.agreementInPlace ?? false,
    returns: 0,
  }),
  states: {
    received: {
      meta: { step: '6.1', title: 'Receive and log the request', role: 'registration-clerk', sla: 'same day', forms: ['DP-01', 'DP-03'], legal: ['dpa-rights'] },
      on: {
        'request.logged': [{ guard: 'isThirdParty', target: 'thirdPartyAssessment' }, { target: 'identityVerification' }],
      },
    },
    identityVerification: {
      meta: { step: '6.2', title: 'Verify identity and authority', role: 'registration-clerk', sla: 'same day', forms: ['DP-02'] },
      on: {
        'identity.checked': [{ guard: 'proofInsufficient', target: 'moreProofRequested' }, { target: 'dpoAssessment' }],
      },
    },
    moreProofRequested: {
      meta: { step: '6.2', title: 'Wait for more proof', role: 'data-subject', sla: paramText('data-request-proof-period'), forms: ['DP-02'] },
      on: {
        'proof.provided': { target: 'identityVerification', actions: 'acceptProof' },
        'proof.not-provided': 'refusalNotified',
      },
    },
    dpoAssessment: {
      meta: { step: '6.3', title: "Assess the data subject's request", role: 'data-protection-officer', sla: paramText('data-request-assessment-time'), forms: ['DP-01'], legal: ['dpa-rights'] },
      on: {
        'assessment.completed': [
          { guard: 'isRectification', target: 'referred' },
          { guard: 'needsLegalReview', target: 'legalReview' },
          { target: 'responsePreparation' },
        ],
      },
    },
    referred: {
      type: 'final',
      meta: { step: '6.3', title: 'Referred to the correction procedure', role: 'data-protection-officer', forms: ['DP-05'] },
    },
    thirdPartyAssessment: {
      meta: { step: '6.4', title: 'Assess the third-party request', role: 'data-protection-officer', sla: paramText('third-party-assessment-time'), forms: ['DP-03'], legal: ['dpa-disclosure'] },
      on: {
        'request.assessed': [
          { guard: 'isOriginCountryRequestForRefugee', target: 'refusalNotified' },
          { guard: 'noLegalBasis', target: 'legalReview' },
          { guard: 'needsAgreement', target: 'agreementPreparation' },
          { target: 'approval' },
        ],
      },
    },
    legalReview: {
      meta: { step: '6.5', title: 'Legal review', role: 'legal-officer', sla: paramText('data-legal-review-time'), forms: ['DP-01', 'DP-03'] },
      on: {
        'legal.cleared': [
          { guard: 'thirdPartyNeedsAgreement', target: 'agreementPreparation', actions: 'confirmLegalBasis' },
          { guard: 'isThirdParty', target: 'approval', actions: 'confirmLegalBasis' },
          { target: 'responsePreparation' },
        ],
        'legal.refused': 'refusalNotified',
      },
    },
    agreementPreparation: {
      meta: { step: '6.6', title: 'Data-sharing agreement and impact assessment', role: 'data-protection-officer', sla: paramText('sharing-agreement-time'), forms: ['DP-04'], legal: ['dpa-disclosure'] },
      on: {
        'agreement.signed': { target: 'approval', actions: 'recordAgreement' },
        'agreement.declined': 'refusalNotified',
      },
    },
    approval: {
      meta: { step: '6.7', title: 'Approve the disclosure', role: 'registrar-general', sla: paramText('disclosure-approval-time'), forms: ['DP-03', 'DP-04'], legal: ['dpa-disclosure'] },
      on: {
        'sharing.approved': 'responsePreparation',
        'sharing.returned': { target: 'thirdPartyAssessment', actions: 'countReturn' },
        'sharing.refused': 'refused',
      },
    },
    responsePreparation: {
      meta: { step: '6.8', title: 'Prepare, release and log the response', role: 'data-protection-officer', sla: `within the response deadline (${paramText('data-request-response-period')})`, forms: ['DP-05'] },
      on: {
        'response.released': [{ guard: 'isThirdParty', target: 'shared' }, { target: 'answered' }],
      },
    },
    answered: {
      type: 'final',
      meta: { step: '6.8', title: 'Answered: data disclosed or action taken', role: 'data-protection-officer', forms: ['DP-05'] },
    },
    shared: {
      type: 'final',
      meta: { step: '6.8', title: 'Shared with the third party and logged', role: 'data-protection-officer', forms: ['DP-05'] },
    },
    refusalNotified: {
      meta: { step: '6.8', title: 'Refusal letter sent; review period running', role: 'data-protection-officer', sla: paramText('appeal-period'), forms: ['DP-06', 'DP-05'], legal: ['dpa-rights'] },
      after: { appealPeriod: 'refused' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.8', title: 'Registrar General reviews the refusal', role: 'registrar-general', sla: paramText('appeal-decision-time'), forms: ['DP-06'], legal: ['dpa-rights'] },
      on: {
        'refusal.upheld': 'refused',
        'refusal.overturned': 'responsePreparation',
      },
    },
    refused: {
      type: 'final',
      meta: { step: '6.8', title: 'Refusal final; complaint to the supervisory authority open', role: 'data-protection-officer', forms: ['DP-06', 'DP-05'] },
    },
  },
});

export const caseFields: CaseField[] = [
  {
    id: 'requestType',
    label: 'Type of request',
    type: 'select',
    options: [
      { value: 'access', label: 'Access (a copy of my data)' },
      { value: 'rectification', label: 'Rectification (correct my data)' },
      { value: 'erasure', label: 'Erasure (delete my data)' },
      { value: 'objection', label: 'Objection (stop a use of my data)' },
      { value: 'third-party', label: 'Third party asking for someone else\'s data' },
    ],
  },
  {
    id: 'requester',
    label: 'Who asks (data-subject requests)',
    type: 'select',
    options: [
      { value: 'self', label: 'The data subject' },
      { value: 'parent-or-guardian', label: 'Parent or guardian of a child' },
      { value: 'legal-representative', label: 'Lawyer or other representative' },
    ],
  },
  { id: 'identityVerified', label: "Requester's identity verified", type: 'boolean' },
  { id: 'authorityProven', label: 'Authority to act proven', type: 'boolean', help: 'Needed for parents, guardians and representatives.' },
  { id: 'exemptionClaimed', label: 'Other people\'s data or an exemption involved', type: 'boolean' },
  {
    id: 'requesterCategory',
    label: 'Third party',
    type: 'select',
    options: [
      { value: 'police', label: 'Police' },
      { value: 'court', label: 'Court' },
      { value: 'government-agency', label: 'Other government agency' },
      { value: 'humanitarian-partner', label: 'Humanitarian partner' },
      { value: 'researcher', label: 'Researcher' },
      { value: 'foreign-authority', label: 'Foreign authority or embassy' },
    ],
  },
  { id: 'subjectIsRefugee', label: 'Data concern a refugee or asylum-seeker', type: 'boolean' },
  { id: 'legalBasisCited', label: 'Legal basis cited (court order or statutory power)', type: 'boolean' },
  { id: 'recordsRequested', label: 'Number of records asked for', type: 'number', help: `More than ${BULK_RECORDS} counts as bulk.` },
  { id: 'selectionByCriteria', label: 'Records chosen by criteria, not named', type: 'boolean', help: 'An age group, a place, a period, a group of people: bulk, however few records it gives.' },
  { id: 'recurring', label: 'Regular or repeated sharing', type: 'boolean' },
  { id: 'agreementInPlace', label: 'Data-sharing agreement already signed', type: 'boolean' },
];

export const scenarios: Scenario[] = [
  {
    id: 'subject-access',
    title: 'A woman asks for a copy of her record',
    description:
      'Amina, 34, wants to see what the identity register holds about her before she applies for a bank loan. She brings her identity card; the clerk verifies her. Nothing in her record concerns anyone else, and the DPO sends her a copy within the deadline.',
    input: { requestType: 'access', requester: 'self', identityVerified: true },
    steps: [
      { event: { type: 'request.logged' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'dpoAssessment' },
      { event: { type: 'assessment.completed' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'answered' },
    ],
    final: 'answered',
  },
  {
    id: 'representative-more-proof',
    title: 'Lawyer without a mandate, then a redacted copy',
    description:
      'A lawyer asks for the full file of Mr Paul, 78, who is in hospital. She has no power of attorney. She returns two weeks later with one signed before a magistrate. The file contains the details of Mr Paul\'s former wife, so the legal officer clears disclosure with her data blacked out.',
    input: { requestType: 'access', requester: 'legal-representative', identityVerified: true, authorityProven: false, exemptionClaimed: true },
    steps: [
      { event: { type: 'request.logged' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'moreProofRequested' },
      { event: { type: 'proof.provided' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'dpoAssessment' },
      { event: { type: 'assessment.completed' }, expect: 'legalReview' },
      { event: { type: 'legal.cleared' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'answered' },
    ],
    final: 'answered',
  },
  {
    id: 'rectification-referred',
    title: 'Wrong date of birth: referred to correction',
    description:
      'Joseph, 29, finds that his record shows 1997 instead of 1996. He asks the data protection office to "fix it". A change in the civil register follows the correction procedure, so the DPO refers his request there and tells him in writing.',
    input: { requestType: 'rectification', requester: 'self', identityVerified: true },
    steps: [
      { event: { type: 'request.logged' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'dpoAssessment' },
      { event: { type: 'assessment.completed' }, expect: 'referred' },
    ],
    final: 'referred',
  },
  {
    id: 'erasure-refused',
    title: 'Erasure of a birth record refused',
    description:
      'Leila, 40, asks that her birth record be deleted because it names a father she has never known. The legal officer confirms that the law keeps the civil register permanently; her request is refused with reasons, and the letter explains how she may apply for a correction or annotation instead.',
    input: { requestType: 'erasure', requester: 'self', identityVerified: true },
    steps: [
      { event: { type: 'request.logged' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'dpoAssessment' },
      { event: { type: 'assessment.completed' }, expect: 'legalReview' },
      { event: { type: 'legal.refused' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'objection-upheld',
    title: 'Objection to a mailing list upheld',
    description:
      'Ruth, 52, objects to her address being used by the authority\'s outreach unit to send her reminders about a fee-paying service. The legal officer finds no legal duty behind that use; the unit stops it and the DPO confirms it to her in writing.',
    input: { requestType: 'objection', requester: 'self', identityVerified: true },
    steps: [
      { event: { type: 'request.logged' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'dpoAssessment' },
      { event: { type: 'assessment.completed' }, expect: 'legalReview' },
      { event: { type: 'legal.cleared' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'answered' },
    ],
    final: 'answered',
  },
  {
    id: 'no-proof-refused',
    title: 'A "representative" who never proves his authority',
    description:
      'A man says he acts for his wife, who has left home, and asks for her current address. He has no authorisation from her. Asked for proof, he never returns; after the deadline the request is refused and the DPO alerts the protection unit.',
    input: { requestType: 'access', requester: 'legal-representative', identityVerified: true, authorityProven: false },
    steps: [
      { event: { type: 'request.logged' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'moreProofRequested' },
      { event: { type: 'proof.not-provided' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'court-order-shared',
    title: 'Court order for one birth record',
    description:
      'A family court orders the authority to produce the birth record of a child in a custody case. The DPO confirms the order with the court registry, the Registrar General approves, and a certified extract goes to the court.',
    input: { requestType: 'third-party', requesterCategory: 'court', legalBasisCited: true, recordsRequested: 1 },
    steps: [
      { event: { type: 'request.logged' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'approval' },
      { event: { type: 'sharing.approved' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'shared' },
    ],
    final: 'shared',
  },
  {
    id: 'police-letter-legal-review',
    title: 'Police letter with no legal basis cited',
    description:
      'A police inspector writes asking for the photograph and address of a named suspect, citing no power. The legal officer finds that [the Criminal Procedure Act] allows it on a written request from an officer of a named rank for a named offence; the inspector sends one, and the Registrar General approves.',
    input: { requestType: 'third-party', requesterCategory: 'police', legalBasisCited: false, recordsRequested: 1 },
    steps: [
      { event: { type: 'request.logged' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'legalReview' },
      { event: { type: 'legal.cleared' }, expect: 'approval' },
      { event: { type: 'sharing.approved' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'shared' },
    ],
    final: 'shared',
  },
  {
    id: 'partner-monthly-feed',
    title: 'Food agency asks for a monthly list of refugees',
    description:
      'A humanitarian partner asks for the names, dates of birth, phone numbers and countries of origin of 12,000 refugees every month for food distribution. An agreement and impact assessment are prepared. The Registrar General sends it back once to remove country of origin and phone numbers, then approves.',
    input: { requestType: 'third-party', requesterCategory: 'humanitarian-partner', subjectIsRefugee: true, legalBasisCited: true, recordsRequested: 12000, recurring: true, agreementInPlace: false },
    steps: [
      { event: { type: 'request.logged' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'agreementPreparation' },
      { event: { type: 'agreement.signed' }, expect: 'approval' },
      { event: { type: 'sharing.returned' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'approval' },
      { event: { type: 'sharing.approved' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'shared' },
    ],
    final: 'shared',
  },
  {
    id: 'embassy-refused',
    title: 'Embassy asks about its nationals who are refugees',
    description:
      'The embassy of the refugees\' country of origin writes to ask for the list of its nationals registered at the camps, "to help with their return". The request is refused at once: refugee data are never shared with the country of origin.',
    input: { requestType: 'third-party', requesterCategory: 'foreign-authority', subjectIsRefugee: true, legalBasisCited: false, recordsRequested: 5000 },
    steps: [
      { event: { type: 'request.logged' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'researcher-declines-safeguards',
    title: 'Researcher refuses to accept de-identified data',
    description:
      'A university team with ethics approval asks for 3,000 named death records of children to interview families. The draft agreement offers de-identified records and contact only through the authority; the team declines, and the request is refused. The team asks the Registrar General to review the refusal, which is upheld.',
    input: { requestType: 'third-party', requesterCategory: 'researcher', legalBasisCited: true, recordsRequested: 3000, recurring: false },
    steps: [
      { event: { type: 'request.logged' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'agreementPreparation' },
      { event: { type: 'agreement.declined' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'agency-bulk-refused-by-approver',
    title: 'Tax office asks for everyone born in one year',
    description:
      'The tax office cites no power and asks for a copy of the records of all 40,000 people born in 2000. The legal officer finds a power in [the Tax Administration Act]; the DPO drafts an agreement and the tax office signs it. At approval the Registrar General finds a full copy out of proportion to the purpose (checking the ages of a few hundred claimants), refuses, and offers a case-by-case verification service instead.',
    input: { requestType: 'third-party', requesterCategory: 'government-agency', legalBasisCited: false, recordsRequested: 40000, recurring: false },
    steps: [
      { event: { type: 'request.logged' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'legalReview' },
      { event: { type: 'legal.cleared' }, expect: 'agreementPreparation' },
      { event: { type: 'agreement.signed' }, expect: 'approval' },
      { event: { type: 'sharing.refused' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'criteria-request-agreement',
    title: 'A short list chosen by criteria is still bulk',
    description:
      `The social welfare department asks for "every woman over 60 registered in Ward 4", about 80 records, for a home-visit programme. It is fewer than ${BULK_RECORDS} records, but the request names nobody: it selects people by age, sex and place, so it is bulk sharing. The DPO prepares an agreement and an impact assessment (home visits to older women living alone are a safety risk if the list leaks); the department signs, and the Registrar General approves.`,
    input: { requestType: 'third-party', requesterCategory: 'government-agency', legalBasisCited: true, recordsRequested: 80, selectionByCriteria: true, recurring: false },
    steps: [
      { event: { type: 'request.logged' }, expect: 'thirdPartyAssessment' },
      { event: { type: 'request.assessed' }, expect: 'agreementPreparation' },
      { event: { type: 'agreement.signed' }, expect: 'approval' },
      { event: { type: 'sharing.approved' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'shared' },
    ],
    final: 'shared',
  },
  {
    id: 'access-refusal-overturned',
    title: 'Access refused for an investigation, overturned on review',
    description:
      'Samuel, 45, asks for a copy of his identity record. The legal officer advises refusal because the police had asked the authority not to disclose it during an investigation. Samuel asks the Registrar General to review the refusal within the period; the Registrar General learns from the police that the investigation closed last month, overturns the refusal, and the DPO sends Samuel his data.',
    input: { requestType: 'access', requester: 'self', identityVerified: true, exemptionClaimed: true },
    steps: [
      { event: { type: 'request.logged' }, expect: 'identityVerification' },
      { event: { type: 'identity.checked' }, expect: 'dpoAssessment' },
      { event: { type: 'assessment.completed' }, expect: 'legalReview' },
      { event: { type: 'legal.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'responsePreparation' },
      { event: { type: 'response.released' }, expect: 'answered' },
    ],
    final: 'answered',
  },
];
