import { componentNames, componentSpecs } from '../content/components.ts';
import type { ComponentUse } from '../content/mdx.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/**
 * The rules every component use obeys, wherever it is written (SOPs, modules): a known
 * component, its required attributes present, no unknown attribute, closed values from their
 * list, minutes as whole numbers, and glossary terms that exist.
 * @param file Path of the source, for messages.
 * @param use The component as written.
 * @param terms Ids of the glossary terms.
 */
export function checkComponentUse(file: string, use: ComponentUse, terms: ReadonlySet<string> | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (/^[a-z]/.test(use.name)) return out; // plain HTML elements are allowed
  const spec = componentSpecs[use.name];
  if (!spec) return [diagnostic('error', 'mdx/unknown-component', file, `<${use.name}> is not a SOPKit component; use one of ${componentNames.join(', ')}`, use.at)];
  for (const attr of spec.required) {
    if (!(attr in use.attributes)) out.push(diagnostic('error', 'mdx/missing-attribute', file, `<${use.name}> needs ${attr}="..."`, use.at));
  }
  const allowed = new Set([...spec.required, ...(spec.optional ?? [])]);
  for (const attr of Object.keys(use.attributes)) {
    if (!allowed.has(attr)) out.push(diagnostic('error', 'mdx/unknown-attribute', file, `<${use.name}> has no attribute "${attr}"; allowed: ${[...allowed].join(', ') || 'none'}`, use.at));
  }
  for (const [attr, values] of Object.entries(spec.values ?? {})) {
    const value = use.attributes[attr];
    if (value !== undefined && !values.includes(value)) out.push(diagnostic('error', 'mdx/bad-attribute', file, `<${use.name} ${attr}="${value}">: allowed values are ${values.join(', ')}`, use.at));
  }
  for (const attr of spec.minutes ?? []) {
    const value = use.attributes[attr];
    if (value !== undefined && !/^\d+$/.test(value.trim())) out.push(diagnostic('error', 'mdx/bad-minutes', file, `<${use.name} ${attr}="${value}">: a whole number of minutes, like ${attr}="45"`, use.at));
    // duration="0" was taken: a session of no time in the timetable, caught (if at all) only by the module's total.
    else if (value !== undefined && Number(value.trim()) === 0) out.push(diagnostic('error', 'mdx/bad-minutes', file, `<${use.name} ${attr}="${value}">: zero minutes; give the time it takes, like ${attr}="45"`, use.at));
  }
  const { id } = use.attributes;
  // `terms` is undefined when the glossary could not be read: its own error says so.
  if (use.name === 'Term' && id !== undefined && terms && !terms.has(id)) {
    out.push(diagnostic('error', 'term/unknown', file, `<Term id="${id}">: no such term in content/glossary.yaml; add it there or fix the id`, use.at));
  }
  return out;
}
