// Registration of refugees and asylum-seekers (SOP-RR-01): reception, specific-needs screening,
// individual registration, biometrics and deduplication, approval, documentation, continuous
// registration and the link to the national civil register. Each state names its SOP step.
//
// Every new person, including an unaccompanied or separated child traced to relatives already
// registered, goes through interview, biometrics and supervisor approval before being added to a
// household. A finding of multiple registration is checked by a second adjudicator before the
// record is suspended. A refusal can be reviewed by the head of the authority within the appeal
// period (a timer); the review follows the pack's shared appeal procedure.
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { paramMs, paramText } from '../src/lib/params/runtime.ts';

/** Who is standing at the reception desk. */
type VisitorType = 'new-arrival' | 'registered';
/** Who a child arrived with: a separated child is with relatives who are not the usual caregiver. */
type TravellingWith = 'parent-or-caregiver' | 'other-relative' | 'alone';
/** What the officer thinks of the identity documents shown. */
type DocumentStatus = 'none' | 'genuine' | 'doubtful';
/** The kind of change asked for by a person who is already registered. */
type UpdateType = 'household-change' | 'birth' | 'death' | 'reactivation';

interface Context {
  visitorType: VisitorType;
  /** Age in completed years of the person the case is about (the principal applicant or the child). */
  ageYears: number;
  travellingWith: TravellingWith;
  /** A specific need was identified at screening (disability, older person at risk, survivor, serious medical condition...). */
  hasSpecificNeeds: boolean;
  /** Every member of the household came in person to the interview. */
  allMembersPresent: boolean;
  documentStatus: DocumentStatus;
  /** The fingerprints or irises match a record already in the registration database. */
  biometricMatch: boolean;
  updateType: UpdateType;
  /** A national birth or death certificate was shown for the event being added. */
  civilCertificatePresented: boolean;
  /** Times the household was sent away to bring absent members or the record was returned for correction. */
  returns: number;
  /** Set when biometrics have been captured: a refusal overturned on review goes back to where the case stood. */
  biometricsCaptured: boolean;
  /** A traced child who will join the household of a registered relative once approved. */
  joiningRelative: boolean;
}

type Events =
  | { type: 'visitor.received' }
  | { type: 'screening.completed' }
  | { type: 'referral.fasttracked' }
  | { type: 'referral.deferred' }
  | { type: 'child.interim-care-arranged' }
  | { type: 'child.family-traced' }
  | { type: 'interview.completed' }
  | { type: 'members.presented' }
  | { type: 'documents.cleared' }
  | { type: 'registration.refused' }
  | { type: 'biometrics.captured' }
  | { type: 'match.false' }
  | { type: 'match.same-person' }
  | { type: 'match.multiple-registration' }
  | { type: 'finding.confirmed' }
  | { type: 'finding.overturned' }
  | { type: 'appeal.lodged' }
  | { type: 'refusal.upheld' }
  | { type: 'refusal.overturned' }
  | { type: 'registration.approved' }
  | { type: 'registration.returned' }
  | { type: 'record.corrected' }
  | { type: 'documents.issued' }
  | { type: 'update.recorded' }
  | { type: 'civil-status.checked' };

/** Age below which a person is a child (CRC art. 1). */
const ADULT_AGE = 18;

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
    isRegisteredVisitor: ({ context }) => context.visitorType === 'registered',
    isUnaccompaniedOrSeparatedChild: ({ context }) => context.ageYears < ADULT_AGE && context.travellingWith !== 'parent-or-caregiver',
    hasSpecificNeeds: ({ context }) => context.hasSpecificNeeds,
    membersAbsent: ({ context }) => !context.allMembersPresent,
    documentsDoubtful: ({ context }) => context.documentStatus === 'doubtful',
    hasBiometricMatch: ({ context }) => context.biometricMatch,
    isVitalEvent: ({ context }) => context.updateType === 'birth' || context.updateType === 'death',
    civilCertificatePresented: ({ context }) => context.civilCertificatePresented,
    biometricsPending: ({ context }) => !context.biometricsCaptured,
  },
  actions: {
    markMembersPresent: assign({ allMembersPresent: true, returns: ({ context }) => context.returns + 1 }),
    markDocumentsCleared: assign({ documentStatus: 'genuine' as DocumentStatus }),
    countReturn: assign({ returns: ({ context }) => context.returns + 1 }),
    markAsReactivation: assign({ updateType: 'reactivation' as UpdateType }),
    markBiometricsCaptured: assign({ biometricsCaptured: true }),
    markJoiningRelative: assign({ joiningRelative: true }),
  },
}).createMachine({
  id: 'refugee-registration',
  initial: 'reception',
  context: ({ input }) => ({
    visitorType: input.visitorType ?? 'new-arrival',
    ageYears: input.ageYears ?? 30,
    travellingWith: input.travellingWith ?? 'parent-or-caregiver',
    hasSpecificNeeds: input.hasSpecificNeeds ?? false,
    allMembersPresent: input.allMembersPresent ?? true,
    documentStatus: input.documentStatus ?? 'none',
    biometricMatch: input.biometricMatch ?? false,
    updateType: input.updateType ?? 'household-change',
    civilCertificatePresented: input.civilCertificatePresented ?? false,
    returns: 0,
    biometricsCaptured: false,
    joiningRelative: false,
  }),
  states: {
    reception: {
      meta: { step: '6.1', title: 'Receive, inform and issue a queue token', role: 'reception-officer', sla: 'on arrival', forms: ['RR-01'], legal: ['refugee-act-registration'] },
      on: {
        'visitor.received': [{ guard: 'isRegisteredVisitor', target: 'continuousRegistration' }, { target: 'screening' }],
      },
    },
    screening: {
      meta: { step: '6.2', title: 'Screen for specific needs', role: 'reception-officer', sla: 'same day', forms: ['RR-02'] },
      on: { 'screening.completed': 'screeningRouting' },
    },
    screeningRouting: {
      meta: { step: '6.2', title: 'Route by screening result', role: 'reception-officer', forms: ['RR-02'] },
      always: [
        { guard: 'isUnaccompaniedOrSeparatedChild', target: 'childProtectionReferral' },
        { guard: 'hasSpecificNeeds', target: 'protectionReferral' },
        { target: 'interview' },
      ],
    },
    childProtectionReferral: {
      meta: { step: '6.3', title: 'Refer an unaccompanied or separated child', role: 'protection-officer', sla: 'same day', forms: ['RR-05'], legal: ['crc', 'children-act'] },
      on: {
        'child.interim-care-arranged': 'interview',
        // A traced child is registered like any new person, then joins the relative's household.
        'child.family-traced': { target: 'interview', actions: 'markJoiningRelative' },
      },
    },
    protectionReferral: {
      meta: { step: '6.3', title: 'Refer to protection and fast-track', role: 'protection-officer', sla: 'same day', forms: ['RR-05'] },
      on: {
        'referral.fasttracked': 'interview',
        'referral.deferred': 'referredToProtection',
      },
    },
    interview: {
      meta: { step: '6.4', title: 'Register each member individually', role: 'refugee-registration-officer', sla: 'same day', forms: ['RR-03', 'RR-04'] },
      on: {
        'interview.completed': [
          { guard: 'membersAbsent', target: 'pendingAttendance' },
          { guard: 'documentsDoubtful', target: 'documentExamination' },
          { target: 'biometrics' },
        ],
      },
    },
    pendingAttendance: {
      meta: { step: '6.4', title: 'Wait for absent members to appear in person', role: 'applicant', sla: paramText('absent-member-period'), forms: ['RR-04'] },
      on: { 'members.presented': { target: 'interview', actions: 'markMembersPresent' } },
    },
    biometrics: {
      meta: { step: '6.5', title: 'Capture biometrics and check for duplicates', role: 'refugee-registration-officer', sla: 'same day', forms: ['RR-03'] },
      on: {
        'biometrics.captured': [
          { guard: 'hasBiometricMatch', target: 'matchReview', actions: 'markBiometricsCaptured' },
          { target: 'approval', actions: 'markBiometricsCaptured' },
        ],
      },
    },
    matchReview: {
      meta: { step: '6.5', title: 'Adjudicate a biometric match', role: 'refugee-adjudicator', sla: paramText('refugee-adjudication-time'), forms: ['RR-03'], legal: ['refugee-act-registration'] },
      on: {
        'match.false': 'approval',
        'match.same-person': { target: 'continuousRegistration', actions: 'markAsReactivation' },
        'match.multiple-registration': 'secondReview',
      },
    },
    secondReview: {
      meta: { step: '6.5', title: 'Second adjudicator reviews the finding', role: 'refugee-adjudicator', sla: paramText('refugee-adjudication-time'), forms: ['RR-03'], legal: ['refugee-act-registration'] },
      on: {
        'finding.confirmed': 'registrationSuspended',
        'finding.overturned': 'matchReview',
      },
    },
    registrationSuspended: {
      type: 'final',
      meta: { step: '6.5', title: 'New record suspended; referred for investigation', role: 'integrity-officer' },
    },
    documentExamination: {
      meta: { step: '6.6', title: 'Examine doubtful documents', role: 'refugee-registration-supervisor', sla: paramText('refugee-document-review-time'), forms: ['RR-03'] },
      on: {
        'documents.cleared': { target: 'biometrics', actions: 'markDocumentsCleared' },
        'registration.refused': 'refusalNotified',
      },
    },
    approval: {
      meta: { step: '6.6', title: 'Supervisor reviews and approves the record', role: 'refugee-registration-supervisor', sla: paramText('refugee-approval-time'), forms: ['RR-03', 'RR-04'], legal: ['refugee-act-registration'] },
      on: {
        'registration.approved': 'documentation',
        'registration.returned': { target: 'correction', actions: 'countReturn' },
        'registration.refused': 'refusalNotified',
      },
    },
    refusalNotified: {
      meta: { step: '6.6', title: 'Refusal notified; review period running', role: 'applicant', sla: paramText('appeal-period'), legal: ['refugee-act-registration'] },
      after: { appealPeriod: 'rejected' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.6', title: 'Head of the authority reviews the refusal', role: 'refugee-authority-head', sla: paramText('appeal-decision-time'), legal: ['refugee-act-registration'] },
      on: {
        'refusal.upheld': 'rejected',
        'refusal.overturned': [{ guard: 'biometricsPending', target: 'biometrics' }, { target: 'approval' }],
      },
    },
    correction: {
      meta: { step: '6.6', title: 'Correct the returned record', role: 'refugee-registration-officer', sla: paramText('refugee-approval-time'), forms: ['RR-03', 'RR-04'] },
      on: { 'record.corrected': 'approval' },
    },
    rejected: {
      type: 'final',
      meta: { step: '6.6', title: 'Not registered: refusal final (no review asked, or refusal upheld)', role: 'refugee-registration-supervisor', legal: ['refugee-act-registration'] },
    },
    documentation: {
      meta: { step: '6.7', title: 'Issue certificates and explain them', role: 'issuance-officer', sla: paramText('refugee-document-time'), forms: ['RR-06'], legal: ['refugee-act-documents'] },
      on: { 'documents.issued': 'registered' },
    },
    registered: {
      type: 'final',
      meta: { step: '6.7', title: 'Registered; documentation issued', role: 'issuance-officer', forms: ['RR-06'] },
    },
    continuousRegistration: {
      meta: { step: '6.8', title: 'Update an existing registration', role: 'refugee-registration-officer', sla: 'same day', forms: ['RR-03', 'RR-04'] },
      on: {
        'update.recorded': [{ guard: 'isVitalEvent', target: 'civilRegistrationLink' }, { target: 'recordUpdated' }],
      },
    },
    recordUpdated: {
      type: 'final',
      meta: { step: '6.8', title: 'Record updated', role: 'refugee-registration-officer', forms: ['RR-06'] },
    },
    civilRegistrationLink: {
      meta: { step: '6.9', title: 'Link the birth or death to the civil register', role: 'refugee-registration-officer', sla: 'same day', forms: ['RR-05'], legal: ['cra-all-persons'] },
      on: {
        'civil-status.checked': [{ guard: 'civilCertificatePresented', target: 'linkedToCivilRegister' }, { target: 'referredToCivilRegistrar' }],
      },
    },
    linkedToCivilRegister: {
      type: 'final',
      meta: { step: '6.9', title: 'Updated and linked to the civil register', role: 'refugee-registration-officer' },
    },
    referredToCivilRegistrar: {
      type: 'final',
      meta: { step: '6.9', title: 'Family referred to the civil registrar', role: 'refugee-registration-officer', forms: ['RR-05'] },
    },
    referredToProtection: {
      type: 'final',
      meta: { step: '6.3', title: 'Registration deferred; urgent protection response', role: 'protection-officer', forms: ['RR-05'] },
    },
  },
});

export const caseFields: CaseField[] = [
  {
    id: 'visitorType',
    label: 'Who is at the desk',
    type: 'select',
    options: [
      { value: 'new-arrival', label: 'New arrival, not yet registered' },
      { value: 'registered', label: 'Already registered, asking for an update' },
    ],
  },
  { id: 'ageYears', label: 'Age of the person (years)', type: 'number', help: 'Under 18 is a child.' },
  {
    id: 'travellingWith',
    label: 'Travelling with',
    type: 'select',
    options: [
      { value: 'parent-or-caregiver', label: 'A parent or usual caregiver' },
      { value: 'other-relative', label: 'Another relative (separated child)' },
      { value: 'alone', label: 'No adult relative (unaccompanied child)' },
    ],
  },
  { id: 'hasSpecificNeeds', label: 'Specific needs identified at screening', type: 'boolean' },
  { id: 'allMembersPresent', label: 'All household members present in person', type: 'boolean' },
  {
    id: 'documentStatus',
    label: 'Identity documents',
    type: 'select',
    options: [
      { value: 'none', label: 'None shown' },
      { value: 'genuine', label: 'Shown, no doubt' },
      { value: 'doubtful', label: 'Shown, doubtful' },
    ],
    help: 'Having no documents never stops registration.',
  },
  { id: 'biometricMatch', label: 'Biometrics match an existing record', type: 'boolean' },
  {
    id: 'updateType',
    label: 'Update asked for (registered visitors)',
    type: 'select',
    options: [
      { value: 'household-change', label: 'Change in household composition' },
      { value: 'birth', label: 'Birth of a child' },
      { value: 'death', label: 'Death of a member' },
      { value: 'reactivation', label: 'Reactivation of an inactive record' },
    ],
  },
  { id: 'civilCertificatePresented', label: 'National birth or death certificate shown', type: 'boolean' },
];

export const scenarios: Scenario[] = [
  {
    id: 'family-registered',
    title: 'Family registered and documented',
    description:
      'Samuel, 41, arrives with his wife and three children. No specific needs are found, all five come to the interview, they carry no identity documents and their biometrics match nobody. The supervisor approves and certificates are issued.',
    input: { visitorType: 'new-arrival', ageYears: 41, hasSpecificNeeds: false, allMembersPresent: true, documentStatus: 'none', biometricMatch: false },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'approval' },
      { event: { type: 'registration.approved' }, expect: 'documentation' },
      { event: { type: 'documents.issued' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'specific-needs-fast-tracked',
    title: 'Older woman with a disability fast-tracked',
    description:
      'Grace, 72, uses a wheelchair and arrives with her grandson. Screening flags her; the protection officer fast-tracks her to the front of the interview queue. At the first interview her daughter is missing; she comes two days later. The supervisor returns the record once to fix a misspelt name, then approves.',
    input: { visitorType: 'new-arrival', ageYears: 72, hasSpecificNeeds: true, allMembersPresent: false, documentStatus: 'genuine', biometricMatch: false },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'protectionReferral' },
      { event: { type: 'referral.fasttracked' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'pendingAttendance' },
      { event: { type: 'members.presented' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'approval' },
      { event: { type: 'registration.returned' }, expect: 'correction' },
      { event: { type: 'record.corrected' }, expect: 'approval' },
      { event: { type: 'registration.approved' }, expect: 'documentation' },
      { event: { type: 'documents.issued' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'survivor-deferred',
    title: 'Survivor of violence referred before registration',
    description:
      'Nadia, 26, tells the reception officer she was assaulted on the road two days ago and is in pain. The protection officer takes her to the clinic and a safe space; her registration is deferred and will be booked as a priority appointment.',
    input: { visitorType: 'new-arrival', ageYears: 26, hasSpecificNeeds: true },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'protectionReferral' },
      { event: { type: 'referral.deferred' }, expect: 'referredToProtection' },
    ],
    final: 'referredToProtection',
  },
  {
    id: 'unaccompanied-child',
    title: 'Unaccompanied boy registered individually',
    description:
      'Daniel, 14, crossed the border alone. The always-on screening rule sends him straight to the protection officer, who opens a best-interests procedure and places him with a foster family. He is then registered as his own case, with the protection officer present.',
    input: { visitorType: 'new-arrival', ageYears: 14, travellingWith: 'alone', hasSpecificNeeds: true, allMembersPresent: true, biometricMatch: false },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'childProtectionReferral' },
      { event: { type: 'child.interim-care-arranged' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'approval' },
      { event: { type: 'registration.approved' }, expect: 'documentation' },
      { event: { type: 'documents.issued' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'separated-child-reunited',
    title: 'Separated girl reunited with her registered aunt',
    description:
      'Esther, 9, arrives with a neighbour. Family tracing finds her aunt, registered at the site last year and willing to care for her, and the protection officer confirms the relationship and Esther\'s wishes in writing. Esther is still registered as a new person: interviewed with the protection officer present, photographed and fingerprinted, checked for duplicates and approved by the supervisor; only then is she added to her aunt\'s household and her document issued.',
    input: { visitorType: 'new-arrival', ageYears: 9, travellingWith: 'other-relative', hasSpecificNeeds: true, allMembersPresent: true, biometricMatch: false },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'childProtectionReferral' },
      { event: { type: 'child.family-traced' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'approval' },
      { event: { type: 'registration.approved' }, expect: 'documentation' },
      { event: { type: 'documents.issued' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'multiple-registration',
    title: 'Second registration attempt under another name',
    description:
      'A man, 35, gives a new name and says he has just arrived. His fingerprints match a record registered eight months ago in another camp, where he still collects food. The adjudicator finds a deliberate attempt at multiple registration; a second adjudicator, who did not take the first decision, confirms the finding, and the new record is suspended for investigation.',
    input: { visitorType: 'new-arrival', ageYears: 35, allMembersPresent: true, documentStatus: 'none', biometricMatch: true },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'matchReview' },
      { event: { type: 'match.multiple-registration' }, expect: 'secondReview' },
      { event: { type: 'finding.confirmed' }, expect: 'registrationSuspended' },
    ],
    final: 'registrationSuspended',
  },
  {
    id: 'false-match-cleared',
    title: 'Twin sisters: a false match cleared',
    description:
      'Ruth, 19, is registered days after her identical-looking twin. The face and one fingerprint score as a possible match; the adjudicator compares all ten fingerprints and clears it as a false match. The record is approved.',
    input: { visitorType: 'new-arrival', ageYears: 19, travellingWith: 'parent-or-caregiver', allMembersPresent: true, biometricMatch: true },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'matchReview' },
      { event: { type: 'match.false' }, expect: 'approval' },
      { event: { type: 'registration.approved' }, expect: 'documentation' },
      { event: { type: 'documents.issued' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'returning-person-reactivated',
    title: 'Person who left and came back',
    description:
      'Joseph, 50, says he is new. His biometrics match his own record, made inactive after he missed two verification exercises while working in town. The adjudicator finds the same person with no fraud; his record is reactivated instead of a new one being created.',
    input: { visitorType: 'new-arrival', ageYears: 50, allMembersPresent: true, biometricMatch: true },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'matchReview' },
      { event: { type: 'match.same-person' }, expect: 'continuousRegistration' },
      { event: { type: 'update.recorded' }, expect: 'recordUpdated' },
    ],
    final: 'recordUpdated',
  },
  {
    id: 'host-national-refused',
    title: 'Host-country national refused after document check',
    description:
      'A woman, 30, presents a refugee story and a damaged foreign identity card. The officer finds a host-country voter card in the same wallet. The supervisor examines both, confirms with the woman that she is a national of the host country, and refuses registration with written reasons.',
    input: { visitorType: 'new-arrival', ageYears: 30, allMembersPresent: true, documentStatus: 'doubtful' },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'documentExamination' },
      { event: { type: 'registration.refused' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'doubtful-document-cleared',
    title: 'Worn passport cleared, then a record refused at approval',
    description:
      'Peter, 45, shows a passport with a replaced photo page. The supervisor clears the document as genuine but badly repaired, and registration continues. At approval the supervisor learns from the interview notes that Peter is registered as a citizen in the host country\'s identity system, and refuses the record. Peter asks for a review; the head of the authority confirms the citizenship record and upholds the refusal.',
    input: { visitorType: 'new-arrival', ageYears: 45, allMembersPresent: true, documentStatus: 'doubtful', biometricMatch: false },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'documentExamination' },
      { event: { type: 'documents.cleared' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'approval' },
      { event: { type: 'registration.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.upheld' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'refusal-overturned-on-review',
    title: 'A bought voter card: refusal overturned on review',
    description:
      'Halima, 28, is refused registration because she carries a host-country voter card. She asks for a review within the period. The head of the authority hears her with an interpreter: a broker sold the card to her family at the border, the electoral commission confirms the number belongs to another woman, and her account of flight is consistent. The refusal is overturned; her biometrics are captured and the supervisor approves her record.',
    input: { visitorType: 'new-arrival', ageYears: 28, allMembersPresent: true, documentStatus: 'doubtful', biometricMatch: false },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'documentExamination' },
      { event: { type: 'registration.refused' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'approval' },
      { event: { type: 'registration.approved' }, expect: 'documentation' },
      { event: { type: 'documents.issued' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'finding-overturned-twins',
    title: 'A "second registration" that is a twin brother',
    description:
      'Ali, 22, registers; his fingerprints partly match a record at another site. The first adjudicator records multiple registration. The second adjudicator compares all ten fingers and both irises, finds they differ, and sends the case back with written comments; the first adjudicator then records a false match (identical twins) and the record goes to approval.',
    input: { visitorType: 'new-arrival', ageYears: 22, allMembersPresent: true, biometricMatch: true },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'screening' },
      { event: { type: 'screening.completed' }, expect: 'interview' },
      { event: { type: 'interview.completed' }, expect: 'biometrics' },
      { event: { type: 'biometrics.captured' }, expect: 'matchReview' },
      { event: { type: 'match.multiple-registration' }, expect: 'secondReview' },
      { event: { type: 'finding.overturned' }, expect: 'matchReview' },
      { event: { type: 'match.false' }, expect: 'approval' },
      { event: { type: 'registration.approved' }, expect: 'documentation' },
      { event: { type: 'documents.issued' }, expect: 'registered' },
    ],
    final: 'registered',
  },
  {
    id: 'birth-with-certificate',
    title: 'Birth added with a national birth certificate',
    description:
      'Amina, 34, a registered refugee, brings her baby born in the district hospital a month ago and the birth certificate the civil registrar issued. The officer sees the baby, adds her to the household and records the certificate number.',
    input: { visitorType: 'registered', ageYears: 34, updateType: 'birth', civilCertificatePresented: true },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'continuousRegistration' },
      { event: { type: 'update.recorded' }, expect: 'civilRegistrationLink' },
      { event: { type: 'civil-status.checked' }, expect: 'linkedToCivilRegister' },
    ],
    final: 'linkedToCivilRegister',
  },
  {
    id: 'home-birth-referred',
    title: 'Home birth not yet registered nationally',
    description:
      'Fatima, 22, gave birth at home in the settlement ten days ago and has no birth certificate. The officer adds the baby to the household, gives her a referral slip and explains how to declare the birth free of charge at the civil registration office.',
    input: { visitorType: 'registered', ageYears: 22, updateType: 'birth', civilCertificatePresented: false },
    steps: [
      { event: { type: 'visitor.received' }, expect: 'continuousRegistration' },
      { event: { type: 'update.recorded' }, expect: 'civilRegistrationLink' },
      { event: { type: 'civil-status.checked' }, expect: 'referredToCivilRegistrar' },
    ],
    final: 'referredToCivilRegistrar',
  },
];
