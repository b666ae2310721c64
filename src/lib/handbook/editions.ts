import { componentSpecs } from '../content/components.ts';

/** The two printed editions: participants get no trainer notes or answer keys. */
export const editions = ['participant', 'trainer'] as const;
export type Edition = (typeof editions)[number];

/**
 * Whether a component appears in an edition, as its spec in src/lib/content/components.ts
 * declares (`editions`). Unknown names (plain HTML) appear everywhere. This is the one place the
 * handbook decides what an edition leaves out, so a new trainer-only component needs no code here.
 */
export function inEdition(componentName: string, edition: Edition): boolean {
  const spec = componentSpecs[componentName];
  return !spec || spec.editions.includes(edition);
}
