/** The two printed editions: participants get no trainer notes or answer keys. */
export const editions = ['participant', 'trainer'] as const;
export type Edition = (typeof editions)[number];

/**
 * Whether a component appears in an edition, as its spec in src/lib/content/components.ts
 * declares (`editions`): the same rule as the site's, so a new trainer-only component needs no
 * code in the handbook.
 */
export { inEdition } from '../edition.ts';
