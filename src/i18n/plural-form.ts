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

/**
 * The plural form of a count from a page's strings that hold each form under its own key
 * (`pluralEntries(base, lang)`: `assess.kiosk.idleWarning.few`), `other` when the language has no
 * form for the count's category; empty when the page wrote none.
 * @param strings The page's strings.
 * @param base The key without its category.
 * @param n The count.
 * @param locale The page's language or number locale.
 */
export function pluralString(strings: Readonly<Record<string, string>>, base: string, n: number, locale: string): string {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const c of ['zero', 'one', 'two', 'few', 'many', 'other'] as const) {
    const text = strings[`${base}.${c}`];
    if (text !== undefined) forms[c] = text;
  }
  return pluralForm(forms, n, locale);
}
