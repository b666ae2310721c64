import { standardSections } from '../check/sop-rules.ts';

/** What the SOP scaffold needs to know. */
export interface SopScaffoldOptions {
  id: string;
  /** A role id that exists in content/roles.yaml, so the scaffold passes `check`. */
  role: string;
  /** Today's date, YYYY-MM-DD. */
  today: string;
}

function addYear(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) + 1}-${m}-${d}`;
}

const guidance: Record<(typeof standardSections)[number], string> = {
  Purpose: 'Say in two or three sentences what this procedure achieves and for whom.',
  Scope: 'Say which cases, offices and people the procedure covers, and which it does not.',
  'Legal basis': 'The instruments are listed from the frontmatter. Explain here how they apply; use placeholders in brackets for anything the country must supply.\n\n<LegalBasis />',
  'Roles and responsibilities': '<Roles />',
  Definitions: 'Link each term to the glossary with `<Term id="...">`.',
  Procedure: '### First step\n\n<Step role="{role}" input="What the officer receives" output="What the step produces" time="[time limit]" legal="main-act" />\n\nDescribe the step.',
  'Records and retention': 'List the records this procedure creates, where they are kept and for how long.',
  'Data protection': '<Callout type="data-protection">\nState the lawful basis, who may see the data, and how it is secured.\n</Callout>',
  'Fraud risks and controls': '<Callout type="fraud-risk">\nName each risk and the control that answers it.\n</Callout>',
  'Forms annex': '<FormsAnnex />',
  References: 'List the guidance this SOP follows.',
};

/** The text of a new SOP file that passes `sopkit check`. */
export function sopScaffold({ id, role, today }: SopScaffoldOptions): string {
  const code = `SOP-${id.toUpperCase()}`;
  // A form code begins with a letter: "2026-births" gives F2026-BIRTHS-01, not 2026-BIRTHS-01, which check refused.
  const formCode = `${/^[0-9]/.test(id) ? 'F' : ''}${id.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}-01`;
  const body = standardSections
    .map((title) => `## ${title}\n\n${guidance[title].replaceAll('{role}', role)}\n`)
    .join('\n');
  return `---
id: ${id}
code: ${code}
title: "${id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())}"
summary: "One or two sentences on what this procedure is for."
version: 0.1.0
status: draft
effective: ${today}
reviewDue: ${addYear(today)}
owner: "[Office responsible for this SOP]"
legalBasis:
  - id: main-act
    instrument: "[Name of the law, year]"
    provision: "[Section or article]"
roles:
  - ${role}
forms:
  - id: ${formCode}
    title: "[Form title]"
    purpose: "[Who fills it in and why]"
    fields:
      - "[Field]"
history:
  - version: 0.1.0
    date: ${today}
    summary: First draft.
language: en
---

${body}`;
}
