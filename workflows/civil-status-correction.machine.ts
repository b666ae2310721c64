// Correction and amendment of a civil-status record (SOP-CR-03, content/sops/civil-status-correction.mdx).
// Every state names the section of the SOP that describes it in `meta.step`.
//
// Three waiting periods are timers (`after`), because in real life they end by the passing of time,
// not by anybody's action. Their lengths are parameters (content/parameters.yaml):
//   noticePeriod     public notice of a substantive amendment, open for objections
//   appealPeriod     time the applicant has to appeal a refusal
//   evidenceDeadline time the applicant has to bring the missing evidence
// The scenarios send events only, so they never wait for a timer: every state is also reached by an
// event, and the timer edges are extra paths (publicNotice → approval, refusalNotified → rejected,
// furtherEvidence → withdrawn).
//
// Who decides: the registrar approves a clerical correction or reclassifies the request; every
// substantive amendment, and every refusal, is the supervisor's (or a court's). A dismissed
// objection does not end the notice period: the file waits for its end (`notice.ended`, certified
// by the registrar on CC-03). An order the court registry does not know goes to the integrity
// officer, and the file is paused until the finding. The appeal follows the pack's shared appeal
// procedure; the machine models "appeal lodged, then decided".
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { param, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** How many times the applicant may be asked for more evidence before the registrar decides on what is on file. */
const MAX_EVIDENCE_REQUESTS = param('correction-evidence-requests');

type ErrorType = 'clerical' | 'substantive';

interface Context {
  /** How the registrar classifies the request: an obvious clerical error, or a substantive amendment. */
  errorType: ErrorType;
  /** The evidence on the checklist (CC-02) for this kind of request is present and appears genuine. */
  evidenceSufficient: boolean;
  /** National law reserves this amendment to a court (e.g. contested parentage). */
  courtOrderRequired: boolean;
  /** The applicant has presented a court order that directs the amendment. */
  courtOrderPresented: boolean;
  /** National law requires a public notice, open to objections, before this amendment is decided. */
  noticeRequired: boolean;
  /** The person has a record in the national identity register that must be kept consistent. */
  hasIdRecord: boolean;
  /** How many times the applicant has been asked for more evidence. */
  evidenceRequests: number;
}

type Events =
  | { type: 'application.lodged' }
  | { type: 'evidence.assessed' }
  | { type: 'evidence.resubmitted'; evidenceSufficient?: boolean }
  | { type: 'application.withdrawn' }
  | { type: 'correction.approved' }
  | { type: 'correction.reclassified' }
  | { type: 'amendment.reviewed' }
  | { type: 'evidence.requested' }
  | { type: 'court-order.verified' }
  | { type: 'court-order.rejected' }
  | { type: 'court-order.forged' }
  | { type: 'integrity.cleared' }
  | { type: 'integrity.confirmed' }
  | { type: 'objection.received' }
  | { type: 'objection.dismissed' }
  | { type: 'objection.sustained' }
  | { type: 'notice.ended' }
  | { type: 'amendment.approved' }
  | { type: 'amendment.refused' }
  | { type: 'appeal.lodged' }
  | { type: 'refusal.upheld' }
  | { type: 'refusal.overturned' }
  | { type: 'annotation.entered' }
  | { type: 'id-register.updated' }
  | { type: 'certificate.issued' };

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as Partial<Context>,
  },
  delays: {
    noticePeriod: paramMs('amendment-notice-period'),
    appealPeriod: paramMs('appeal-period'),
    evidenceDeadline: paramMs('correction-evidence-period'),
  },
  guards: {
    isClerical: ({ context }) => context.errorType === 'clerical',
    isSubstantive: ({ context }) => context.errorType === 'substantive',
    needsMoreEvidence: ({ context }) => !context.evidenceSufficient && context.evidenceRequests < MAX_EVIDENCE_REQUESTS,
    evidenceExhausted: ({ context }) => !context.evidenceSufficient && context.evidenceRequests >= MAX_EVIDENCE_REQUESTS,
    mayRequestMoreEvidence: ({ context }) => context.evidenceRequests < MAX_EVIDENCE_REQUESTS,
    courtOrderPresented: ({ context }) => context.courtOrderPresented,
    courtOrderRequired: ({ context }) => context.courtOrderRequired,
    noticeRequired: ({ context }) => context.noticeRequired,
    hasIdRecord: ({ context }) => context.hasIdRecord,
  },
  actions: {
    countEvidenceRequest: assign({
      evidenceRequests: ({ context }) => context.evidenceRequests + 1,
      evidenceSufficient: false,
    }),
    recordResubmission: assign({
      evidenceSufficient: ({ context, event }) =>
        event.type === 'evidence.resubmitted' ? (event.evidenceSufficient ?? true) : context.evidenceSufficient,
    }),
    reclassifyAsSubstantive: assign({ errorType: 'substantive' as ErrorType }),
  },
}).createMachine({
  id: 'civil-status-correction',
  initial: 'reception',
  context: ({ input }) => ({
    errorType: input.errorType ?? 'clerical',
    evidenceSufficient: input.evidenceSufficient ?? true,
    courtOrderRequired: input.courtOrderRequired ?? false,
    courtOrderPresented: input.courtOrderPresented ?? false,
    noticeRequired: input.noticeRequired ?? false,
    hasIdRecord: input.hasIdRecord ?? true,
    evidenceRequests: input.evidenceRequests ?? 0,
  }),
  states: {
    reception: {
      meta: { step: '6.1', title: 'Receive the application', role: 'registration-clerk', sla: 'same day', forms: ['CC-01', 'CC-02'], legal: ['crr-corrections'] },
      on: { 'application.lodged': 'assessment' },
    },
    assessment: {
      meta: { step: '6.2', title: 'Classify the request and assess the evidence', role: 'registrar', sla: paramText('correction-assessment-time'), forms: ['CC-02'], legal: ['cra-clerical', 'cra-amendment'] },
      on: {
        'evidence.assessed': [
          { guard: 'needsMoreEvidence', target: 'furtherEvidence', actions: 'countEvidenceRequest' },
          // No more requests: the file is decided on what it holds. A clerical error the source
          // document does not prove is a substantive request, and only the supervisor refuses.
          { guard: 'evidenceExhausted', target: 'supervisorReview', actions: 'reclassifyAsSubstantive' },
          { guard: 'isClerical', target: 'clericalDecision' },
          { guard: 'isSubstantive', target: 'supervisorReview' },
        ],
      },
    },
    furtherEvidence: {
      meta: { step: '6.2', title: 'Applicant brings further evidence', role: 'applicant', sla: paramText('correction-evidence-period'), forms: ['CC-02'], legal: ['crr-corrections'] },
      after: { evidenceDeadline: 'withdrawn' },
      on: {
        'evidence.resubmitted': { target: 'assessment', actions: 'recordResubmission' },
        'application.withdrawn': 'withdrawn',
      },
    },
    clericalDecision: {
      meta: { step: '6.3', title: 'Registrar decides the clerical correction', role: 'registrar', sla: paramText('correction-clerical-decision-time'), forms: ['CC-02', 'CC-05'], legal: ['cra-clerical'] },
      on: {
        'correction.approved': 'annotation',
        'correction.reclassified': { target: 'supervisorReview', actions: 'reclassifyAsSubstantive' },
      },
    },
    supervisorReview: {
      meta: { step: '6.4', title: 'Supervisor reviews the substantive amendment', role: 'registration-supervisor', sla: paramText('correction-review-time'), forms: ['CC-02'], legal: ['cra-amendment', 'family-law'] },
      on: {
        'amendment.reviewed': [
          { guard: 'courtOrderPresented', target: 'courtOrderVerification' },
          { guard: 'courtOrderRequired', target: 'referredToCourt' },
          { guard: 'noticeRequired', target: 'publicNotice' },
          { target: 'approval' },
        ],
        'evidence.requested': { guard: 'mayRequestMoreEvidence', target: 'furtherEvidence', actions: 'countEvidenceRequest' },
      },
    },
    courtOrderVerification: {
      meta: { step: '6.4', title: 'Legal officer verifies the court order', role: 'legal-officer', sla: paramText('court-order-verification-time'), forms: ['CC-02'], legal: ['family-law'] },
      on: {
        'court-order.verified': 'annotation',
        // A genuine order that cannot be executed yet (not final, or not addressed to the authority).
        'court-order.rejected': 'refusalNotified',
        // The court registry does not know the order.
        'court-order.forged': 'integrityReview',
      },
    },
    integrityReview: {
      meta: { step: '6.4', title: 'Integrity officer investigates the order; file paused', role: 'integrity-officer', sla: paramText('integrity-investigation-time'), forms: ['CC-02'], legal: ['cra-offences'] },
      on: {
        'integrity.cleared': 'annotation',
        'integrity.confirmed': 'refusalNotified',
      },
    },
    publicNotice: {
      meta: { step: '6.5', title: 'Public notice open for objections', role: 'registrar', sla: paramText('amendment-notice-period'), forms: ['CC-03'], legal: ['cra-amendment'] },
      after: { noticePeriod: 'approval' },
      on: { 'objection.received': 'objectionReview' },
    },
    objectionReview: {
      meta: { step: '6.5', title: 'Legal officer examines the objection', role: 'legal-officer', sla: paramText('objection-hearing-time'), forms: ['CC-03'], legal: ['cra-amendment'] },
      on: {
        'objection.dismissed': 'noticeContinues',
        'objection.sustained': 'referredToCourt',
      },
    },
    noticeContinues: {
      meta: { step: '6.5', title: 'Objection dismissed; notice runs to its end', role: 'registrar', sla: `to the end of the ${paramText('amendment-notice-period')}`, forms: ['CC-03'], legal: ['cra-amendment'] },
      on: {
        'notice.ended': 'approval',
        'objection.received': 'objectionReview',
      },
    },
    approval: {
      meta: { step: '6.6', title: 'Supervisor approves or refuses', role: 'registration-supervisor', sla: paramText('correction-decision-time'), forms: ['CC-05'], legal: ['cra-amendment'] },
      on: {
        'amendment.approved': 'annotation',
        'amendment.refused': 'refusalNotified',
      },
    },
    annotation: {
      meta: { step: '6.7', title: 'Annotate the register', role: 'registrar', sla: paramText('correction-annotation-time'), forms: ['CC-04'] },
      on: {
        'annotation.entered': [{ guard: 'hasIdRecord', target: 'idNotification' }, { target: 'certificateReissue' }],
      },
    },
    idNotification: {
      meta: { step: '6.8', title: 'Update the national identity register', role: 'registrar', sla: paramText('correction-id-update-time'), forms: ['CC-06'], legal: ['nia-update'] },
      on: { 'id-register.updated': 'certificateReissue' },
    },
    certificateReissue: {
      meta: { step: '6.9', title: 'Re-issue the certificate', role: 'issuance-officer', sla: paramText('correction-reissue-time'), forms: ['CC-05'] },
      on: { 'certificate.issued': 'amended' },
    },
    refusalNotified: {
      meta: { step: '6.10', title: 'Refusal notified; appeal period running', role: 'applicant', sla: paramText('appeal-period'), forms: ['CC-05'], legal: ['apa-appeals'] },
      after: { appealPeriod: 'rejected' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.10', title: 'Registrar General decides the appeal', role: 'registrar-general', sla: paramText('appeal-decision-time'), forms: ['CC-05'], legal: ['apa-appeals'] },
      on: {
        'refusal.upheld': 'rejected',
        'refusal.overturned': 'annotation',
      },
    },
    amended: { type: 'final', meta: { step: '6.9', title: 'Record amended, certificate re-issued', role: 'issuance-officer' } },
    rejected: { type: 'final', meta: { step: '6.10', title: 'Refusal final', role: 'registrar-general', forms: ['CC-05'] } },
    referredToCourt: { type: 'final', meta: { step: '6.4', title: 'Referred to the court', role: 'registration-supervisor', forms: ['CC-05'] } },
    withdrawn: { type: 'final', meta: { step: '6.2', title: 'Withdrawn or lapsed', role: 'registrar' } },
  },
});

export const caseFields: CaseField[] = [
  {
    id: 'errorType',
    label: 'Kind of request',
    type: 'select',
    options: [
      { value: 'clerical', label: 'Clerical error (the source document shows the right entry)' },
      { value: 'substantive', label: 'Substantive amendment (changes a fact of civil status)' },
    ],
    help: 'The registrar classifies the request in step 6.2; the applicant\'s own label does not decide it.',
  },
  { id: 'evidenceSufficient', label: 'Evidence sufficient', type: 'boolean', help: 'Every document on the CC-02 checklist for this request is present and appears genuine.' },
  { id: 'courtOrderRequired', label: 'Court order required by law', type: 'boolean', help: 'The national law reserves this amendment to a court (model: contested parentage, nationality-related facts).' },
  { id: 'courtOrderPresented', label: 'Court order presented', type: 'boolean' },
  { id: 'noticeRequired', label: 'Public notice required', type: 'boolean', help: 'The national law requires a notice open to objections (model: change of name, date of birth, parentage).' },
  { id: 'hasIdRecord', label: 'Person has a national ID record', type: 'boolean' },
  { id: 'evidenceRequests', label: 'Evidence requests already made', type: 'number', help: `After ${paramText('correction-evidence-requests')} the registrar decides on the evidence on file.` },
];

export const scenarios: Scenario[] = [
  {
    id: 'clerical-misspelling',
    title: 'Misspelt first name corrected by the registrar',
    description:
      'Amina, 34, finds that her birth record reads "Amna". The declaration form signed by her father in the archive shows "Amina". The registrar corrects the clerical error, annotates the entry, updates the ID register and re-issues the certificate.',
    input: { errorType: 'clerical', evidenceSufficient: true, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'clericalDecision' },
      { event: { type: 'correction.approved' }, expect: 'annotation' },
      { event: { type: 'annotation.entered' }, expect: 'idNotification' },
      { event: { type: 'id-register.updated' }, expect: 'certificateReissue' },
      { event: { type: 'certificate.issued' }, expect: 'amended' },
    ],
    final: 'amended',
  },
  {
    id: 'clerical-more-evidence',
    title: 'Transposed digits, proven after a second visit',
    description:
      'The birth certificate of Daniel, 6, shows the 21st as his date of birth; his mother says it is the 12th. The declaration cannot be found at first, so the registrar asks for the health-facility birth notification. She brings it; it shows the 12th. Daniel has no ID record yet.',
    input: { errorType: 'clerical', evidenceSufficient: false, hasIdRecord: false },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'furtherEvidence' },
      { event: { type: 'evidence.resubmitted', evidenceSufficient: true }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'clericalDecision' },
      { event: { type: 'correction.approved' }, expect: 'annotation' },
      { event: { type: 'annotation.entered' }, expect: 'certificateReissue' },
      { event: { type: 'certificate.issued' }, expect: 'amended' },
    ],
    final: 'amended',
  },
  {
    id: 'parentage-objection-dismissed',
    title: 'Father added; an objection is dismissed',
    description:
      'Joseph, 41, asks to be entered as the father of Grace, 3, whose record has no father. He and the mother sign a joint acknowledgement. The law requires public notice. In the second week a relative objects that Joseph is "not from the family" but gives no evidence; the objection is dismissed, the notice runs to its end with no other objection, and the supervisor approves.',
    input: { errorType: 'substantive', evidenceSufficient: true, noticeRequired: true, hasIdRecord: false },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'publicNotice' },
      { event: { type: 'objection.received' }, expect: 'objectionReview' },
      { event: { type: 'objection.dismissed' }, expect: 'noticeContinues' },
      { event: { type: 'notice.ended' }, expect: 'approval' },
      { event: { type: 'amendment.approved' }, expect: 'annotation' },
      { event: { type: 'annotation.entered' }, expect: 'certificateReissue' },
      { event: { type: 'certificate.issued' }, expect: 'amended' },
    ],
    final: 'amended',
  },
  {
    id: 'date-of-birth-objection-sustained',
    title: 'Date of birth change meets a serious objection',
    description:
      'Peter, 58, asks to change his year of birth from 1967 to 1962, with a baptism card. During the notice, a pension office objects with a school record showing 1967. The legal officer finds a genuine dispute of fact: the authority cannot decide it and Peter is referred to the court.',
    input: { errorType: 'substantive', evidenceSufficient: true, noticeRequired: true, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'publicNotice' },
      { event: { type: 'objection.received' }, expect: 'objectionReview' },
      { event: { type: 'objection.sustained' }, expect: 'referredToCourt' },
    ],
    final: 'referredToCourt',
  },
  {
    id: 'court-order-executed',
    title: 'Amendment ordered by a court',
    description:
      'Miriam, 29, brings a certified copy of a final court judgment that declares her mother to be Ruth, not the woman entered at registration. The legal officer confirms the order is authentic and final; the registrar annotates the entry and notifies the ID register.',
    input: { errorType: 'substantive', evidenceSufficient: true, courtOrderRequired: true, courtOrderPresented: true, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'courtOrderVerification' },
      { event: { type: 'court-order.verified' }, expect: 'annotation' },
      { event: { type: 'annotation.entered' }, expect: 'idNotification' },
      { event: { type: 'id-register.updated' }, expect: 'certificateReissue' },
      { event: { type: 'certificate.issued' }, expect: 'amended' },
    ],
    final: 'amended',
  },
  {
    id: 'court-order-required',
    title: 'Nationality-related fact: only a court can decide',
    description:
      'Samuel, 22, asks the office to change his father\'s nationality in his birth record, which would change his own nationality. He has only a letter from a chief. The law reserves this to a court; the supervisor refers him to the court with a decision letter that explains why.',
    input: { errorType: 'substantive', evidenceSufficient: true, courtOrderRequired: true, courtOrderPresented: false, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'referredToCourt' },
    ],
    final: 'referredToCourt',
  },
  {
    id: 'refused-appeal-allowed',
    title: 'Sex marker: refused, then overturned on appeal',
    description:
      'The record of baby Esther, 8 months, shows "male", as does the declaration her father signed. The parents bring a letter from the health centre, but it is unsigned and the centre does not answer the verification call, so the supervisor refuses. They appeal within the period with a signed, stamped copy of the health-centre birth register entry; the Registrar General overturns the refusal.',
    input: { errorType: 'substantive', evidenceSufficient: true, noticeRequired: false, hasIdRecord: false },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'approval' },
      { event: { type: 'amendment.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'annotation' },
      { event: { type: 'annotation.entered' }, expect: 'certificateReissue' },
      { event: { type: 'certificate.issued' }, expect: 'amended' },
    ],
    final: 'amended',
  },
  {
    id: 'reclassified-appeal-dismissed',
    title: '"Typing error" that is really a new date of birth',
    description:
      'Fatima, 19, says her date of birth has a "typing error" and asks for a date two years earlier, just before an age-limited recruitment. The source declaration matches the register. The registrar reclassifies the request as substantive; the supervisor asks once for more evidence, receives none that convinces, and refuses. On appeal the refusal is upheld.',
    input: { errorType: 'clerical', evidenceSufficient: true, noticeRequired: false, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'clericalDecision' },
      { event: { type: 'correction.reclassified' }, expect: 'supervisorReview' },
      { event: { type: 'evidence.requested' }, expect: 'furtherEvidence' },
      { event: { type: 'evidence.resubmitted', evidenceSufficient: true }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'approval' },
      { event: { type: 'amendment.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'forged-court-order',
    title: 'A court order that the court never issued',
    description:
      'Kofi, 45, presents a "court order" changing his surname and date of birth. The legal officer checks with the court registry: no such case number exists. The file goes to the integrity officer and waits; the officer finds the order was bought from a tout outside the court. The request is refused, the integrity unit reports the forgery to the police, and the refusal is upheld when Kofi appeals.',
    input: { errorType: 'substantive', evidenceSufficient: true, courtOrderRequired: true, courtOrderPresented: true, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'courtOrderVerification' },
      { event: { type: 'court-order.forged' }, expect: 'integrityReview' },
      { event: { type: 'integrity.confirmed' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'court-order-cleared',
    title: 'An order the registry could not find at first',
    description:
      'Sarah, 33, brings a certified order correcting her father\'s name. The court registry finds no case under the number on the order, so the legal officer refers the file to the integrity officer and it waits. The integrity officer visits the court: the order is genuine, but it was filed under the number of the appeal, not of the first case. The suspicion is cleared and the registrar annotates the entry as the order directs.',
    input: { errorType: 'substantive', evidenceSufficient: true, courtOrderRequired: true, courtOrderPresented: true, hasIdRecord: false },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'courtOrderVerification' },
      { event: { type: 'court-order.forged' }, expect: 'integrityReview' },
      { event: { type: 'integrity.cleared' }, expect: 'annotation' },
      { event: { type: 'annotation.entered' }, expect: 'certificateReissue' },
      { event: { type: 'certificate.issued' }, expect: 'amended' },
    ],
    final: 'amended',
  },
  {
    id: 'spelling-change-refused',
    title: 'A new spelling to match a passport: reclassified, refused by the supervisor',
    description:
      'Hassan, 37, wants his surname spelt "Hasan" in his birth record to match his passport. The declaration signed by his father shows "Hassan", exactly as registered, so there is no clerical error: the registrar does not refuse but reclassifies the request as substantive and sends it to the supervisor. The supervisor refuses, because nothing shows the name was registered wrongly, and explains the route for a change of name. Hassan appeals; the refusal is upheld.',
    input: { errorType: 'clerical', evidenceSufficient: true, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'clericalDecision' },
      { event: { type: 'correction.reclassified' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'approval' },
      { event: { type: 'amendment.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'evidence-never-sufficient',
    title: 'Two requests for evidence, then a decision on the file',
    description:
      'Ruth, 50, asks to change her mother\'s name in her birth record but can only bring sworn statements from neighbours. After two requests for documentary evidence the file is decided on what it holds: it goes to the supervisor, who refuses. Ruth appeals; the refusal is upheld.',
    input: { errorType: 'substantive', evidenceSufficient: false, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'furtherEvidence' },
      { event: { type: 'evidence.resubmitted', evidenceSufficient: false }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'furtherEvidence' },
      { event: { type: 'evidence.resubmitted', evidenceSufficient: false }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'supervisorReview' },
      { event: { type: 'amendment.reviewed' }, expect: 'approval' },
      { event: { type: 'amendment.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'withdrawn',
    title: 'Applicant withdraws',
    description:
      'John, 63, asks to change the place of birth in his record. Asked for evidence, he comes back to say that a relative found his original certificate, which is correct: the copy he had was a forgery bought at a market. He withdraws the application and the registrar reports the forged copy.',
    input: { errorType: 'substantive', evidenceSufficient: false, hasIdRecord: true },
    steps: [
      { event: { type: 'application.lodged' }, expect: 'assessment' },
      { event: { type: 'evidence.assessed' }, expect: 'furtherEvidence' },
      { event: { type: 'application.withdrawn' }, expect: 'withdrawn' },
    ],
    final: 'withdrawn',
  },
];
