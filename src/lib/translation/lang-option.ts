import type { Project } from '../content/project.ts';
import { SopkitError } from '../errors.ts';

/**
 * The language a command's `--lang` asks for: one of the pack's locales (`content/site.yaml`), or
 * `fallback` when the option is not given; anything else is one error listing the locales.
 * @param project The loaded project.
 * @param value The option's value as parsed.
 * @param fallback The language when `--lang` is absent (a course's language, the source language).
 */
export function langOption(project: Project, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  const codes = project.locales.map((l) => l.code);
  if (typeof value === 'string' && codes.includes(value)) return value;
  const list = project.locales.map((l) => `${l.code} (${l.label})`).join(', ');
  throw new SopkitError('cli/unknown-lang', `--lang ${String(value)}: not a language of this pack; use one of ${list} (the locales of content/site.yaml)`);
}
