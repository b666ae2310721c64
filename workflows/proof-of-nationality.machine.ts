// Proof of nationality: the nationality certificate, with statelessness screening and referral
// (SOP-NAT-01, content/sops/proof-of-nationality.mdx).
//
// The certificate records a finding that the law already makes the applicant a national; it never
// grants nationality. So the procedure branches on the evidence, not on the applicant: conclusive
// evidence goes straight to a decision, incomplete evidence to an inquiry and hearing, and a
// concrete suspicion of fraud to the integrity officer, after which the file is still decided on
// the rest of the evidence (a person who used a forged document may still be a national, or
// stateless). Every file that the documents did not settle is screened for statelessness before
// the decision; a refusal of a person with indicators sends the referral first, and the appeal
// period then runs as in every machine of the pack (the appeal itself is the shared appeals SOP).
//
// Three time limits end by the passing of time, so they are timers (`after`); their lengths are
// parameters (content/parameters.yaml):
//   evidencePeriod  a returned application lapses when the applicant does not come back
//   decisionTime    an undecided file is taken over by the Registrar General's office
//   appealPeriod    a refusal not appealed becomes final
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { paramMs, paramText } from '../src/lib/params/runtime.ts';

/** The ground of nationality the applicant claims on NC-01 (6.1). */
type Ground = 'birth-territory' | 'descent' | 'marriage' | 'naturalisation' | 'declaration' | 'unknown';

interface Context {
  /** The ground claimed on NC-01; the examiner looks at every ground the file supports (6.2). */
  ground: Ground;
  /** The person asks to be granted nationality, not to prove it: a naturalisation request, outside this SOP (6.1). */
  asksForNaturalisation: boolean;
  /** A document the applicant can reasonably obtain is missing, so the application is returned with a list (6.2). */
  documentsMissing: boolean;
  /** The documents required for the ground were produced, confirmed at their source and agree with each other (6.3). */
  evidenceConclusive: boolean;
  /** A concrete reason to suspect a forged document, impersonation or paid witnesses (6.3, 6.9). */
  fraudSuspected: boolean;
  /** The file (documents, inquiry findings, integrity finding) establishes a ground of nationality under the law (6.6). */
  groundEstablished: boolean;
  /** Screening found indicators that the applicant may be stateless or at risk of statelessness (6.5). */
  statelessnessIndicators: boolean;
  /** The applicant was registered as a foundling: screened even when the evidence is conclusive (6.5: the presumption of the 1961 Convention, art. 2, where the law has it). */
  foundling: boolean;
  /** A referral for statelessness has been sent (NC-04); it is never undone by the decision or the appeal. */
  referralSent: boolean;
  /** The integrity officer confirmed fraud; the forged evidence is set aside (6.9). */
  fraudConfirmed: boolean;
  /** Times the application came back with further documents. */
  resubmissions: number;
  /** Times the file was taken over after the decision time passed. */
  reassignments: number;
}

type Events =
  | { type: 'application.received' }
  | { type: 'evidence.assessed' }
  | { type: 'documents.brought' }
  | { type: 'documents.unobtainable' }
  | { type: 'verification.completed' }
  | { type: 'inquiry.completed' }
  | { type: 'fraud.confirmed' }
  | { type: 'fraud.not-confirmed' }
  | { type: 'screening.completed' }
  | { type: 'nationality.confirmed' }
  | { type: 'nationality.refused' }
  | { type: 'decision.reassigned' }
  | { type: 'referral.sent' }
  | { type: 'certificate.issued' }
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
    evidencePeriod: paramMs('nationality-evidence-period'),
    decisionTime: paramMs('nationality-decision-time'),
    appealPeriod: paramMs('appeal-period'),
  },
  guards: {
    asksForNaturalisation: ({ context }) => context.asksForNaturalisation,
    documentsMissing: ({ context }) => context.documentsMissing,
    fraudSuspected: ({ context }) => context.fraudSuspected,
    evidenceConclusive: ({ context }) => context.evidenceConclusive,
    // Every foundling is screened, however complete the file: the presumption is applied there.
    conclusiveFoundling: ({ context }) => context.evidenceConclusive && context.foundling,
    // Only a file that establishes a ground can end in a certificate; the deciding officer is
    // not bound by the recommendation, but is bound by the evidence.
    groundEstablished: ({ context }) => context.groundEstablished,
    // A refusal of a person with indicators sends the referral before the refusal goes out.
    referralNeeded: ({ context }) => context.statelessnessIndicators && !context.referralSent,
  },
  actions: {
    recordResubmission: assign({
      resubmissions: ({ context }) => context.resubmissions + 1,
      documentsMissing: false,
    }),
    recordFraud: assign({ fraudConfirmed: true }),
    recordReferral: assign({ referralSent: true }),
    recordReassignment: assign({ reassignments: ({ context }) => context.reassignments + 1 }),
  },
}).createMachine({
  id: 'proof-of-nationality',
  initial: 'reception',
  context: ({ input }) => ({
    ground: input.ground ?? 'descent',
    asksForNaturalisation: input.asksForNaturalisation ?? false,
    documentsMissing: input.documentsMissing ?? false,
    evidenceConclusive: input.evidenceConclusive ?? true,
    fraudSuspected: input.fraudSuspected ?? false,
    groundEstablished: input.groundEstablished ?? true,
    statelessnessIndicators: input.statelessnessIndicators ?? false,
    foundling: input.foundling ?? false,
    referralSent: input.referralSent ?? false,
    fraudConfirmed: false,
    resubmissions: 0,
    reassignments: 0,
  }),
  states: {
    reception: {
      meta: { step: '6.1', title: 'Receive the application', role: 'registration-clerk', sla: 'same day', forms: ['NC-01'], legal: ['nationality-certificate', 'nationality-regulations'] },
      on: {
        'application.received': [{ guard: 'asksForNaturalisation', target: 'redirected' }, { target: 'groundAssessment' }],
      },
    },
    groundAssessment: {
      meta: { step: '6.2', title: 'Identify the ground and the evidence it needs', role: 'nationality-examiner', sla: paramText('nationality-examination-time'), forms: ['NC-02'], legal: ['nationality-grounds', 'nationality-regulations'] },
      on: {
        'evidence.assessed': [{ guard: 'documentsMissing', target: 'returned' }, { target: 'verification' }],
      },
    },
    returned: {
      meta: { step: '6.2', title: 'Returned for documents the applicant can obtain', role: 'applicant', sla: paramText('nationality-evidence-period'), forms: ['NC-02'] },
      after: { evidencePeriod: 'lapsed' },
      on: {
        'documents.brought': { target: 'groundAssessment', actions: 'recordResubmission' },
        // A document that cannot be obtained never makes an application lapse: the inquiry looks for other proof.
        'documents.unobtainable': 'inquiry',
      },
    },
    verification: {
      meta: { step: '6.3', title: 'Verify the evidence at its source', role: 'nationality-examiner', sla: paramText('nationality-examination-time'), forms: ['NC-02'], legal: ['cra-evidence', 'nationality-certificate'] },
      on: {
        'verification.completed': [
          { guard: 'fraudSuspected', target: 'integrityReferral' },
          { guard: 'conclusiveFoundling', target: 'screening' },
          { guard: 'evidenceConclusive', target: 'decision' },
          { target: 'inquiry' },
        ],
      },
    },
    inquiry: {
      meta: { step: '6.4', title: 'Inquiry and hearing', role: 'nationality-examiner', sla: paramText('nationality-inquiry-time'), forms: ['NC-03'], legal: ['nationality-regulations', 'apa-review', 'crc-7'] },
      on: { 'inquiry.completed': 'screening' },
    },
    integrityReferral: {
      meta: { step: '6.9', title: 'Suspected fraud with the integrity officer; the file waits', role: 'integrity-officer', sla: paramText('integrity-investigation-time'), legal: ['nationality-offences', 'dpa'] },
      on: {
        'fraud.confirmed': { target: 'screening', actions: 'recordFraud' },
        'fraud.not-confirmed': 'screening',
      },
    },
    screening: {
      meta: { step: '6.5', title: 'Screen for statelessness', role: 'nationality-examiner', sla: paramText('statelessness-referral-time'), forms: ['NC-04'], legal: ['convention-1954', 'convention-1961', 'nationality-otherwise-stateless', 'crc-7'] },
      on: { 'screening.completed': 'decision' },
    },
    decision: {
      meta: { step: '6.6', title: 'Decide with written reasons', role: 'nationality-authority', sla: paramText('nationality-decision-time'), forms: ['NC-05'], legal: ['nationality-grounds', 'nationality-certificate', 'apa-review', 'udhr-15'] },
      after: { decisionTime: 'decisionOverdue' },
      on: {
        'nationality.confirmed': { guard: 'groundEstablished', target: 'issuance' },
        'nationality.refused': [{ guard: 'referralNeeded', target: 'statelessnessReferral' }, { target: 'refusalNotified' }],
      },
    },
    decisionOverdue: {
      meta: { step: '6.6', title: "Decision time passed: the Registrar General's office takes the file over", role: 'registrar-general', sla: 'next working day', forms: ['NC-05'], legal: ['apa-review'] },
      on: { 'decision.reassigned': { target: 'decision', actions: 'recordReassignment' } },
    },
    statelessnessReferral: {
      meta: { step: '6.5', title: 'Referral for statelessness sent before the refusal', role: 'nationality-examiner', sla: paramText('statelessness-referral-time'), forms: ['NC-04'], legal: ['sdp-law', 'convention-1954'] },
      on: { 'referral.sent': { target: 'refusalNotified', actions: 'recordReferral' } },
    },
    issuance: {
      meta: { step: '6.7', title: 'Issue and record the certificate', role: 'issuance-officer', sla: paramText('nationality-certificate-issue-time'), forms: ['NC-06'], legal: ['nationality-certificate'] },
      on: { 'certificate.issued': 'issued' },
    },
    refusalNotified: {
      meta: { step: '6.8', title: 'Refusal notified; appeal period running', role: 'applicant', sla: paramText('appeal-period'), forms: ['NC-05'], legal: ['apa-review', 'nationality-certificate'] },
      after: { appealPeriod: 'refused' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.8', title: 'Appeals officer decides the appeal', role: 'appeals-officer', sla: paramText('appeal-decision-time'), forms: ['NC-05'], legal: ['apa-review'] },
      on: {
        'refusal.upheld': 'refused',
        'refusal.overturned': 'issuance',
      },
    },
    redirected: { type: 'final', meta: { step: '6.1', title: 'Request for naturalisation: information given', role: 'registration-clerk' } },
    lapsed: { type: 'final', meta: { step: '6.2', title: 'Application lapsed: documents not brought in time', role: 'nationality-examiner' } },
    issued: { type: 'final', meta: { step: '6.7', title: 'Nationality certificate issued', role: 'issuance-officer', forms: ['NC-06'] } },
    refused: { type: 'final', meta: { step: '6.8', title: 'Refusal final: no appeal, or refusal upheld (any referral goes on)', role: 'nationality-authority', legal: ['nationality-certificate'] } },
  },
});

export const labels: Record<string, string> = {
  'application.received': 'application registered',
  'evidence.assessed': 'ground and evidence assessed',
  'documents.brought': 'applicant brings the documents',
  'documents.unobtainable': 'applicant cannot obtain them',
  'verification.completed': 'evidence verified',
  'inquiry.completed': 'inquiry and hearing completed',
  'fraud.confirmed': 'fraud confirmed',
  'fraud.not-confirmed': 'fraud not confirmed',
  'screening.completed': 'screening completed',
  'nationality.confirmed': 'nationality established',
  'nationality.refused': 'certificate refused',
  'decision.reassigned': 'file reassigned',
  'referral.sent': 'referral sent',
  'certificate.issued': 'certificate handed over',
  'appeal.lodged': 'appeal lodged',
  'refusal.upheld': 'refusal upheld',
  'refusal.overturned': 'refusal overturned',
  asksForNaturalisation: 'asks to be granted nationality',
  documentsMissing: 'documents missing that can be obtained',
  fraudSuspected: 'reason to suspect fraud',
  evidenceConclusive: 'conclusive',
  conclusiveFoundling: 'conclusive, a foundling',
  groundEstablished: 'a ground is established',
  referralNeeded: 'screening found indicators',
  evidencePeriod: `${paramText('nationality-evidence-period')} without the documents`,
  decisionTime: `${paramText('nationality-decision-time')} without a decision`,
  appealPeriod: `${paramText('appeal-period')} without an appeal`,
};

export const caseFields: CaseField[] = [
  {
    id: 'ground',
    label: 'Ground claimed',
    type: 'select',
    options: [
      { value: 'birth-territory', label: 'Birth on the territory' },
      { value: 'descent', label: 'Descent' },
      { value: 'marriage', label: 'Marriage' },
      { value: 'naturalisation', label: 'Naturalisation' },
      { value: 'declaration', label: 'Declaration' },
      { value: 'unknown', label: "Don't know" },
    ],
  },
  { id: 'asksForNaturalisation', label: 'Asks to be granted nationality (naturalisation)', type: 'boolean' },
  { id: 'documentsMissing', label: 'A document the applicant can obtain is missing', type: 'boolean' },
  { id: 'evidenceConclusive', label: 'Evidence conclusive after verification', type: 'boolean' },
  { id: 'fraudSuspected', label: 'Concrete reason to suspect fraud', type: 'boolean', help: 'A forged or borrowed document, impersonation, paid witnesses.' },
  { id: 'groundEstablished', label: 'The file establishes a ground of nationality', type: 'boolean' },
  { id: 'statelessnessIndicators', label: 'Screening finds indicators of statelessness', type: 'boolean' },
  { id: 'foundling', label: 'Registered as a foundling', type: 'boolean' },
];

export const scenarios: Scenario[] = [
  {
    id: 'descent-documents-conclusive',
    title: 'Born here to national parents, documents in order',
    description:
      'Joseph, 31, needs a nationality certificate for a public-service post. He brings his birth certificate and his father\u2019s nationality certificate. The examiner confirms both in the registers; the deciding officer finds nationality by descent established, and the certificate is issued.',
    input: { ground: 'descent' },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'decision' },
      { event: { type: 'nationality.confirmed' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'descent-abroad-returned-then-confirmed',
    title: 'Born abroad to a national mother',
    description:
      'Leila, 24, was born abroad, where her mother worked, and registered there. She claims nationality by descent through her mother but brings only her own foreign birth certificate. The application is returned with a list: her mother\u2019s birth certificate. She brings it a month later; it is confirmed and the certificate is issued.',
    input: { ground: 'descent', documentsMissing: true },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'returned' },
      { event: { type: 'documents.brought' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'decision' },
      { event: { type: 'nationality.confirmed' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'documents-never-brought-lapsed',
    title: 'Returned for a document and never brought back',
    description:
      `Peter, 45, claims nationality by naturalisation granted to his father, but brings no copy of the decree. The application is returned with a list and stays open for ${paramText('nationality-evidence-period')}. He does not come back and does not say the decree cannot be found; the application lapses, and he may apply again.`,
    input: { ground: 'naturalisation', documentsMissing: true },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'returned' },
      { event: { type: 'after.evidencePeriod' }, expect: 'lapsed' },
    ],
    final: 'lapsed',
  },
  {
    id: 'no-documents-inquiry-confirmed',
    title: 'The village register burned',
    description:
      'Mariam, 58, was born in a village whose registry office burned down; her parents are dead and she has only a teacher\u2019s service card. She tells the examiner the birth record cannot be obtained. The inquiry finds her father on an old electoral roll and her name in the village school register, and two elderly neighbours confirm her birth. Screening finds no indicators; nationality by birth and descent is established.',
    input: { ground: 'birth-territory', documentsMissing: true, evidenceConclusive: false },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'returned' },
      { event: { type: 'documents.unobtainable' }, expect: 'inquiry' },
      { event: { type: 'inquiry.completed' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'decision' },
      { event: { type: 'nationality.confirmed' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'foundling-presumption-confirmed',
    title: 'A foundling, now sixteen',
    description:
      'Grace was found as a newborn at a bus station and registered as a foundling. Now sixteen, she applies with the social welfare officer. The examiner confirms her birth entry and the foundling report with the registrar and the social welfare file: no parent was ever identified. As for every foundling, she is screened. The [Nationality Act] presumes a foundling found on the territory born there of nationals, and nothing proves the contrary: nationality is established.',
    input: { ground: 'birth-territory', foundling: true, statelessnessIndicators: true },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'decision' },
      { event: { type: 'nationality.confirmed' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'otherwise-stateless-child-confirmed',
    title: 'Born here to parents no State claims',
    description:
      'Amani, 7, was born in the capital and registered at birth. Her parents have no nationality document and the embassy of their parents\u2019 country does not answer. The inquiry and the screening find every indicator of statelessness. The [Nationality Act] gives nationality at birth to a child born on the territory who would otherwise be stateless: nationality is established on that ground.',
    input: { ground: 'birth-territory', evidenceConclusive: false, statelessnessIndicators: true },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'inquiry' },
      { event: { type: 'inquiry.completed' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'decision' },
      { event: { type: 'nationality.confirmed' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'refused-adult-referred',
    title: 'Born abroad, lived here forty years, no ground',
    description:
      'Daniel, 52, was born in a neighbouring country to parents from a third country and came here as a child. He has no document of any State. The inquiry finds no ground under the [Nationality Act]: he was not born here and neither parent was a national. Screening finds indicators; the examiner refers him to the statelessness determination procedure with his consent, and the refusal, which says so, is notified. He does not appeal; the refusal is final, and the referral goes on.',
    input: { ground: 'unknown', evidenceConclusive: false, groundEstablished: false, statelessnessIndicators: true },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'inquiry' },
      { event: { type: 'inquiry.completed' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'decision' },
      { event: { type: 'nationality.refused' }, expect: 'statelessnessReferral' },
      { event: { type: 'referral.sent' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'forged-father-certificate-upheld',
    title: 'A father\u2019s certificate the register does not know',
    description:
      'A young man claims descent and brings his "father\u2019s" nationality certificate. Its number belongs to another person in the register of certificates. The examiner refers the file; the integrity officer confirms the certificate was bought. Set aside, nothing else supports a ground, and screening finds no indicators: he holds a valid passport of the neighbouring State. The certificate is refused with reasons; he appeals, and the appeals officer upholds the refusal.',
    input: { ground: 'descent', fraudSuspected: true, groundEstablished: false },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'integrityReferral' },
      { event: { type: 'fraud.confirmed' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'decision' },
      { event: { type: 'nationality.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'refused' },
    ],
    final: 'refused',
  },
  {
    id: 'suspicion-cleared-confirmed',
    title: 'Two witnesses in many files, but telling the truth',
    description:
      'Ibrahim, 40, has no birth record; the two witnesses he brings to the inquiry hearing have appeared in several other files from his district, so the examiner refers the case. The integrity officer finds that they are the village chief and the retired teacher, who know every family, and that nobody was paid. The fraud is not confirmed; with the school register the examiner found, nationality by birth is established.',
    input: { ground: 'birth-territory', fraudSuspected: true },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'integrityReferral' },
      { event: { type: 'fraud.not-confirmed' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'decision' },
      { event: { type: 'nationality.confirmed' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'marriage-refusal-overturned',
    title: 'Married under custom, refused, overturned on appeal',
    description:
      'Rose, 60, married a national in a customary marriage forty years ago, when the [Nationality Act] then in force gave nationality to the wife of a national on a declaration, which she made. The deciding officer refuses because the marriage was never entered in the civil register. On appeal, the appeals officer finds the declaration in the old register of declarations and the marriage registered late in 1990: the refusal is overturned and the certificate issued.',
    input: { ground: 'marriage', groundEstablished: false },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'decision' },
      { event: { type: 'nationality.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'decision-overdue-reassigned',
    title: 'The file nobody decided',
    description:
      `Agnes, 35, applied with complete documents for nationality by declaration. The deciding officer went on long leave and the file waited ${paramText('nationality-decision-time')}. The register flags it; the Registrar General's office writes to Agnes and reassigns the file, and the new officer decides it on the file as it stands.`,
    input: { ground: 'declaration' },
    steps: [
      { event: { type: 'application.received' }, expect: 'groundAssessment' },
      { event: { type: 'evidence.assessed' }, expect: 'verification' },
      { event: { type: 'verification.completed' }, expect: 'decision' },
      { event: { type: 'after.decisionTime' }, expect: 'decisionOverdue' },
      { event: { type: 'decision.reassigned' }, expect: 'decision' },
      { event: { type: 'nationality.confirmed' }, expect: 'issuance' },
      { event: { type: 'certificate.issued' }, expect: 'issued' },
    ],
    final: 'issued',
  },
  {
    id: 'naturalisation-request-redirected',
    title: 'Asks to become a national',
    description:
      'Chen, 38, a foreign resident with a residence permit and a passport of his country, asks for a nationality certificate "because he has lived here ten years". He is not claiming to be a national but asking to become one: the clerk gives him the information on naturalisation and closes the request.',
    input: { ground: 'unknown', asksForNaturalisation: true },
    steps: [{ event: { type: 'application.received' }, expect: 'redirected' }],
    final: 'redirected',
  },
];
