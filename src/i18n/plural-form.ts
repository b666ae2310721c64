/**
 * The plural form of a count a browser script picks from the forms its page wrote
 * (`pluralForms(base, lang)` in `./index.ts`): the one `Intl.PluralRules` chooses for the
 * language, else `other`. No imports: browser scripts bundle it without the dictionaries.
 * @param forms The key's forms by plural category.
 * @param n The count.
 * @param locale The page's language or number locale (`ar`, `ar-u-nu-arab`).
 */
export function pluralForm(forms: Partial<Record<Intl.LDMLPluralRule, string>> | undefined, n: number, locale: string): string {
  let category: Intl.LDMLPluralRule;
  try {
    category = new Intl.PluralRules(locale).select(n);
  } catch {
    category = new Intl.PluralRules('en').select(n);
  }
  return forms?.[category] ?? forms?.other ?? '';
}
