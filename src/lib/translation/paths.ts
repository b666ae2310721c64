/** Where the translations of one language live, relative to the project root (ARCHITECTURE.md, Formats: translations). */
export function translationLayout(lang: string) {
  return {
    sops: `content/${lang}/sops`,
    modules: `content/${lang}/modules`,
    glossary: `content/${lang}/glossary.yaml`,
    roles: `content/${lang}/roles.yaml`,
    parameters: `content/${lang}/parameters.yaml`,
    courses: `content/${lang}/courses`,
    dryruns: `content/${lang}/dryruns`,
    workflows: `workflows/${lang}`,
    quizzes: `quizzes/${lang}`,
    evaluations: `quizzes/${lang}/evaluations`,
  } as const;
}

/** A PDF's name in a language, beside the source's: `m1.pdf` → `m1.fr.pdf`, `m1-slides.pdf` → `m1-slides.fr.pdf`. */
export function translatedPdfName(file: string, lang: string): string {
  return file.replace(/\.pdf$/, `.${lang}.pdf`);
}
