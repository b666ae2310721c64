/**
 * Which edition of the site a build makes. The participant edition (the default) never carries
 * answer keys, facilitator keys, trainer notes or trainer PDFs; the trainer edition
 * (`npm run build:trainer`, into `dist-trainer/`) carries them, with the scoring and report pages.
 * The printed editions use the same two names (src/lib/handbook/editions.ts).
 */
export type SiteEdition = 'participant' | 'trainer';

/**
 * The edition of the running build, from `SOPKIT_EDITION` (`trainer`; anything else or unset is
 * `participant`, so a plain `astro build` can never leak trainer material).
 */
export function siteEdition(env: Record<string, string | undefined> = process.env): SiteEdition {
  return env.SOPKIT_EDITION === 'trainer' ? 'trainer' : 'participant';
}

/** Whether the running build is the trainer edition. */
export function isTrainerBuild(env: Record<string, string | undefined> = process.env): boolean {
  return siteEdition(env) === 'trainer';
}
