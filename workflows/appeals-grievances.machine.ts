// Appeals against decisions and grievances about service (SOP-GEN-01, content/sops/appeals-grievances.mdx).
// One procedure for every SOP of the pack that can refuse or decide against a person: a refusal to
// register, correct, enrol, issue or disclose, or a fee not waived, leads here (the `appeal.lodged`
// path of each procedure's machine), and so does any complaint about how a service was delivered.
//
// Two branches start at intake (6.1): the appeal (6.2 to 6.7) and the grievance (6.8 to 6.12). A
// grievance that in fact challenges a decision crosses over to the appeal branch at triage, because
// it must then be decided by an impartial officer with reasons, not answered as a complaint.
//
// Three time limits end by the passing of time, so they are timers (`after`); their lengths are
// parameters (content/parameters.yaml):
//   appealDecisionTime    the appeal is decided within it, or the Registrar General takes it over
//   grievanceResponseTime a service complaint is answered within it, or it is escalated
//   reviewRequestPeriod   the complainant may ask for a review of the answer within it
// Every state is also reached by events, so the scenarios never have to wait for a timer.
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';
import { paramDays, paramMs, paramText } from '../src/lib/params/runtime.ts';

/** The appeal period in days, from the day the person received the written decision. */
const APPEAL_PERIOD_DAYS = paramDays('appeal-period');

/** What the person brings, as registered at intake. */
type CaseType = 'appeal' | 'grievance';

/** What a grievance is about, as the grievance officer triages it (6.8). */
type GrievanceType = 'service' | 'misconduct' | 'corruption' | 'data-breach';

interface Context {
  /** An appeal against a decision, or a grievance about service, as the person presents it at intake (6.1). */
  caseType: CaseType;
  /** Days from the day the appellant received the written decision to the day the appeal was lodged (6.2). */
  daysSinceDecision: number;
  /** Days allowed to appeal (parameter appeal-period). */
  appealPeriodDays: number;
  /** The appellant gives a reason for the delay that the appeals officer accepts as good cause: illness, displacement, detention, never told of the right to appeal (6.2). */
  goodCauseForDelay: boolean;
  /** The appellant asked to be heard in person (6.5). */
  hearingRequested: boolean;
  /** The decision turns on facts the appellant disputes or on their credibility, so they are heard even if they did not ask (6.5). */
  factsDisputed: boolean;
  /** What the grievance is about (6.8). */
  grievanceType: GrievanceType;
  /** The grievance in fact challenges a decision (a refusal, a fee not waived), so it goes on as an appeal (6.8). */
  challengesDecision: boolean;
  /** The complainant gave no name or contact: the answer is published under the reference number (6.12). */
  anonymous: boolean;
  /** The file under appeal carries the "appeal pending" marker, so nothing is done to it that would defeat the appeal (6.3). */
  appealPending: boolean;
  /** The appeal was admitted although it was lodged after the period, for good cause (recorded on AG-02). */
  admittedLate: boolean;
  /** Times the appeal changed hands: a conflict of interest declared, or the Registrar General reassigning an overdue appeal. */
  reassignments: number;
}

type Events =
  | { type: 'case.registered' }
  | { type: 'appeal.checked' }
  | { type: 'file.received' }
  | { type: 'conflict.declared' }
  | { type: 'review.completed' }
  | { type: 'hearing.held' }
  | { type: 'hearing.missed' }
  | { type: 'decision.upheld' }
  | { type: 'decision.overturned' }
  | { type: 'decision.remitted' }
  | { type: 'appeal.reassigned' }
  | { type: 'decision.implemented' }
  | { type: 'new-decision.notified' }
  | { type: 'grievance.triaged' }
  | { type: 'grievance.resolved' }
  | { type: 'referral.returned' }
  | { type: 'inquiry.concluded' }
  | { type: 'breach.handled' }
  | { type: 'response.sent' }
  | { type: 'complainant.satisfied' }
  | { type: 'complainant.dissatisfied' }
  | { type: 'grievance.reviewed' };

export const machine = setup({
  types: {
    context: {} as Context,
    events: {} as Events,
    input: {} as Partial<Context>,
  },
  delays: {
    appealDecisionTime: paramMs('appeal-decision-time'),
    grievanceResponseTime: paramMs('grievance-response-time'),
    reviewRequestPeriod: paramMs('grievance-review-request-period'),
  },
  guards: {
    isAppeal: ({ context }) => context.caseType === 'appeal',
    withinAppealPeriod: ({ context }) => context.daysSinceDecision <= context.appealPeriodDays,
    // Lateness alone never shuts a person out: the appeals officer weighs the reason (6.2).
    lateWithGoodCause: ({ context }) => context.daysSinceDecision > context.appealPeriodDays && context.goodCauseForDelay,
    hearingNeeded: ({ context }) => context.hearingRequested || context.factsDisputed,
    challengesDecision: ({ context }) => context.challengesDecision,
    // A data breach is contained first, whoever caused it; the data protection officer then involves the integrity officer (6.11).
    isDataBreach: ({ context }) => context.grievanceType === 'data-breach',
    isCorruption: ({ context }) => context.grievanceType === 'corruption',
    isMisconduct: ({ context }) => context.grievanceType === 'misconduct',
    isAnonymous: ({ context }) => context.anonymous,
  },
  actions: {
    markAppealPending: assign({ appealPending: true }),
    clearAppealPending: assign({ appealPending: false }),
    recordLateAdmission: assign({ admittedLate: true }),
    countReassignment: assign({ reassignments: ({ context }) => context.reassignments + 1 }),
    treatAsAppeal: assign({ caseType: 'appeal' as CaseType }),
  },
}).createMachine({
  id: 'appeals-grievances',
  initial: 'intake',
  context: ({ input }) => ({
    caseType: input.caseType ?? 'appeal',
    daysSinceDecision: input.daysSinceDecision ?? 0,
    appealPeriodDays: input.appealPeriodDays ?? APPEAL_PERIOD_DAYS,
    goodCauseForDelay: input.goodCauseForDelay ?? false,
    hearingRequested: input.hearingRequested ?? false,
    factsDisputed: input.factsDisputed ?? false,
    grievanceType: input.grievanceType ?? 'service',
    challengesDecision: input.challengesDecision ?? false,
    anonymous: input.anonymous ?? false,
    appealPending: false,
    admittedLate: false,
    reassignments: 0,
  }),
  states: {
    intake: {
      meta: { step: '6.1', title: 'Receive and register the appeal or grievance', role: 'registration-clerk', sla: 'same day', forms: ['AG-01', 'AG-04'], legal: ['apa-review', 'cra-appeals'] },
      on: {
        'case.registered': [{ guard: 'isAppeal', target: 'admission' }, { target: 'triage' }],
      },
    },

    // --- Appeal against a decision (6.2 to 6.7) ---
    admission: {
      meta: { step: '6.2', title: 'Acknowledge the appeal and decide whether it is admitted', role: 'appeals-officer', sla: paramText('appeal-acknowledgement-time'), forms: ['AG-01', 'AG-02'], legal: ['apa-review', 'cra-appeals', 'nia-appeals', 'refugee-act-review', 'dpa-review'] },
      on: {
        'appeal.checked': [
          { guard: 'withinAppealPeriod', target: 'appealReview' },
          { guard: 'lateWithGoodCause', target: 'appealReview', actions: 'recordLateAdmission' },
          { target: 'notAdmitted' },
        ],
      },
    },
    appealReview: {
      initial: 'fileTransfer',
      meta: { step: '6.4', title: 'Appeal under review', role: 'appeals-officer', sla: `${paramText('appeal-decision-time')} from the acknowledgement`, legal: ['apa-review'] },
      entry: 'markAppealPending',
      // Past the time limit the Registrar General takes the appeal over (6.6); it resumes where it was.
      after: { appealDecisionTime: 'appealOverdue' },
      states: {
        fileTransfer: {
          meta: { step: '6.3', title: 'Obtain the file and mark the record "appeal pending"', role: 'appeals-officer', sla: paramText('appeal-file-transfer-time'), forms: ['AG-02'], legal: ['apa-review'] },
          on: { 'file.received': 'review' },
        },
        review: {
          meta: { step: '6.4', title: 'Review the decision afresh', role: 'appeals-officer', forms: ['AG-02'], legal: ['apa-review', 'iccpr-2-3'] },
          on: {
            'review.completed': [{ guard: 'hearingNeeded', target: 'hearing' }, { target: 'deciding' }],
            // An officer who finds they took part in the decision, or know the appellant, hands the appeal on (6.4).
            'conflict.declared': { target: 'review', reenter: true, actions: 'countReassignment' },
          },
        },
        hearing: {
          meta: { step: '6.5', title: 'Hear the appellant', role: 'appeals-officer', forms: ['AG-03'], legal: ['apa-review', 'crc-12'] },
          on: {
            'hearing.held': 'deciding',
            // A missed hearing is offered once more for a good reason, then the appeal is decided on the file (6.5).
            'hearing.missed': 'deciding',
          },
        },
        deciding: {
          meta: { step: '6.6', title: 'Decide and give written reasons', role: 'appeals-officer', sla: `${paramText('appeal-decision-time')} from the acknowledgement`, forms: ['AG-03'], legal: ['apa-review', 'judicial-review', 'dpa-review', 'refugee-convention-16'] },
          on: {
            'decision.upheld': { target: '#appeals-grievances.decisionUpheld', actions: 'clearAppealPending' },
            'decision.overturned': '#appeals-grievances.implementation',
            'decision.remitted': '#appeals-grievances.newDecision',
          },
        },
        resume: { type: 'history', history: 'deep', target: 'review' },
      },
    },
    appealOverdue: {
      meta: { step: '6.6', title: 'Decision overdue: the Registrar General takes over', role: 'registrar-general', sla: 'next working day', forms: ['AG-02'], legal: ['apa-review'] },
      on: { 'appeal.reassigned': { target: 'appealReview.resume', actions: 'countReassignment' } },
    },
    implementation: {
      meta: { step: '6.7', title: 'The office carries out the new decision', role: 'appeals-officer', sla: paramText('appeal-implementation-time'), forms: ['AG-03'], legal: ['cra-appeals', 'nia-appeals', 'fees-refund'] },
      on: { 'decision.implemented': { target: 'decisionOverturned', actions: 'clearAppealPending' } },
    },
    newDecision: {
      meta: { step: '6.7', title: 'Sent back: another officer takes a new decision', role: 'appeals-officer', sla: paramText('remitted-decision-time'), forms: ['AG-03'], legal: ['apa-review'] },
      on: { 'new-decision.notified': { target: 'newDecisionTaken', actions: 'clearAppealPending' } },
    },
    notAdmitted: { type: 'final', meta: { step: '6.2', title: 'Not admitted: out of time without good cause', role: 'appeals-officer', forms: ['AG-03'], legal: ['apa-review', 'judicial-review'] } },
    decisionUpheld: { type: 'final', meta: { step: '6.7', title: 'Decision upheld; next recourse explained', role: 'appeals-officer', forms: ['AG-03'], legal: ['judicial-review', 'ombudsman'] } },
    decisionOverturned: { type: 'final', meta: { step: '6.7', title: 'Decision overturned and carried out', role: 'appeals-officer', forms: ['AG-03'] } },
    newDecisionTaken: { type: 'final', meta: { step: '6.7', title: 'New decision notified (itself open to appeal)', role: 'appeals-officer', forms: ['AG-03'] } },

    // --- Grievance about service (6.8 to 6.12) ---
    triage: {
      meta: { step: '6.8', title: 'Acknowledge and triage the grievance', role: 'grievance-officer', sla: paramText('grievance-acknowledgement-time'), forms: ['AG-04', 'AG-05'], legal: ['psr-conduct', 'uncac'] },
      on: {
        'grievance.triaged': [
          { guard: 'challengesDecision', target: 'admission', actions: 'treatAsAppeal' },
          { guard: 'isDataBreach', target: 'dataBreach' },
          { guard: 'isCorruption', target: 'integrityReferral' },
          { guard: 'isMisconduct', target: 'integrityReferral' },
          { target: 'serviceResolution' },
        ],
      },
    },
    serviceResolution: {
      meta: { step: '6.9', title: 'Resolve the service complaint with the office', role: 'grievance-officer', sla: paramText('grievance-response-time'), forms: ['AG-04'], legal: ['psr-conduct'] },
      after: { grievanceResponseTime: 'grievanceOverdue' },
      on: { 'grievance.resolved': 'response' },
    },
    grievanceOverdue: {
      meta: { step: '6.9', title: 'Not resolved in time: escalated to the Registrar General', role: 'registrar-general', sla: 'next working day', forms: ['AG-05'], legal: ['psr-conduct'] },
      on: { 'grievance.resolved': 'response' },
    },
    integrityReferral: {
      meta: { step: '6.10', title: 'Integrity officer inquires into misconduct or corruption', role: 'integrity-officer', sla: paramText('integrity-investigation-time'), forms: ['AG-04'], legal: ['anti-corruption', 'psr-conduct', 'uncac'] },
      on: {
        'inquiry.concluded': 'response',
        // Nothing in it calls for an inquiry (an official fee, explained badly): it is a service issue (6.10).
        'referral.returned': 'serviceResolution',
      },
    },
    dataBreach: {
      meta: { step: '6.11', title: 'Data protection officer handles the data breach', role: 'data-protection-officer', sla: `reported within ${paramText('breach-report-time')}`, forms: ['AG-04'], legal: ['dpa-breach'] },
      on: { 'breach.handled': 'response' },
    },
    response: {
      meta: { step: '6.12', title: 'Answer the complainant', role: 'grievance-officer', sla: paramText('grievance-response-time'), forms: ['AG-05'], legal: ['psr-conduct'] },
      on: {
        'response.sent': [{ guard: 'isAnonymous', target: 'grievanceClosed' }, { target: 'responded' }],
      },
    },
    responded: {
      meta: { step: '6.12', title: 'Complainant may ask for a review of the answer', role: 'grievance-officer', sla: paramText('grievance-review-request-period'), forms: ['AG-05'] },
      after: { reviewRequestPeriod: 'grievanceClosed' },
      on: {
        'complainant.satisfied': 'grievanceClosed',
        'complainant.dissatisfied': 'grievanceReview',
      },
    },
    grievanceReview: {
      meta: { step: '6.12', title: 'Registrar General reviews the answer', role: 'registrar-general', sla: paramText('grievance-review-time'), forms: ['AG-05'], legal: ['psr-conduct', 'ombudsman'] },
      on: { 'grievance.reviewed': 'closedAfterReview' },
    },
    grievanceClosed: { type: 'final', meta: { step: '6.12', title: 'Grievance answered and closed', role: 'grievance-officer', forms: ['AG-05'] } },
    closedAfterReview: { type: 'final', meta: { step: '6.12', title: 'Closed after review; outside recourse explained', role: 'registrar-general', forms: ['AG-05'], legal: ['ombudsman'] } },
  },
});

export const labels: Record<string, string> = {
  'case.registered': 'case registered',
  'appeal.checked': 'appeal checked',
  'file.received': 'complete file received',
  'conflict.declared': 'officer declares a conflict of interest',
  'review.completed': 'file reviewed',
  'hearing.held': 'hearing held',
  'hearing.missed': 'appellant does not come',
  'decision.upheld': 'decision upheld',
  'decision.overturned': 'decision overturned',
  'decision.remitted': 'sent back for a new decision',
  'appeal.reassigned': 'appeal reassigned',
  'decision.implemented': 'office has carried it out',
  'new-decision.notified': 'new decision notified',
  'grievance.triaged': 'grievance triaged',
  'grievance.resolved': 'problem put right',
  'referral.returned': 'returned as a service issue',
  'inquiry.concluded': 'inquiry concluded',
  'breach.handled': 'breach contained and notified',
  'response.sent': 'answer sent',
  'complainant.satisfied': 'complainant accepts the answer',
  'complainant.dissatisfied': 'complainant asks for a review',
  'grievance.reviewed': 'review completed',
  isAppeal: 'an appeal against a decision',
  withinAppealPeriod: `lodged within ${paramText('appeal-period')}`,
  lateWithGoodCause: 'late, with good cause',
  hearingNeeded: 'hearing asked for, or facts disputed',
  challengesDecision: 'challenges a decision',
  isDataBreach: 'data breach',
  isCorruption: 'corruption',
  isMisconduct: 'misconduct',
  isAnonymous: 'anonymous',
  appealDecisionTime: `${paramText('appeal-decision-time')} without a decision`,
  grievanceResponseTime: `${paramText('grievance-response-time')} without an answer`,
  reviewRequestPeriod: `${paramText('grievance-review-request-period')} without a request`,
};

export const caseFields: CaseField[] = [
  {
    id: 'caseType',
    label: 'What the person brings',
    type: 'select',
    options: [
      { value: 'appeal', label: 'An appeal against a decision' },
      { value: 'grievance', label: 'A grievance about service' },
    ],
  },
  { id: 'daysSinceDecision', label: 'Days from receiving the decision to lodging the appeal', type: 'number', help: `The appeal period in force is ${paramText('appeal-period')}.` },
  { id: 'goodCauseForDelay', label: 'Good cause for a late appeal', type: 'boolean', help: 'Illness, childbirth, displacement, detention, or never told of the right to appeal.' },
  { id: 'hearingRequested', label: 'Appellant asks to be heard', type: 'boolean' },
  { id: 'factsDisputed', label: 'Facts or credibility disputed', type: 'boolean', help: 'The appellant is then heard even if they did not ask.' },
  {
    id: 'grievanceType',
    label: 'What the grievance is about',
    type: 'select',
    options: [
      { value: 'service', label: 'Service: delay, lost file, wrong information, discourtesy' },
      { value: 'misconduct', label: 'Misconduct: discrimination, harassment, threats' },
      { value: 'corruption', label: 'Corruption: a demand for an unofficial payment' },
      { value: 'data-breach', label: 'Data breach or misuse of personal data' },
    ],
  },
  { id: 'challengesDecision', label: 'The grievance challenges a decision', type: 'boolean', help: 'A refusal or a fee not waived: it goes on as an appeal.' },
  { id: 'anonymous', label: 'Anonymous complaint', type: 'boolean' },
];

export const scenarios: Scenario[] = [
  {
    id: 'late-birth-refusal-overturned',
    title: 'Late birth refused on a "new-looking" clinic card',
    description:
      'Grace, 24, declared her daughter\u2019s birth after the legal period. The supervisor refused the late registration because the clinic card "looked new". Grace appeals at the district office within the appeal period and asks to be heard. The appeals officer hears her and the midwife, confirms the card with the clinic by telephone, and overturns the refusal; the registrar registers the birth.',
    input: { caseType: 'appeal', daysSinceDecision: Math.ceil(APPEAL_PERIOD_DAYS / 2), hearingRequested: true },
    steps: [
      { event: { type: 'case.registered' }, expect: 'admission' },
      { event: { type: 'appeal.checked' }, expect: 'appealReview.fileTransfer' },
      { event: { type: 'file.received' }, expect: 'appealReview.review' },
      { event: { type: 'review.completed' }, expect: 'appealReview.hearing' },
      { event: { type: 'hearing.held' }, expect: 'appealReview.deciding' },
      { event: { type: 'decision.overturned' }, expect: 'implementation' },
      { event: { type: 'decision.implemented' }, expect: 'decisionOverturned' },
    ],
    final: 'decisionOverturned',
  },
  {
    id: 'defaced-card-refusal-upheld',
    title: 'Defaced card: refusal upheld after a missed hearing',
    description:
      'A young man whose replacement card was refused (he could not be verified as the holder of a card whose photograph his child had covered with ink) appeals and asks to be heard. The first appeals officer assigned had supervised the office that refused him, and hands the appeal on. He does not come to the hearing or to the second date offered. On the file, the appeals officer upholds the refusal and explains how to go to [the court].',
    input: { caseType: 'appeal', daysSinceDecision: Math.ceil(APPEAL_PERIOD_DAYS / 3), hearingRequested: true },
    steps: [
      { event: { type: 'case.registered' }, expect: 'admission' },
      { event: { type: 'appeal.checked' }, expect: 'appealReview.fileTransfer' },
      { event: { type: 'file.received' }, expect: 'appealReview.review' },
      { event: { type: 'conflict.declared' }, expect: 'appealReview.review' },
      { event: { type: 'review.completed' }, expect: 'appealReview.hearing' },
      { event: { type: 'hearing.missed' }, expect: 'appealReview.deciding' },
      { event: { type: 'decision.upheld' }, expect: 'decisionUpheld' },
    ],
    final: 'decisionUpheld',
  },
  {
    id: 'enrolment-refusal-sent-back',
    title: 'Enrolment refused: new evidence, sent back for a new decision',
    description:
      'Samuel, 19, was refused enrolment because his introducer had already vouched for too many people. He appeals with his school-leaving certificate and the name of another introducer, evidence the identity office never examined. The facts are not disputed and he does not ask to be heard. The appeals officer sends the case back to the identity office, where a supervisor who took no part in the refusal examines the new evidence and enrols him.',
    input: { caseType: 'appeal', daysSinceDecision: Math.ceil(APPEAL_PERIOD_DAYS / 2) },
    steps: [
      { event: { type: 'case.registered' }, expect: 'admission' },
      { event: { type: 'appeal.checked' }, expect: 'appealReview.fileTransfer' },
      { event: { type: 'file.received' }, expect: 'appealReview.review' },
      { event: { type: 'review.completed' }, expect: 'appealReview.deciding' },
      { event: { type: 'decision.remitted' }, expect: 'newDecision' },
      { event: { type: 'new-decision.notified' }, expect: 'newDecisionTaken' },
    ],
    final: 'newDecisionTaken',
  },
  {
    id: 'flood-late-appeal-overdue',
    title: 'Late appeal after floods; decision overdue',
    description:
      'Ruth, a widow, was refused the late registration of her husband\u2019s death. The floods that displaced her family kept her from appealing until well after the appeal period; she brings a letter from the camp manager, and the appeals officer accepts it as good cause. The facts of the death are disputed, so she is to be heard, but the appeals officer falls ill and the time to decide runs out. The Registrar General reassigns the appeal, which resumes at the hearing; the new officer hears Ruth and a neighbour and overturns the refusal.',
    input: { caseType: 'appeal', daysSinceDecision: APPEAL_PERIOD_DAYS + 45, goodCauseForDelay: true, factsDisputed: true },
    steps: [
      { event: { type: 'case.registered' }, expect: 'admission' },
      { event: { type: 'appeal.checked' }, expect: 'appealReview.fileTransfer' },
      { event: { type: 'file.received' }, expect: 'appealReview.review' },
      { event: { type: 'review.completed' }, expect: 'appealReview.hearing' },
      { event: { type: 'after.appealDecisionTime' }, expect: 'appealOverdue' },
      { event: { type: 'appeal.reassigned' }, expect: 'appealReview.hearing' },
      { event: { type: 'hearing.held' }, expect: 'appealReview.deciding' },
      { event: { type: 'decision.overturned' }, expect: 'implementation' },
      { event: { type: 'decision.implemented' }, expect: 'decisionOverturned' },
    ],
    final: 'decisionOverturned',
  },
  {
    id: 'correction-appeal-out-of-time',
    title: 'Correction appeal long out of time, no reason given',
    description:
      'Peter was refused a change of his date of birth. He lodges an appeal long after the appeal period ended, saying only that he "did not think of it"; the refusal letter had set out the right to appeal and the period. The appeals officer does not admit the appeal, gives written reasons, and explains that he may make a new application with new evidence, or go to [the court].',
    input: { caseType: 'appeal', daysSinceDecision: APPEAL_PERIOD_DAYS + 90, goodCauseForDelay: false },
    steps: [
      { event: { type: 'case.registered' }, expect: 'admission' },
      { event: { type: 'appeal.checked' }, expect: 'notAdmitted' },
    ],
    final: 'notAdmitted',
  },
  {
    id: 'fee-waiver-complaint-becomes-appeal',
    title: 'SMS complaint about a fee waiver becomes an appeal',
    description:
      'Esther, whose village was in a declared flood area, sends an SMS to the complaints line: the clerk refused to waive the replacement fee although she showed the disaster certificate, and she paid. The grievance officer sees that this challenges a decision and, with her agreement, registers it as an appeal. The file shows the ground for waiver was met; the appeals officer overturns the decision on the file and the fee is refunded.',
    input: { caseType: 'grievance', grievanceType: 'service', challengesDecision: true, daysSinceDecision: 3 },
    steps: [
      { event: { type: 'case.registered' }, expect: 'triage' },
      { event: { type: 'grievance.triaged' }, expect: 'admission' },
      { event: { type: 'appeal.checked' }, expect: 'appealReview.fileTransfer' },
      { event: { type: 'file.received' }, expect: 'appealReview.review' },
      { event: { type: 'review.completed' }, expect: 'appealReview.deciding' },
      { event: { type: 'decision.overturned' }, expect: 'implementation' },
      { event: { type: 'decision.implemented' }, expect: 'decisionOverturned' },
    ],
    final: 'decisionOverturned',
  },
  {
    id: 'anonymous-bribe-demand',
    title: 'Anonymous report of a demand for money',
    description:
      'An anonymous SMS says that at a district office a clerk asks for money to hand over birth certificates "today" instead of "next week". The grievance officer gives the sender a reference number and refers the report to the integrity officer the same day. The inquiry finds certificates held back without reason and a pattern of cash payments; the clerk is suspended under the disciplinary procedure. The answer is posted under the reference number.',
    input: { caseType: 'grievance', grievanceType: 'corruption', anonymous: true },
    steps: [
      { event: { type: 'case.registered' }, expect: 'triage' },
      { event: { type: 'grievance.triaged' }, expect: 'integrityReferral' },
      { event: { type: 'inquiry.concluded' }, expect: 'response' },
      { event: { type: 'response.sent' }, expect: 'grievanceClosed' },
    ],
    final: 'grievanceClosed',
  },
  {
    id: 'certificate-delay-escalated',
    title: 'Death certificate delayed: complaint escalated',
    description:
      'Mr Osei has come to the office four times for his mother\u2019s death certificate and is told each time to "come back next week". He complains at the counter. The head of office does not act on it within the time to answer, so the complaint is escalated to the Registrar General, whose office finds the file misplaced in the archive. The certificate is issued, Mr Osei gets a written apology and accepts the answer.',
    input: { caseType: 'grievance', grievanceType: 'service' },
    steps: [
      { event: { type: 'case.registered' }, expect: 'triage' },
      { event: { type: 'grievance.triaged' }, expect: 'serviceResolution' },
      { event: { type: 'after.grievanceResponseTime' }, expect: 'grievanceOverdue' },
      { event: { type: 'grievance.resolved' }, expect: 'response' },
      { event: { type: 'response.sent' }, expect: 'responded' },
      { event: { type: 'complainant.satisfied' }, expect: 'grievanceClosed' },
    ],
    final: 'grievanceClosed',
  },
  {
    id: 'discrimination-at-enrolment-reviewed',
    title: 'Discrimination at enrolment; the complainant asks for a review',
    description:
      'Amina, from a minority community, phones the complaints line: an enrolment officer told her that "people like you do not get cards here" and sent her away. The grievance officer records it as misconduct and refers it to the integrity officer, and makes sure her enrolment goes ahead at another counter. The inquiry confirms the remark; the officer receives a written warning and is retrained. Amina wanted him dismissed and asks for a review; the review confirms the answer and tells her she may go to [the Ombudsman].',
    input: { caseType: 'grievance', grievanceType: 'misconduct' },
    steps: [
      { event: { type: 'case.registered' }, expect: 'triage' },
      { event: { type: 'grievance.triaged' }, expect: 'integrityReferral' },
      { event: { type: 'inquiry.concluded' }, expect: 'response' },
      { event: { type: 'response.sent' }, expect: 'responded' },
      { event: { type: 'complainant.dissatisfied' }, expect: 'grievanceReview' },
      { event: { type: 'grievance.reviewed' }, expect: 'closedAfterReview' },
    ],
    final: 'closedAfterReview',
  },
  {
    id: 'address-given-to-ex-husband',
    title: 'A new address passed to a former husband',
    description:
      'Joyce changed her address in the register after leaving a violent husband. Weeks later he came to her door and said a "friend at the registry" had told him where she lived. She complains at a different office. The grievance officer treats it as a data breach, reports it to the data protection officer at once and refers Joyce to the protection services. The audit trail shows which account looked up her record; the data protection officer contains the breach, notifies [the supervisory authority] and passes the officer\u2019s case to the integrity officer. Joyce accepts the answer.',
    input: { caseType: 'grievance', grievanceType: 'data-breach' },
    steps: [
      { event: { type: 'case.registered' }, expect: 'triage' },
      { event: { type: 'grievance.triaged' }, expect: 'dataBreach' },
      { event: { type: 'breach.handled' }, expect: 'response' },
      { event: { type: 'response.sent' }, expect: 'responded' },
      { event: { type: 'complainant.satisfied' }, expect: 'grievanceClosed' },
    ],
    final: 'grievanceClosed',
  },
  {
    id: 'official-fee-returned-as-service',
    title: '"Bribe" that was the official fee',
    description:
      'A young man reports that a clerk "demanded money" for a replacement card. The integrity officer finds that the clerk asked for the official replacement fee and gave a numbered receipt, but never showed the fee schedule or explained the waiver grounds. The referral is returned as a service issue: the office posts the schedule at the counter and the clerk is coached. The young man gets the answer and does not ask for a review within the time allowed.',
    input: { caseType: 'grievance', grievanceType: 'corruption' },
    steps: [
      { event: { type: 'case.registered' }, expect: 'triage' },
      { event: { type: 'grievance.triaged' }, expect: 'integrityReferral' },
      { event: { type: 'referral.returned' }, expect: 'serviceResolution' },
      { event: { type: 'grievance.resolved' }, expect: 'response' },
      { event: { type: 'response.sent' }, expect: 'responded' },
      { event: { type: 'after.reviewRequestPeriod' }, expect: 'grievanceClosed' },
    ],
    final: 'grievanceClosed',
  },
];
