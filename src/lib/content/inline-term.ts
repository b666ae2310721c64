/**
 * How a glossary term or role title reads in running text: "Late registration" becomes "late
 * registration", but acronyms and names keep their capitals ("DPIA", "UNHCR mandate",
 * "Registrar General" is left alone when its second word is capitalised too).
 * @param title The term as the glossary writes it.
 */
export function inlineTerm(title: string): string {
  const [first = '', second] = title.split(/\s+/);
  const ordinaryWord = /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)*$/u.test(first.replace(/[(),.;:]+$/, ''));
  const properPhrase = second !== undefined && /^\p{Lu}\p{Ll}/u.test(second);
  if (!ordinaryWord || properPhrase) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}
