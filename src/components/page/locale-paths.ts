import { getCollection, type CollectionEntry } from 'astro:content';
import { getProject } from '../../lib/content/cache.ts';
import { translatedLocales } from '../../lib/translation/locales.ts';
import { translatedModule } from '../../lib/translation/localize.ts';

/** The paths of a page that exists once per translated locale (`/<lang>/...`). */
export function localePaths() {
  return translatedLocales(getProject().site).map(({ code }) => ({ params: { lang: code } }));
}

/** The paths of every course (its page, its trainer's guide) in every translated locale. */
export function localizedCoursePaths() {
  const project = getProject();
  return translatedLocales(project.site).flatMap(({ code }) => project.courses.filter((c) => c.data).map((c) => ({ params: { lang: code, id: c.id } })));
}

/**
 * The paths of every module in every translated locale, for the module page and its slides:
 * the translation's collection entry when it loads, else the source's (the page then shows the
 * "not translated yet" notice).
 */
export async function localizedModulePaths() {
  const modules: CollectionEntry<'modules'>[] = await getCollection('modules');
  const translations: CollectionEntry<'moduleTranslations'>[] = await getCollection('moduleTranslations');
  const project = getProject();
  return translatedLocales(project.site).flatMap(({ code }) =>
    modules.map((source) => {
      const translation = translatedModule(project, code, source.id) && translations.find((e) => e.id === `${code}/modules/${source.id}`);
      return { params: { lang: code, id: source.id }, props: { entry: translation || source, lang: code } };
    }),
  );
}
