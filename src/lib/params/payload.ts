import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uiLanguages } from '../../i18n/index.ts';
import { siteSchema } from '../../schemas/site.ts';
import { validateYaml } from '../content/validate.ts';
import { formatParameter } from './format.ts';
import { loadParameters, type ParameterSet } from './load.ts';
import type { RuntimeParameters } from './runtime.ts';

/** The pack's language (`content/site.yaml`), English when it is not set. */
export function siteLanguage(root: string): string {
  const file = join(root, 'content/site.yaml');
  if (!existsSync(file)) return 'en';
  return validateYaml(readFileSync(file, 'utf8'), siteSchema, 'content/site.yaml', 'site/schema').value?.language ?? 'en';
}

/** What machines read: every value with its text in each UI language (so the browser needs no dictionary). */
export function runtimePayload(set: ParameterSet, language: string): RuntimeParameters {
  const values: RuntimeParameters['values'] = {};
  for (const p of set.list) {
    if (values[p.id]) continue;
    const langs = [...new Set([language, ...uiLanguages])];
    values[p.id] = { value: p.value, unit: p.unit, text: Object.fromEntries(langs.map((l) => [l, formatParameter(p, l)])) };
  }
  return { language, values };
}

/** The machines' values for a project root. */
export function runtimePayloadFor(root: string): RuntimeParameters {
  const loaded = loadParameters(root);
  const error = loaded.diagnostics.find((d) => d.severity === 'error');
  return { ...runtimePayload(loaded.set, siteLanguage(root)), ...(error ? { problem: `line ${error.line}: ${error.message}` } : {}) };
}
