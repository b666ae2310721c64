declare module 'linebreak' {
  /** A break opportunity (UAX #14): the text before `position` may end a line. */
  interface Break {
    position: number;
    required: boolean;
  }
  /** Iterates the line-break opportunities of a string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
