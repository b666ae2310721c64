import type { AstroIntegration } from 'astro';
import { siteEdition } from '../lib/edition.ts';

/**
 * Pages that only the trainer edition has (ARCHITECTURE.md, Editions). They live under
 * `src/pages` with a leading `_`, so Astro does not route them by itself, and are added here when
 * the build is the trainer edition: the participant edition never builds them, rather than
 * building and hiding them.
 */
const trainerPages = [
  { pattern: '/scoring', entrypoint: './src/pages/scoring/_ScoringPage.astro' },
  { pattern: '/[lang]/scoring', entrypoint: './src/pages/[lang]/scoring/_ScoringPage.astro' },
  { pattern: '/courses/[id]/report', entrypoint: './src/pages/courses/[id]/_ReportPage.astro' },
];

/** Says which edition the build makes, and adds the trainer-only pages to a trainer build. */
export function sopkitEditions(): AstroIntegration {
  return {
    name: 'sopkit:editions',
    hooks: {
      'astro:config:setup': ({ injectRoute, logger }) => {
        const edition = siteEdition();
        logger.info(`${edition} edition${edition === 'trainer' ? ': answer keys, trainer notes and the scoring page included' : ': no answer keys, trainer notes or trainer material'}`);
        if (edition === 'trainer') for (const page of trainerPages) injectRoute({ ...page, prerender: true });
      },
    },
  };
}
