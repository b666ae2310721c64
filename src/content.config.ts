import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { glossaryTermSchema, moduleSchema, sopSchema } from './schemas/index.ts';

/**
 * The glob loader reading only the frontmatter of MDX files: an SOP page renders its body from
 * the project's tree (`src/lib/content/sop-body.ts`), so no SOP becomes a module that Astro
 * compiles, bundles and keeps in memory. The loader still watches the files for `astro dev`.
 */
function frontmatterOnly(options: Parameters<typeof glob>[0]): Loader {
  const inner = glob(options);
  return {
    name: 'sopkit-frontmatter',
    load: (context) => {
      // Astro passes the entry types to its own loaders beside the public context.
      const given = (context as typeof context & { entryTypes: Map<string, { extensions: string[]; getEntryInfo: unknown }> }).entryTypes;
      const entryTypes = new Map([...given].map(([ext, type]) => [ext, ext === '.mdx' ? { extensions: type.extensions, getEntryInfo: type.getEntryInfo } : type]));
      return inner.load({ ...context, entryTypes } as typeof context);
    },
  };
}

/** SOPs: content/sops/<id>.mdx, validated by the same schema as `sopkit check`. */
const sops = defineCollection({
  loader: frontmatterOnly({ pattern: '*.mdx', base: './content/sops', retainBody: false }),
  schema: sopSchema,
});

/** Glossary: content/glossary.yaml. */
const glossary = defineCollection({
  loader: file('content/glossary.yaml'),
  schema: glossaryTermSchema,
});

/** Training modules: content/modules/<id>.mdx, validated by the same schema as `sopkit check`. */
const modules = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/modules' }),
  schema: moduleSchema,
});

/**
 * Translated SOPs: content/<lang>/sops/<id>.mdx (entry ids `fr/sops/<id>`), the same schema as
 * their sources (ARCHITECTURE.md, Translations).
 */
const translations = defineCollection({
  loader: frontmatterOnly({ pattern: '*/sops/*.mdx', base: './content', retainBody: false }),
  schema: sopSchema,
});

/**
 * Translated training modules: content/<lang>/modules/<id>.mdx (entry ids `fr/modules/<id>`), the
 * same schema as their sources (ARCHITECTURE.md, Translations).
 */
const moduleTranslations = defineCollection({
  loader: glob({ pattern: '*/modules/*.mdx', base: './content' }),
  schema: moduleSchema,
});

export const collections = { sops, glossary, modules, translations, moduleTranslations };
