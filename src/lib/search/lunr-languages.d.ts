// lunr-languages ships no types: each file exports a function that adds a language to lunr.
declare module 'lunr-languages/lunr.stemmer.support.js' {
  const register: (l: typeof import('lunr')) => void;
  export default register;
}
declare module 'lunr-languages/lunr.fr.js' {
  const register: (l: typeof import('lunr')) => void;
  export default register;
}
declare module 'lunr-languages/lunr.ar.js' {
  const register: (l: typeof import('lunr')) => void;
  export default register;
}
