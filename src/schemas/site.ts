import { z } from 'zod';
import { languageTag } from './common.ts';

/** One language the site is published in. */
export const localeSchema = z
  .object({
    /** Language tag: the folder of its translations (`content/fr/`) and its URL prefix (`/fr/`). */
    code: languageTag,
    /** The language's name in itself, shown in the language switcher: "Français". */
    label: z.string().min(1),
    /** True for the source language (exactly one locale); its pages have no prefix. */
    default: z.boolean().default(false),
    /** Writing direction; `rtl` for Arabic, Hebrew, Persian, Urdu. Defaults to the language's own. */
    dir: z.enum(['ltr', 'rtl']).optional(),
    /** The site's name in this language (pages' titles and header); the site's `title` when absent. */
    title: z.string().min(1).optional(),
    /** The organisation's name in this language (footers, covers, PDF metadata); the site's `organisation` when absent. */
    organisation: z.string().min(1).optional(),
  })
  .strict();

export type Locale = z.output<typeof localeSchema>;

/** `content/site.yaml`: who publishes the pack and where. */
export const siteSchema = z
  .object({
    /** Name of the site, shown in the header. */
    title: z.string().min(1),
    /** Organisation printed on covers, e.g. "[National Civil Registration Authority]". */
    organisation: z.string().min(1),
    /** Country name or placeholder. */
    country: z.string().min(1),
    /**
     * True while the pack is the model for a generic country (the default): the footer and the
     * home page say so. A country sets it to false once the pack is its own.
     */
    model: z.boolean().default(true),
    /** Public address of the site, used for QR codes and absolute links. */
    url: z.string().url('a web address like https://registry.example.org/'),
    /** Default language of the pack. */
    language: languageTag.default('en'),
    /**
     * Languages the site is published in, the source language first with `default: true`;
     * absent: one locale, `language`.
     */
    locales: z
      .array(localeSchema)
      .min(1)
      .refine((list) => list.filter((l) => l.default).length === 1, 'exactly one locale has `default: true` (the source language)')
      .refine((list) => new Set(list.map((l) => l.code)).size === list.length, 'each locale code once')
      .optional(),
  })
  .strict()
  .refine((s) => !s.locales || s.locales.find((l) => l.default)?.code === s.language, {
    message: 'the default locale must be the pack\'s `language`',
    path: ['locales'],
  });

export type SiteConfig = z.output<typeof siteSchema>;
