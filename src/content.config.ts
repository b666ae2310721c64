import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { glossaryTermSchema, moduleSchema, sopSchema } from './schemas/index.ts';

/** SOPs: content/sops/<id>.mdx, validated by the same schema as `sopkit check`. */
const sops = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/sops' }),
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
  loader: glob({ pattern: '*/sops/*.mdx', base: './content' }),
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
