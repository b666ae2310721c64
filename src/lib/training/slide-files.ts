/** File names of a module's slide prints, written beside its workbook in `handbooks/`. */
export const slideFileNames = {
  /** One landscape slide a page. */
  slides: (id: string) => `${id}-slides.pdf`,
  /** Three slides a page, each beside ruled lines for notes (participant edition). */
  handouts: (id: string) => `${id}-handouts.pdf`,
  /** Each slide small with its speaker notes below (trainer edition only). */
  speakerNotes: (id: string) => `${id}-speaker-notes.pdf`,
};
