import { z } from 'zod';
import { languageTag } from './common.ts';

/** `content/site.yaml`: who publishes the pack and where. */
export const siteSchema = z
  .object({
    /** Name of the site, shown in the header. */
    title: z.string().min(1),
    /** Organisation printed on covers, e.g. "[National Civil Registration Authority]". */
    organisation: z.string().min(1),
    /** Country name or placeholder. */
    country: z.string().min(1),
    /** Public address of the site, used for QR codes and absolute links. */
    url: z.string().url('a web address like https://registry.example.org/'),
    /** Default language of the pack. */
    language: languageTag.default('en'),
  })
  .strict();

export type SiteConfig = z.output<typeof siteSchema>;
