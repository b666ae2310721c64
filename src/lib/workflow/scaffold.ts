import type { Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';
import { sopsOfWorkflow } from './check.ts';

/**
 * The SOP a new machine describes: the one that declares `workflow: <id>`, else the SOP of the same
 * id that declares no workflow yet (`sopkit new sop x`, then `sopkit new workflow x`).
 */
export function sopOfNewWorkflow(project: Project, id: string): Project['sops'][number] | undefined {
  return sopsOfWorkflow(project.sops, id)[0] ?? project.sops.find((s) => s.id === id && s.data && !s.data.workflow);
}

/**
 * The sections and the role a new machine's states can name: the procedure subsections and the
 * first role of its SOP (`sopOfNewWorkflow`), when there is one (so the scaffold passes `check`
 * against it), else section 1 and the first role of content/roles.yaml.
 */
function anchors(project: Project, id: string): { first: string; second: string; role: string } {
  const sop = sopOfNewWorkflow(project, id);
  const procedure = sop?.sections.find((s) => s.level === 1 && s.title.trim().toLowerCase() === 'procedure');
  const steps = procedure ? sop!.sections.filter((s) => s.level === 2 && s.number.startsWith(`${procedure.number}.`)).map((s) => s.number) : [];
  const first = steps[0] ?? procedure?.number ?? sop?.sections[0]?.number ?? '1';
  const role = sop?.data?.roles[0] ?? project.roles[0]?.id;
  if (!role) throw new SopkitError('new/no-roles', 'content/roles.yaml has no roles; add at least one role before creating a workflow');
  return { first, second: steps[1] ?? first, role };
}

/**
 * A new workflow file (ARCHITECTURE.md, Formats: workflow) that passes `sopkit check`: three states and two outcomes, a
 * named guard, and three scenarios covering the branches, to be replaced by the real procedure.
 * @param id Workflow id (the file name without `.machine.ts`).
 * @param project The loaded project, for section numbers and roles.
 */
export function workflowScaffold(id: string, project: Project): string {
  const { first, second, role } = anchors(project, id);
  const meta = (step: string, title: string) => `{ step: '${step}', title: '${title}', role: '${role}' }`;
  return `// Workflow of the SOP that declares \`workflow: ${id}\`. Every state names the section (meta.step)
// that describes it; see the authoring guide, "Workflows".
import { assign, setup } from 'xstate';
import type { CaseField, Scenario } from '../src/lib/workflow/types.ts';

interface Context {
  /** Every required document was presented. */
  documentsComplete: boolean;
}

type Events =
  | { type: 'application.received' }
  | { type: 'review.completed' }
  | { type: 'documents.resubmitted' }
  | { type: 'application.withdrawn' };

export const machine = setup({
  types: { context: {} as Context, events: {} as Events, input: {} as Partial<Context> },
  guards: {
    documentsComplete: ({ context }) => context.documentsComplete,
  },
  actions: {
    markComplete: assign({ documentsComplete: true }),
  },
}).createMachine({
  id: '${id}',
  initial: 'reception',
  context: ({ input }) => ({ documentsComplete: input.documentsComplete ?? true }),
  states: {
    reception: {
      meta: ${meta(first, 'Receive the application')},
      on: { 'application.received': 'review' },
    },
    review: {
      meta: ${meta(second, 'Review the documents')},
      on: {
        'review.completed': [{ guard: 'documentsComplete', target: 'approved' }, { target: 'returned' }],
      },
    },
    returned: {
      meta: ${meta(second, 'Returned for missing documents')},
      on: {
        'documents.resubmitted': { target: 'review', actions: 'markComplete' },
        'application.withdrawn': 'closed',
      },
    },
    approved: { type: 'final', meta: ${meta(second, 'Approved')} },
    closed: { type: 'final', meta: ${meta(second, 'Closed: withdrawn')} },
  },
});

export const caseFields: CaseField[] = [
  { id: 'documentsComplete', label: 'Documents complete', type: 'boolean' },
];

export const scenarios: Scenario[] = [
  {
    id: 'complete',
    title: 'Complete application',
    description: 'The applicant brings every document; the application is approved.',
    input: { documentsComplete: true },
    steps: [
      { event: { type: 'application.received' }, expect: 'review' },
      { event: { type: 'review.completed' }, expect: 'approved' },
    ],
    final: 'approved',
  },
  {
    id: 'returned-then-approved',
    title: 'Missing document, brought back',
    description: 'A document is missing; the applicant brings it and the application is approved.',
    input: { documentsComplete: false },
    steps: [
      { event: { type: 'application.received' }, expect: 'review' },
      { event: { type: 'review.completed' }, expect: 'returned' },
      { event: { type: 'documents.resubmitted' }, expect: 'review' },
      { event: { type: 'review.completed' }, expect: 'approved' },
    ],
    final: 'approved',
  },
  {
    id: 'withdrawn',
    title: 'Withdrawn',
    description: 'A document is missing and the applicant withdraws.',
    input: { documentsComplete: false },
    steps: [
      { event: { type: 'application.received' }, expect: 'review' },
      { event: { type: 'review.completed' }, expect: 'returned' },
      { event: { type: 'application.withdrawn' }, expect: 'closed' },
    ],
    final: 'closed',
  },
];
`;
}
