import type { CaseField } from '../../lib/workflow/types.ts';

type Control = HTMLInputElement | HTMLSelectElement;

function control(form: HTMLFormElement, id: string): Control | null {
  const found = form.elements.namedItem(id);
  return found instanceof HTMLInputElement || found instanceof HTMLSelectElement ? found : null;
}

/** Shows the case data in the form. */
export function writeForm(form: HTMLFormElement, fields: readonly CaseField[], input: Record<string, unknown>): void {
  for (const field of fields) {
    const c = control(form, field.id);
    if (!c) continue;
    const value = input[field.id];
    if (field.type === 'boolean' && c instanceof HTMLInputElement) c.checked = value === true;
    else c.value = value === undefined || value === null ? '' : String(value);
  }
}

/** Reads the form back into case data, typed by field (keys without a field are kept from `base`). */
export function readForm(form: HTMLFormElement, fields: readonly CaseField[], base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const field of fields) {
    const c = control(form, field.id);
    if (!c) continue;
    if (field.type === 'boolean' && c instanceof HTMLInputElement) out[field.id] = c.checked;
    else if (field.type === 'number') {
      if (c.value === '' || Number.isNaN(Number(c.value))) delete out[field.id];
      else out[field.id] = Number(c.value);
    } else out[field.id] = c.value;
  }
  return out;
}
