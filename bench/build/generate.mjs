// Deterministic SOP pages for the build benchmark: N SOPs of about 1,750 words each that pass
// `sopkit check`, and the same text as plain Markdown for a Starlight site.
//   import { generateSops } from './generate.mjs'
// Everything comes from a seeded generator, so two runs (and both tools) get identical text.

/** A small seeded PRNG (mulberry32): the same seed gives the same pages on every machine. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = ['The registration clerk', 'The registrar', 'The supervisor of the office', 'The informant', 'The data-protection officer', 'The integrity officer', 'Each office', 'The district registrar', 'The clerk on duty', 'The reviewing officer'];
const verbs = ['checks', 'records', 'verifies', 'compares', 'files', 'confirms', 'reviews', 'scans', 'signs', 'enters', 'keeps', 'returns', 'reports', 'dates', 'seals'];
const objects = ['the declaration form', 'the medical notification', 'the identity document of the informant', 'the register entry', 'the supporting evidence', 'the certificate draft', 'the audit trail', 'the correction request', 'the fee receipt', 'the biometric record', 'the archive copy', 'the daily summary', 'the case file', 'the notification from the health facility', 'the witness statement'];
const tails = ['before the end of the working day', 'in the presence of the informant', 'against the original document', 'in the electronic register', 'with the date and the officer\'s staff number', 'and keeps a copy in the case file', 'using the approved form', 'without asking for information the procedure does not need', 'and explains the next step to the informant', 'so that the record can be traced later', 'as the law of the country requires', 'and notes any discrepancy for the supervisor'];
const titles = ['Registration of', 'Verification of', 'Correction of', 'Issuance of', 'Archiving of', 'Review of', 'Transfer of', 'Reconstruction of'];
const things = ['births in health facilities', 'deaths in the community', 'late declarations', 'records of foundlings', 'certified extracts', 'register volumes', 'identity applications', 'records of marriages', 'adoption orders', 'name changes', 'consular registrations', 'court decisions'];

function sentence(r) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  return `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(tails)}.`;
}
function paragraph(r, sentences) {
  return Array.from({ length: sentences }, () => sentence(r)).join(' ');
}
const pad = (n) => String(n).padStart(4, '0');

/** The id of generated SOP number i (1-based). */
export const sopId = (i) => `gen-${pad(i)}`;

/**
 * One SOP: its frontmatter data and its body blocks, from which both renderings are made.
 * @param i 1-based index; the seed of its text.
 * @param n How many SOPs there are (for cross-references).
 */
function model(i, n) {
  const r = rng(1000 + i);
  const title = `${titles[i % titles.length]} ${things[Math.floor(i / titles.length) % things.length]} (${pad(i)})`;
  const next = sopId((i % n) + 1);
  const steps = Array.from({ length: 6 }, (_, k) => ({ n: k + 1, title: `${['Receive', 'Check', 'Record', 'Approve', 'Issue', 'Archive'][k]} (${pad(i)}.${k + 1})`, text: [paragraph(r, 6), paragraph(r, 5)] }));
  return {
    id: sopId(i),
    title,
    summary: `How an office handles ${title.toLowerCase()}, from the first contact to the archive, with its checks and records.`,
    next,
    sections: {
      purpose: [paragraph(r, 5), paragraph(r, 4)],
      scope: [paragraph(r, 5), paragraph(r, 4)],
      roles: [paragraph(r, 4)],
      definitions: [paragraph(r, 3)],
      steps,
      records: [paragraph(r, 6), paragraph(r, 5)],
      protection: [paragraph(r, 6), paragraph(r, 4)],
      fraud: [paragraph(r, 6), paragraph(r, 5)],
    },
  };
}

/** Frontmatter that passes the SOP schema of the checkout being measured. */
function frontmatter(m) {
  return `---
id: ${m.id}
code: GEN-${m.id.slice(4)}
title: "${m.title}"
summary: "${m.summary}"
version: 1.0.0
status: draft
effective: 2026-01-01
reviewDue: 2030-01-01
owner: "[Directorate of Civil Registration]"
legalBasis:
  - id: cra
    instrument: "[Civil Registration Act, year]"
    provision: "[section]"
roles:
  - registration-clerk
  - registrar
history:
  - version: 1.0.0
    date: 2026-01-01
    summary: Generated for the build benchmark.
language: en
---
`;
}

/** The SOP as SOPKit MDX (numbered sections, components). */
export function sopMdx(i, n, options = {}) {
  const m = model(i, n);
  const s = m.sections;
  const fm = options.frontmatter ? options.frontmatter(m) : frontmatter(m);
  const steps = s.steps
    .map((st) => `### ${st.title}\n\n<Step role="${st.n % 2 ? 'registration-clerk' : 'registrar'}" time="1 day">\n${st.text[0]}\n</Step>\n\n${st.text[1]}\n`)
    .join('\n');
  return `${fm}
## Purpose

${s.purpose.join('\n\n')}

## Scope

${s.scope.join('\n\n')}

## Legal basis

<LegalBasis />

## Roles and responsibilities

<Roles />

${s.roles.join('\n\n')}

## Definitions

<Term id="civil-registration">Civil registration</Term> and <Term id="vital-event">vital events</Term> are used as in the glossary. ${s.definitions.join('\n\n')}

## Procedure

${steps}
## Records and retention

${s.records.join('\n\n')}

## Data protection

<Callout type="data-protection">
${s.protection[0]}
</Callout>

${s.protection[1]}

## Fraud risks and controls

${s.fraud.join('\n\n')}

## Forms annex

<FormsAnnex />

## References

See <Ref to="${m.next}#6.1">the first step of ${m.next}</Ref>.
`;
}

/** The same SOP as Starlight Markdown (components become their plain-text equivalent). */
export function sopMarkdown(i, n) {
  const m = model(i, n);
  const s = m.sections;
  const steps = s.steps.map((st) => `### ${st.title}\n\n- **Who:** ${st.n % 2 ? 'Registration clerk' : 'Registrar'}\n- **Time:** 1 day\n\n${st.text[0]}\n\n${st.text[1]}\n`).join('\n');
  return `---
title: "${m.title}"
description: "${m.summary}"
---

## Purpose

${s.purpose.join('\n\n')}

## Scope

${s.scope.join('\n\n')}

## Legal basis

| Instrument | Provision |
|---|---|
| [Civil Registration Act, year] | [section] |

## Roles and responsibilities

| Role | Responsibility |
|---|---|
| Registration clerk | Receives and checks declarations |
| Registrar | Registers and signs |

${s.roles.join('\n\n')}

## Definitions

Civil registration and vital events are used as in the glossary. ${s.definitions.join('\n\n')}

## Procedure

${steps}
## Records and retention

${s.records.join('\n\n')}

## Data protection

:::note[Data protection]
${s.protection[0]}
:::

${s.protection[1]}

## Fraud risks and controls

${s.fraud.join('\n\n')}

## Forms annex

No forms.

## References

See [the first step of ${m.next}](../${m.next}/#receive-${m.next.slice(4)}1).
`;
}

/** Words of body text (frontmatter excluded), for the report. */
export function wordCount(text) {
  return text.replace(/^---[\s\S]*?---/, '').replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
}
