// Death registration and medical certification of cause of death (SOP-CR-02).
// Every state names the section of content/sops/death-registration.mdx that describes it.
//
// Timeliness follows the glossary's split, as for births: on time within the legal period, late
// within the grace period (the supervisor decides), delayed after it (the Registrar General
// decides). A refusal of a late case can be appealed: the appeal period is a timer (`after`), the
// appeal itself follows the pack's shared appeal procedure. The integrity unit's finding decides
// where a referred case goes next, and a death whose investigation goes on is registered with
// the cause "pending investigation".
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { addDays, daysBetween } from '../src/lib/dates.ts';
import { paramDays, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** Legal period for registration of a death, in days (content/parameters.yaml). */
const LEGAL_PERIOD_DAYS = paramDays('death-registration-period');
/** End of the grace period: after it a death registration is delayed, in days from the death. */
const GRACE_PERIOD_DAYS = paramDays('death-grace-period');

type PlaceOfDeath = 'facility' | 'home' | 'other';
/** What is known of the circumstances when the death is reported. */
type Circumstances = 'natural' | 'unnatural' | 'unexplained';

interface Context {
  /** Date of death, YYYY-MM-DD. */
  dateOfDeath: string;
  /** Date the informant declares the death, YYYY-MM-DD. */
  declarationDate: string;
  placeOfDeath: PlaceOfDeath;
  /** Natural (illness, old age); unnatural (violence, accident, poisoning, suicide); unexplained (sudden, unexpected). */
  circumstances: Circumstances;
  /** For a death outside a facility: a doctor who treated the deceased can certify the cause. */
  medicalCertifierAvailable: boolean;
  /** The documents required for the declaration are all present and legible. */
  documentsComplete: boolean;
  /** The body has already been buried or cremated when the death is registered. */
  bodyBuried: boolean;
  /** The police or coroner released the body while their investigation goes on: the cause is registered as "pending investigation". */
  causePending: boolean;
  /** The death is entered in the register (a referral after registration comes back to linkage, not to registration). */
  registered: boolean;
  /** Times the case was returned for correction. */
  corrections: number;
}

type Events =
  | { type: 'facility.notified' }
  | { type: 'community.notified' }
  | { type: 'certificate.completed' }
  | { type: 'lay.reported' }
  | { type: 'death.referred' }
  | { type: 'inquiry.cleared' }
  | { type: 'cause.pending' }
  | { type: 'declaration.submitted' }
  | { type: 'declaration.checked' }
  | { type: 'documents.resubmitted'; dateOfDeath?: string }
  | { type: 'correction.expired' }
  | { type: 'supervisor.approved' }
  | { type: 'supervisor.returned' }
  | { type: 'supervisor.rejected' }
  | { type: 'supervisor.referred' }
  | { type: 'delayed.approved' }
  | { type: 'delayed.returned' }
  | { type: 'delayed.rejected' }
  | { type: 'delayed.referred' }
  | { type: 'appeal.lodged' }
  | { type: 'refusal.upheld' }
  | { type: 'refusal.overturned' }
  | { type: 'integrity.cleared' }
  | { type: 'integrity.identity-misused' }
  | { type: 'integrity.false-death' }
  | { type: 'record.registered' }
  | { type: 'permit.issued' }
  | { type: 'records.linked' }
  | { type: 'records.mismatch' }
  | { type: 'mismatch.resolved' }
  | { type: 'mismatch.suspicious' }
  | { type: 'certificate.issued' };

/** Whole days from the death to the declaration; NaN when either date is missing or invalid. */
function daysSinceDeath(context: Context): number {
  return daysBetween(context.dateOfDeath, context.declarationDate);
}

function datesInvalid(context: Context): boolean {
  const days = daysSinceDeath(context);
  return Number.isNaN(days) || days < 0;
}

const isFacility = (context: Context): boolean => context.placeOfDeath === 'facility';
const needsInquiry = (context: Context): boolean => context.circumstances !== 'natural';

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
    facilityDeathNeedsInquiry: ({ context }) => isFacility(context) && needsInquiry(context),
    isFacilityDeath: ({ context }) => isFacility(context),
    communityDeathNeedsInquiry: ({ context }) => !isFacility(context) && needsInquiry(context),
    communityDeathWithCertifier: ({ context }) => !isFacility(context) && context.medicalCertifierAvailable,
    communityDeathWithoutCertifier: ({ context }) => !isFacility(context),
    needsCorrection: ({ context }) => !context.documentsComplete || datesInvalid(context),
    isDelayed: ({ context }) => daysSinceDeath(context) > GRACE_PERIOD_DAYS,
    isLate: ({ context }) => daysSinceDeath(context) > LEGAL_PERIOD_DAYS,
    burialPending: ({ context }) => !context.bodyBuried,
    isRegistered: ({ context }) => context.registered,
  },
  actions: {
    applyCorrection: assign(({ context, event }) => {
      if (event.type !== 'documents.resubmitted') return {};
      return {
        corrections: context.corrections + 1,
        documentsComplete: true,
        dateOfDeath: event.dateOfDeath ?? context.dateOfDeath,
      };
    }),
    markIncomplete: assign({ documentsComplete: false }),
    markCausePending: assign({ causePending: true }),
    markRegistered: assign({ registered: true }),
    markUnexplained: assign(({ context }) => (context.circumstances === 'natural' ? { circumstances: 'unexplained' as const } : {})),
  },
}).createMachine({
  id: 'death-registration',
  initial: 'notification',
  context: ({ input }) => ({
    dateOfDeath: input.dateOfDeath ?? '',
    declarationDate: input.declarationDate ?? '',
    placeOfDeath: input.placeOfDeath ?? 'facility',
    circumstances: input.circumstances ?? 'natural',
    medicalCertifierAvailable: input.medicalCertifierAvailable ?? false,
    documentsComplete: input.documentsComplete ?? true,
    bodyBuried: input.bodyBuried ?? false,
    causePending: input.causePending ?? false,
    registered: false,
    corrections: 0,
  }),
  states: {
    notification: {
      meta: { step: '6.1', title: 'Notify the death', role: 'health-notifier', sla: `within ${paramText('death-notification-period')}`, forms: ['DR-01'], legal: ['cra-duty'] },
      on: {
        'facility.notified': [
          { guard: 'facilityDeathNeedsInquiry', target: 'medicoLegalReferral' },
          { guard: 'isFacilityDeath', target: 'certification' },
        ],
        'community.notified': [
          { guard: 'communityDeathNeedsInquiry', target: 'medicoLegalReferral' },
          { guard: 'communityDeathWithCertifier', target: 'certification' },
          { guard: 'communityDeathWithoutCertifier', target: 'layReporting' },
        ],
        'declaration.submitted': 'reception',
      },
    },
    certification: {
      meta: { step: '6.2', title: 'Certify the cause of death', role: 'medical-certifier', sla: `within ${paramText('death-certification-time')} of the death`, forms: ['DR-02'], legal: ['pha-certification'] },
      on: {
        'certificate.completed': 'awaitingDeclaration',
        'death.referred': { target: 'medicoLegalReferral', actions: 'markUnexplained' },
      },
    },
    layReporting: {
      meta: { step: '6.3', title: 'Lay report of cause; verbal autopsy referral', role: 'community-notifier', sla: `within ${paramText('death-community-notification-period')}`, forms: ['DR-01', 'DR-03'] },
      on: {
        'lay.reported': 'awaitingDeclaration',
        'death.referred': { target: 'medicoLegalReferral', actions: 'markUnexplained' },
      },
    },
    medicoLegalReferral: {
      meta: { step: '6.4', title: 'Police or coroner inquiry', role: 'registrar', sla: 'as the [coroner or police] requires', forms: ['DR-02'], legal: ['coroners'] },
      on: {
        'inquiry.cleared': 'awaitingDeclaration',
        // The body is released but the investigation goes on: registration does not wait for it.
        'cause.pending': { target: 'awaitingDeclaration', actions: 'markCausePending' },
      },
    },
    awaitingDeclaration: {
      meta: { step: '6.5', title: 'Informant comes to declare', role: 'informant', sla: `${paramText('death-registration-period')} from the death`, forms: ['DR-04'], legal: ['cra-duty', 'cra-periods'] },
      on: { 'declaration.submitted': 'reception' },
    },
    reception: {
      meta: { step: '6.5', title: 'Receive and check the declaration', role: 'registration-clerk', sla: 'same day', forms: ['DR-04'] },
      on: {
        'declaration.checked': [
          { guard: 'needsCorrection', target: 'returnedForCorrection' },
          { guard: 'isDelayed', target: 'registrarGeneralReview' },
          { guard: 'isLate', target: 'supervisorReview' },
          { target: 'registration' },
        ],
      },
    },
    returnedForCorrection: {
      meta: { step: '6.5', title: 'Returned for correction', role: 'informant', sla: paramText('resubmission-period'), forms: ['DR-04'] },
      on: {
        'documents.resubmitted': { target: 'reception', actions: 'applyCorrection' },
        'correction.expired': 'closed',
      },
    },
    supervisorReview: {
      meta: { step: '6.6', title: 'Supervisor decides the late case', role: 'registration-supervisor', sla: paramText('death-late-decision-time'), forms: ['DR-04'], legal: ['cra-periods'] },
      on: {
        'supervisor.approved': 'registration',
        'supervisor.returned': { target: 'returnedForCorrection', actions: 'markIncomplete' },
        'supervisor.rejected': 'refusalNotified',
        'supervisor.referred': 'integrityReview',
      },
    },
    refusalNotified: {
      meta: { step: '6.6', title: 'Refusal notified; appeal period running', role: 'informant', sla: paramText('appeal-period'), forms: ['DR-04'], legal: ['cra-periods'] },
      after: { appealPeriod: 'rejected' },
      on: { 'appeal.lodged': 'appealReview' },
    },
    appealReview: {
      meta: { step: '6.6', title: 'Registrar General decides the appeal', role: 'registrar-general', sla: paramText('appeal-decision-time'), forms: ['DR-04'], legal: ['cra-periods'] },
      on: {
        'refusal.upheld': 'rejected',
        'refusal.overturned': 'registration',
      },
    },
    registrarGeneralReview: {
      meta: { step: '6.6', title: 'Registrar General decides the delayed case', role: 'registrar-general', sla: paramText('death-delayed-decision-time'), forms: ['DR-04'], legal: ['cra-periods'] },
      on: {
        'delayed.approved': 'registration',
        'delayed.returned': { target: 'returnedForCorrection', actions: 'markIncomplete' },
        'delayed.rejected': 'delayedRejected',
        'delayed.referred': 'integrityReview',
      },
    },
    registration: {
      meta: { step: '6.7', title: 'Register the death', role: 'registrar', sla: 'same day', forms: ['DR-04'], legal: ['cra-duty'] },
      on: {
        'record.registered': [
          { guard: 'burialPending', target: 'burialPermit', actions: 'markRegistered' },
          { target: 'recordLinkage', actions: 'markRegistered' },
        ],
      },
    },
    burialPermit: {
      meta: { step: '6.7', title: 'Issue the burial permit', role: 'registrar', sla: 'same day', forms: ['DR-05'], legal: ['cra-burial'] },
      on: { 'permit.issued': 'recordLinkage' },
    },
    recordLinkage: {
      meta: { step: '6.8', title: 'Link to birth and identity records', role: 'registrar', sla: paramText('death-linkage-time'), legal: ['nia-death'] },
      on: {
        'records.linked': 'certificateIssue',
        'records.mismatch': 'linkageReview',
      },
    },
    linkageReview: {
      meta: { step: '6.8', title: 'Resolve a linkage mismatch', role: 'data-quality-officer', sla: paramText('death-linkage-review-time') },
      on: {
        'mismatch.resolved': 'certificateIssue',
        'mismatch.suspicious': 'integrityReview',
      },
    },
    integrityReview: {
      meta: { step: '6.10', title: 'Integrity unit investigates; certificate withheld', role: 'integrity-officer', sla: paramText('integrity-investigation-time'), legal: ['cra-offences'] },
      on: {
        // Unfounded: the file goes back to the registrar to complete.
        'integrity.cleared': [{ guard: 'isRegistered', target: 'recordLinkage' }, { target: 'registration' }],
        // The death is real but someone used the dead person's identity: the record is marked
        // deceased, the misuse reported, and the death registered and certified.
        'integrity.identity-misused': [{ guard: 'isRegistered', target: 'certificateIssue' }, { target: 'registration' }],
        'integrity.false-death': 'falseDeath',
      },
    },
    certificateIssue: {
      meta: { step: '6.9', title: 'Issue the death certificate', role: 'issuance-officer', sla: 'same day', forms: ['DR-06'] },
      on: { 'certificate.issued': 'certificateIssued' },
    },
    certificateIssued: { type: 'final', meta: { step: '6.9', title: 'Registered, certificate issued', role: 'issuance-officer', forms: ['DR-06'] } },
    rejected: { type: 'final', meta: { step: '6.6', title: 'Refusal final: no appeal, or refusal upheld', role: 'registration-supervisor', forms: ['DR-04'], legal: ['cra-periods'] } },
    delayedRejected: { type: 'final', meta: { step: '6.6', title: 'Delayed registration refused with reasons', role: 'registrar-general', forms: ['DR-04'], legal: ['cra-periods'] } },
    closed: { type: 'final', meta: { step: '6.5', title: 'File closed: not resubmitted', role: 'registration-clerk' } },
    falseDeath: { type: 'final', meta: { step: '6.10', title: 'Death found false: not registered, or entry cancelled; police informed', role: 'integrity-officer', legal: ['cra-offences'] } },
  },
});

export const caseFields: CaseField[] = [
  { id: 'dateOfDeath', label: 'Date of death', type: 'date', help: 'YYYY-MM-DD, from the medical certificate or as declared.' },
  { id: 'declarationDate', label: 'Date of declaration', type: 'date', help: `More than ${paramText('death-registration-period')} after the death: late, the supervisor decides; more than ${paramText('death-grace-period')}: delayed, the Registrar General decides.` },
  {
    id: 'placeOfDeath',
    label: 'Place of death',
    type: 'select',
    options: [
      { value: 'facility', label: 'Health facility' },
      { value: 'home', label: 'Home' },
      { value: 'other', label: 'Elsewhere (road, workplace, field)' },
    ],
    help: 'Facility deaths are certified by the facility; others go through the community notifier.',
  },
  {
    id: 'circumstances',
    label: 'Circumstances',
    type: 'select',
    options: [
      { value: 'natural', label: 'Natural (illness, old age)' },
      { value: 'unnatural', label: 'Unnatural (violence, accident, poisoning, suicide)' },
      { value: 'unexplained', label: 'Sudden or unexplained' },
    ],
    help: 'Unnatural and unexplained deaths go to the police or coroner before certification.',
  },
  { id: 'medicalCertifierAvailable', label: 'Doctor can certify (death outside a facility)', type: 'boolean', help: 'A doctor who treated the deceased for the fatal illness can complete the medical certificate.' },
  { id: 'documentsComplete', label: 'Documents complete', type: 'boolean' },
  { id: 'bodyBuried', label: 'Body already buried', type: 'boolean', help: 'If not, the registrar issues the burial permit on registration.' },
];

/** A declaration date on time: a number of days after the death, never past the legal period. */
function onTime(dateOfDeath: string, days: number): string {
  return addDays(dateOfDeath, Math.min(days, LEGAL_PERIOD_DAYS));
}

/** A declaration date that is late: a number of days after the death, past the legal period and within the grace period. */
function late(dateOfDeath: string, days: number): string {
  return addDays(dateOfDeath, Math.min(Math.max(days, LEGAL_PERIOD_DAYS + 1), GRACE_PERIOD_DAYS));
}

/** A declaration date that is delayed: a number of days after the death, and always past the grace period. */
function delayed(dateOfDeath: string, days: number): string {
  return addDays(dateOfDeath, Math.max(days, GRACE_PERIOD_DAYS + 30));
}

export const scenarios: Scenario[] = [
  {
    id: 'hospital-natural',
    title: 'Death in hospital, declared the next day',
    description:
      'Samuel, 71, dies of heart failure on the medical ward. The doctor who treated him completes the medical certificate; his daughter declares the death the next morning, receives the burial permit and, after the record is linked to his identity record, the death certificate.',
    input: { dateOfDeath: '2025-04-03', declarationDate: onTime('2025-04-03', 1), placeOfDeath: 'facility', circumstances: 'natural' },
    assumes: [
      'death-registration-period >= 1 day: declared the next day, on time',
    ],
    steps: [
      { event: { type: 'facility.notified' }, expect: 'certification' },
      { event: { type: 'certificate.completed' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'home-lay-report',
    title: 'Death at home, no doctor',
    description:
      'Mariam, 64, dies at home after a long illness; no doctor saw her. The community notifier records what the family describes and refers the death for verbal autopsy. She is buried the next day; her son declares the death ten days later. Her identity record shows a different year of birth: the data-quality officer finds a typing error in the old identity record and the link is made.',
    input: { dateOfDeath: '2025-05-10', declarationDate: onTime('2025-05-10', 10), placeOfDeath: 'home', circumstances: 'natural', bodyBuried: true },
    assumes: [
      'death-registration-period >= 10 days: declared ten days later, on time',
    ],
    steps: [
      { event: { type: 'community.notified' }, expect: 'layReporting' },
      { event: { type: 'lay.reported' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'recordLinkage' },
      { event: { type: 'records.mismatch' }, expect: 'linkageReview' },
      { event: { type: 'mismatch.resolved' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'road-accident',
    title: 'Road accident: coroner first',
    description:
      'Peter, 35, dies at the roadside after a collision. The police are called; the coroner orders a post-mortem and the police surgeon completes the medical certificate. The family declares the death two days later and receives the burial permit.',
    input: { dateOfDeath: '2025-06-01', declarationDate: onTime('2025-06-01', 2), placeOfDeath: 'other', circumstances: 'unnatural' },
    assumes: [
      'death-registration-period >= 2 days: declared two days later, on time',
    ],
    steps: [
      { event: { type: 'community.notified' }, expect: 'medicoLegalReferral' },
      { event: { type: 'inquiry.cleared' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'certifier-sees-injuries',
    title: 'Doctor notices injuries; date corrected',
    description:
      'An elderly man, 80, is brought to hospital dead; his family says he died in his sleep. The doctor sees bruises on his neck, does not certify, and reports to the police. After the inquiry the family declares the death, but the declaration shows the date he was brought in, not the date of death on the coroner\'s certificate; it is corrected and the death registered.',
    input: { dateOfDeath: '2025-08-12', declarationDate: onTime('2025-08-12', 8), placeOfDeath: 'facility', circumstances: 'natural', documentsComplete: false },
    steps: [
      { event: { type: 'facility.notified' }, expect: 'certification' },
      { event: { type: 'death.referred' }, expect: 'medicoLegalReferral' },
      { event: { type: 'inquiry.cleared' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'returnedForCorrection' },
      { event: { type: 'documents.resubmitted', dateOfDeath: '2025-08-11' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'home-with-treating-doctor',
    title: 'Death at home, doctor certifies',
    description:
      'Ruth, 58, receiving palliative care for cancer, dies at home. The community notifier reports the death; the district doctor who treated her completes the medical certificate. The family declares the death the same week.',
    input: { dateOfDeath: '2025-09-02', declarationDate: onTime('2025-09-02', 2), placeOfDeath: 'home', circumstances: 'natural', medicalCertifierAvailable: true },
    steps: [
      { event: { type: 'community.notified' }, expect: 'certification' },
      { event: { type: 'certificate.completed' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'unexplained-infant-death',
    title: 'Sudden death of a baby at home',
    description:
      'A 4-month-old baby is found dead in the morning. The family reports it to the community notifier, who starts the lay report but learns that the baby had a head wound; the notifier stops and reports to the police. After the inquiry, the parents declare the death.',
    input: { dateOfDeath: '2025-03-15', declarationDate: onTime('2025-03-15', 10), placeOfDeath: 'home', circumstances: 'natural', bodyBuried: false },
    steps: [
      { event: { type: 'community.notified' }, expect: 'layReporting' },
      { event: { type: 'death.referred' }, expect: 'medicoLegalReferral' },
      { event: { type: 'inquiry.cleared' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'late-inheritance-approved',
    title: 'Declared after 8 months for inheritance',
    description:
      'David, 45, died at home 8 months ago and was buried in his village. His widow, Agnes, needs a death certificate to transfer the land title. She brings the chief\'s letter and the lay report the community notifier made at the time. The supervisor approves the late registration.',
    input: { dateOfDeath: '2024-10-05', declarationDate: late('2024-10-05', 248), placeOfDeath: 'home', circumstances: 'natural', bodyBuried: true },
    assumes: [
      'death-registration-period < 248 days: died 8 months ago, late',
      'death-grace-period >= 248 days: died 8 months ago, not yet delayed',
    ],
    steps: [
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.approved' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'delayed-pension-referred',
    title: 'Declared two years after the death, pension at stake',
    description:
      'A man declares that his father died two years ago "in the village": past the grace period, a delayed registration that the Registrar General decides. There is no notification, no lay report and no grave the son can show, and the pension office says the father\'s pension was collected in person last month. The Registrar General refers the file to the integrity unit. The integrity officer finds the grave and the burial entry in the parish book, and a nephew who has been collecting the pension with the dead man\'s card: the death is real and the identity was misused. The death is registered and linked, the identity record marked deceased, the pension stopped and the misuse reported to the police.',
    input: { dateOfDeath: '2023-05-01', declarationDate: delayed('2023-05-01', 736), placeOfDeath: 'home', circumstances: 'natural', bodyBuried: true },
    assumes: [
      'death-grace-period < 736 days: died two years ago, delayed',
    ],
    steps: [
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registrarGeneralReview' },
      { event: { type: 'delayed.referred' }, expect: 'integrityReview' },
      { event: { type: 'integrity.identity-misused' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'delayed-land-title-approved',
    title: 'Declared three years late for a land title',
    description:
      'Agnes needs her husband\'s death certificate to transfer their land, three years after he died at home. It is a delayed registration. The registrar verifies the burial entry with the parish and the chief\'s letter, and checks that the identity register shows no activity since the death. The Registrar General approves.',
    input: { dateOfDeath: '2022-03-10', declarationDate: delayed('2022-03-10', 1100), placeOfDeath: 'home', circumstances: 'natural', bodyBuried: true },
    assumes: [
      'death-grace-period < 1100 days: died three years ago, delayed',
    ],
    steps: [
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registrarGeneralReview' },
      { event: { type: 'delayed.approved' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'late-false-death',
    title: 'A husband declared dead who is alive',
    description:
      'A woman declares that her husband died at home four months ago and was buried in his village; she needs the certificate to sell their house. There is no notification and no burial record. The supervisor finds his identity card used at a bank two weeks ago and refers the file. The integrity officer finds him alive and working in the capital: the death is false. Nothing is registered and the case goes to the police.',
    input: { dateOfDeath: '2025-03-01', declarationDate: late('2025-03-01', 120), placeOfDeath: 'home', circumstances: 'natural', bodyBuried: true },
    assumes: [
      'death-registration-period < 120 days: died four months ago, late',
      'death-grace-period >= 120 days: died four months ago, not yet delayed',
    ],
    steps: [
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.referred' }, expect: 'integrityReview' },
      { event: { type: 'integrity.false-death' }, expect: 'falseDeath' },
    ],
    final: 'falseDeath',
  },
  {
    id: 'late-refusal-overturned-on-appeal',
    title: 'Late case refused, overturned on appeal',
    description:
      'A son declares his mother\'s death six months late. The supervisor finds a record of a woman of the same name still drawing a pension and refuses. He appeals within the period with the hospital\'s death register and the pension office\'s reply that the pensioner is a namesake in another district. The Registrar General overturns the refusal and the death is registered.',
    input: { dateOfDeath: '2025-01-20', declarationDate: late('2025-01-20', 180), placeOfDeath: 'facility', circumstances: 'natural', bodyBuried: true },
    assumes: [
      'death-registration-period < 180 days: declared six months late, late',
      'death-grace-period >= 180 days: declared six months late, not yet delayed',
    ],
    steps: [
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.rejected' }, expect: 'refusalNotified' },
      { event: { type: 'appeal.lodged' }, expect: 'appealReview' },
      { event: { type: 'refusal.overturned' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'late-returned-then-refused',
    title: 'Late case returned, then refused',
    description:
      'A woman declares the death of her brother 5 months ago in another district. The supervisor asks for the burial record from the cemetery; she returns with a letter from a relative instead, and the district where he died has no record of the death. The supervisor refuses and explains the right of appeal.',
    input: { dateOfDeath: '2025-01-10', declarationDate: late('2025-01-10', 153), placeOfDeath: 'other', circumstances: 'natural', bodyBuried: true },
    assumes: [
      'death-registration-period < 153 days: died 5 months ago, late',
      'death-grace-period >= 153 days: died 5 months ago, not yet delayed',
    ],
    steps: [
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.returned' }, expect: 'returnedForCorrection' },
      { event: { type: 'documents.resubmitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'supervisorReview' },
      { event: { type: 'supervisor.rejected' }, expect: 'refusalNotified' },
      { event: { type: 'after.appealPeriod' }, expect: 'rejected' },
    ],
    final: 'rejected',
  },
  {
    id: 'missing-certificate-closed',
    title: 'Declaration never completed',
    description:
      `A nephew declares a hospital death but has no copy of the medical certificate and does not know the deceased's identity number. The clerk returns the file with a list; nobody comes back within ${paramText('resubmission-period')} and the file is closed. The hospital notification stays on the follow-up list.`,
    input: { dateOfDeath: '2025-02-02', declarationDate: onTime('2025-02-02', 3), placeOfDeath: 'facility', circumstances: 'natural', documentsComplete: false },
    steps: [
      { event: { type: 'facility.notified' }, expect: 'certification' },
      { event: { type: 'certificate.completed' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'returnedForCorrection' },
      { event: { type: 'correction.expired' }, expect: 'closed' },
    ],
    final: 'closed',
  },
  {
    id: 'identity-used-after-death',
    title: 'Identity used after the death',
    description:
      'A death in hospital is registered normally. When the registrar links it to the identity register, the record shows that a replacement identity card was issued in the deceased\'s name three weeks after the date of death. The data-quality officer confirms it is the same person and refers the case: the certificate is held and the identity record flagged. The integrity officer finds that an impostor obtained the card: it is revoked, the misuse reported, the record marked deceased, and the family receives the certificate.',
    input: { dateOfDeath: '2025-07-07', declarationDate: onTime('2025-07-07', 1), placeOfDeath: 'facility', circumstances: 'natural' },
    steps: [
      { event: { type: 'facility.notified' }, expect: 'certification' },
      { event: { type: 'certificate.completed' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.mismatch' }, expect: 'linkageReview' },
      { event: { type: 'mismatch.suspicious' }, expect: 'integrityReview' },
      { event: { type: 'integrity.identity-misused' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'linkage-suspicion-cleared',
    title: 'A card "after the death" that was a typing error',
    description:
      'A death in hospital is registered. At linkage, the identity record shows a card collected a month after the date of death, and the data-quality officer refers the case. The integrity officer finds the collection register signed by the man himself, a year before he died: the date was keyed wrongly. The suspicion is unfounded; the registrar completes the link and the certificate is issued.',
    input: { dateOfDeath: '2025-06-02', declarationDate: onTime('2025-06-02', 2), placeOfDeath: 'facility', circumstances: 'natural' },
    steps: [
      { event: { type: 'facility.notified' }, expect: 'certification' },
      { event: { type: 'certificate.completed' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.mismatch' }, expect: 'linkageReview' },
      { event: { type: 'mismatch.suspicious' }, expect: 'integrityReview' },
      { event: { type: 'integrity.cleared' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'hospital-death-after-assault',
    title: 'Hospital death after an assault',
    description:
      'A young man, 24, is admitted with stab wounds and dies two days later. The ward doctor does not certify the cause: the hospital reports the death to the police, and the coroner orders a post-mortem. After the inquiry the police surgeon completes the medical certificate and his mother declares the death.',
    input: { dateOfDeath: '2025-10-10', declarationDate: onTime('2025-10-10', 4), placeOfDeath: 'facility', circumstances: 'unnatural' },
    steps: [
      { event: { type: 'facility.notified' }, expect: 'medicoLegalReferral' },
      { event: { type: 'inquiry.cleared' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
  {
    id: 'assault-cause-pending',
    title: 'Death in a fight: cause pending investigation',
    description:
      'Moses, 31, dies in a bar fight. The police take the body for a post-mortem; the police surgeon certifies the fact of death and writes the cause as "pending investigation", and the body is released while the criminal investigation goes on. His brother declares the death the next week: it is registered with the cause pending, the burial permit is issued, and the cause will be completed through the correction procedure when the investigation ends.',
    input: { dateOfDeath: '2025-11-08', declarationDate: onTime('2025-11-08', 6), placeOfDeath: 'other', circumstances: 'unnatural' },
    steps: [
      { event: { type: 'community.notified' }, expect: 'medicoLegalReferral' },
      { event: { type: 'cause.pending' }, expect: 'awaitingDeclaration' },
      { event: { type: 'declaration.submitted' }, expect: 'reception' },
      { event: { type: 'declaration.checked' }, expect: 'registration' },
      { event: { type: 'record.registered' }, expect: 'burialPermit' },
      { event: { type: 'permit.issued' }, expect: 'recordLinkage' },
      { event: { type: 'records.linked' }, expect: 'certificateIssue' },
      { event: { type: 'certificate.issued' }, expect: 'certificateIssued' },
    ],
    final: 'certificateIssued',
  },
];
