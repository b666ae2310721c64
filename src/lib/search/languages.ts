import { asciiDigits as toAscii } from '../digits.ts';
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import arabic from 'lunr-languages/lunr.ar.js';
import french from 'lunr-languages/lunr.fr.js';
import { shardsFor, type SearchManifest } from './shards.ts';

/** lunr-languages plugins by language: stemmer, stop words and trimmer of that language. */
const plugins: Record<string, (l: typeof lunr) => void> = { fr: french, ar: arabic };

let supported = false;

/**
 * A French word's elided article, pronoun or conjunction (`l’`, `d’`, `qu’`, `jusqu’`…, with
 * either apostrophe) before the word it is joined to. lunr splits words at spaces and hyphens
 * only, so `l’acte` was one term and a search for `acte` did not find it.
 */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’](?=\p{L})/u;

/** A French word without its elision: `l’acte` → `acte`, `qu’il` → `il`; other words as they are. */
export function withoutElision(word: string): string {
  return word.replace(ELISION, '');
}

/** The lunr pipeline stage that drops a token's elision (after the trimmer, before stop words). */
function elisionFr(token: lunr.Token): lunr.Token {
  return token.update((s) => withoutElision(s));
}

/**
 * Separators a number's digit groups have whatever the language: the no-break, narrow no-break
 * and thin spaces (French `10 000`, as `Intl.NumberFormat('fr')` writes it) and the Arabic
 * thousands separator (U+066C, `١٠٬٠٠٠`). None is ever a decimal separator.
 */
const GROUP_SPACES = '\u00a0\u202f\u2009\u066c';

/**
 * A number of digit groups (1 to 3 digits, then groups of 3) with one separator throughout, the
 * separator captured; `seps` is a character class's content.
 */
function groupedNumber(seps: string): RegExp {
  return new RegExp(`(?<!\\p{Nd}[.,${seps}]?)\\p{Nd}{1,3}([${seps}])\\p{Nd}{3}(?:\\1\\p{Nd}{3})*(?![\\p{Nd}])`, 'gu');
}

/** A query's grouped number: the spaces, U+066C, an apostrophe (Swiss `1'000`), a comma, a full stop or a plain space. */
const GROUPED_QUERY = groupedNumber(`${GROUP_SPACES}'’,. `);

const indexGroups = new Map<string, RegExp>();

/**
 * A page's text with each number written with grouped digits as its digits alone (`1,000`,
 * `10 000`, `١٠٬٠٠٠` → `1000`, `10000`, `١٠٠٠٠`), as the index holds it: lunr split the French
 * `10 000` at its no-break space into `10` and `000`, and kept the English `1,000` one word, so
 * no query found both and `1000` found neither. The separators are `GROUP_SPACES` and the
 * language's own group separator (`Intl.NumberFormat`: the comma in English and Arabic), unless
 * it is a full stop (German `1.000`), which a section number has (`6.100`); a comma in a language
 * whose decimal separator it is (French `1,500`) stays. `queryWords` asks a typed number so.
 * @param text A document's title or text.
 * @param lang The index's language.
 */
export function joinDigitGroups(text: string, lang: string): string {
  let pattern = indexGroups.get(lang);
  if (!pattern) {
    let group = '';
    try {
      group = new Intl.NumberFormat(lang).formatToParts(10_000).find((p) => p.type === 'group')?.value ?? '';
    } catch {
      // an unknown language tag: the separators of every language only
    }
    const own = group.length === 1 && /[^\p{L}\p{N}.\s]/u.test(group) ? group.replace(/[\\\]^-]/g, '\\$&') : '';
    indexGroups.set(lang, (pattern = groupedNumber(GROUP_SPACES + own)));
  }
  return text.replace(pattern, (whole: string, sep: string) => whole.split(sep).join(''));
}

/**
 * A word with its Arabic-Indic and Persian digits as ASCII digits (`٣٠`, `۳۰` → `30`) and the
 * Arabic decimal separator (U+066B) between two digits as a full stop (`٦٫٢` → `6.2`), as the
 * pages print numbers and as `queryWords` asks them. An Arabic phone keyboard types one or the
 * other, and so do writers.
 */
export function asciiDigits(word: string): string {
  return toAscii(word, { decimal: true });
}

function asciiDigitsStage(token: lunr.Token): lunr.Token {
  return token.update((s) => asciiDigits(s));
}
lunr.Pipeline.registerFunction(asciiDigitsStage, 'ascii-digits');

/**
 * Puts `asciiDigits` first in an index builder's indexing pipeline, whatever its language, before
 * the trimmer: lunr's and lunr-languages' trimmers keep ASCII digits only, so a page's `٣٠` was
 * indexed as an empty term and `30` (or `٣٠`, which `queryWords` asks as `30`) did not find it.
 * The search pipeline is left as it is (the manifest's labels unchanged): `queryWords` gives the
 * query's digits as ASCII already.
 * @param builder The index builder, its language's plugin applied.
 */
export function indexAsciiDigits(builder: lunr.Builder): void {
  builder.pipeline = lunr.Pipeline.load(['ascii-digits', ...(builder.pipeline.toJSON() as unknown as string[])]);
}

/**
 * A reader's query as the words the index holds: lower case, French elisions dropped (`l’acte`
 * asks for `acte`, not for `l` and `acte`) and an English possessive (`registrar’s` asks for
 * `registrar`, not for every word starting with `s` besides), split at anything that is not a
 * letter, a mark or a digit. Marks stay in their word: Arabic diacritics (tashkeel, which the
 * Arabic stemmer removes, as it does from the index) and accents a keyboard sends as combining
 * characters (composed first, NFC, as the pages are written), which split "التَّسْجِيلُ" into
 * four pieces and "identité" into two. A full stop between two digits stays too: the index holds
 * a section number as its title prints it (`§6.2` → `6.2`), and `6` and `2` found §2 and §6 first;
 * so does the Arabic decimal separator (`٦٫٢`, U+066B, as an Arabic keyboard types it, asks for `6.2`),
 * and a comma between two digits, a French decimal (`0,01`, `2,5`), which the index holds as one
 * word as lunr splits a page's words at spaces and hyphens only: `0` and `01` found every form 01.
 * A comma before a space (`1, 2`) parts a list.
 * A number with grouped digits (`1,000`, `1 000` with any space, `١٬٠٠٠`) asks for its digits, as
 * the index holds it (`joinDigitGroups`); one grouped with a comma or full stop also for itself
 * (a French decimal `1,500`, a section number): its `1` and `000` found every `§1` first.
 * A number typed in Arabic-Indic or Persian digits (`٣٠`, `۳۰`, as an Arabic keyboard writes it)
 * asks for its ASCII digits, as the index holds every number (`asciiDigits`).
 * Letters then digits (`cr03`, a code typed without its hyphen) ask for themselves, the letters
 * and the digits: the index holds `SOP-CR-03` as `sop`, `cr`, `03`, and `cr03` found nothing.
 * @param query What the reader typed.
 */
export function queryWords(query: string): string[] {
  // Arabic-Indic and Persian digits as ASCII ones, the Arabic decimal separator (U+066B) between
  // digits as a section number's full stop, as the index holds them (`asciiDigits`).
  return asciiDigits(query.normalize('NFC'))
    // A number with its digits grouped, as the index holds it (`joinDigitGroups`): its digits.
    .replace(GROUPED_QUERY, (whole: string, sep: string) => {
      const digits = whole.split(sep).join('');
      // A comma or full stop may be a decimal separator or a section number's (French `1,500`,
      // `6.100`): the number as typed is asked too. A plain space is read as a French reader's
      // no-break one (`10 000`): its pieces put every `1` before `1000` ("§1 Purpose").
      return sep === ',' || sep === '.' ? `${whole} ${digits}` : digits;
    })
    .toLowerCase()
    .split(/\s+/)
    .flatMap((w) => withoutElision(w.replace(/^[^\p{L}\p{N}]+/u, '')).replace(/(?<=\p{L})['’]s(?![\p{L}\p{N}])/gu, '').split(/(?:[^\p{L}\p{M}\p{N}.,]|(?<!\p{N})[.,]|[.,](?!\p{N}))+/u))
    .filter(Boolean)
    .flatMap((w) => {
      // A code typed without its hyphen (`cr03` for SOP-CR-03, `dr01` for Form DR-01): the index
      // holds its letters and its number as two words, as lunr splits them at the hyphen.
      const code = /^(\p{L}+)(\p{N}+)$/u.exec(w);
      return code?.[1] && code[2] ? [w, code[1], code[2]] : [w];
    });
}

/**
 * The hits of a reader's words (`queryWords`) in an index, best first: each word as it is (boost
 * 10) and as the start of a longer word (boost 1). Built with lunr's query builder, not its query
 * syntax, in which `:` `~` `^` `+` `-` `*` are operators: a reader's words never fail. A stop
 * word of the index's language (which the index does not hold) is not asked as the start of a
 * longer word: "the of and" found every "then", "offence" and "android" and listed 30 hits.
 * A word of five letters or more that finds nothing so (a typo, or a start typed past the stem)
 * is also asked as the terms `nearTerms` gives (boost 1, below the hits of a word as typed).
 * The letters of a code run together that find nothing (`sopcr03`) are also asked as the split of
 * them into two words of the index (`codeSplits`: `sop`, `cr`), as if the reader had typed those.
 * A partial index answers as the whole one when it holds the shards `queryShards` names and then
 * those `nearShards` names.
 * @param index The lunr index (whole, or the partial index of the shards loaded).
 * @param words The query's words, as `queryWords` gives them.
 * @param langs The index's language and the reader's (whose stop words a reader types in either
 *   index: "le" asked of the English source's index found "legal"); English when absent.
 */
export function queryIndex(index: lunr.Index, words: readonly string[], langs: string | readonly string[] = 'en'): lunr.Index.Result[] {
  if (!words.length) return [];
  // A loaded index's search pipeline (not in lunr's types).
  const { pipeline } = index as unknown as { pipeline: lunr.Pipeline };
  const labels = pipeline.toJSON() as unknown as string[];
  const ask = askWords(words, langs, labels);
  const found = (word: string) => index.query((q) => q.term(word, { boost: 10 })).length > 0;
  // A code's letters run together (`sopcr03`): each split into two words of the index.
  const parts = words.flatMap((word) => {
    const code = codeSplits(word);
    if (!code || index.query((q) => ask.word(q, code.letters)).length > 0) return [];
    return code.splits.filter((split) => split.every(found)).flat();
  });
  const nearOf = new Map(unfound(index, words, ask).map((word) => [word, nearTerms(index, word, labels)]));
  const near = [...nearOf.values()].flat();
  const results = index.query((q) => {
    for (const word of [...words, ...new Set(parts)]) ask.word(q, word);
    for (const term of new Set(near)) q.term(term, { boost: 1, usePipeline: false });
  });
  return placesFirst(index, results, words, ask, nearOf);
}

/** A query's word that is a number, as a section's or session's label holds it (`6.3`, `3`). */
const NUMBER = /^\p{Nd}+(?:\.\p{Nd}+)*$/u;

/**
 * The results of a query that names a place by its number (a word a section's or session's
 * `label` holds: `6.3` of `§6.3`, `3` of `Session 3`) and has other words, with those that have
 * more of the query's words first (the number counted where their label holds it), each group in
 * lunr's order; other queries' as lunr lists them. BM25 adds the weights of the words, so a word
 * in a title (boost 5) outweighed the number in a label (boost 3) and a word in the text
 * together: "witness 6.3" listed the glossary's "Introducer (identity witness)" above every
 * §6.3 that speaks of witnesses, and "appeal 6.5" no §6.5 among its first six.
 */
function placesFirst(index: lunr.Index, results: lunr.Index.Result[], words: readonly string[], ask: ReturnType<typeof askWords>, nearOf: ReadonlyMap<string, readonly string[]>): lunr.Index.Result[] {
  const fields = (index as unknown as { fields: string[] }).fields;
  const numbers = [...new Set(words.filter((w) => NUMBER.test(w)))];
  const others = [...new Set(words.filter((w) => !NUMBER.test(w) && !ask.stopWord(w)))];
  if (!fields.includes('label') || !numbers.length || !others.length) return results;
  const refs = (query: (q: lunr.Query) => void) => new Set(index.query(query).map((r) => r.ref));
  const places = numbers.map((n) => refs((q) => q.term(n, { fields: ['label'] }))).filter((found) => found.size > 0);
  if (!places.length) return results;
  const found = others.map((word) =>
    refs((q) => {
      ask.word(q, word);
      for (const term of nearOf.get(word) ?? []) q.term(term, { usePipeline: false });
    }),
  );
  const count = (ref: string) => [...places, ...found].filter((set) => set.has(ref)).length;
  return results
    .map((result, i) => ({ result, i, n: count(result.ref) }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map(({ result }) => result);
}

/** The words, not stop words, that find nothing as `askWords` asks them: those `nearTerms` are asked for. */
function unfound(index: lunr.Index, words: readonly string[], ask: ReturnType<typeof askWords>): string[] {
  return words.filter((word) => !ask.stopWord(word) && index.query((q) => ask.word(q, word)).length === 0);
}

/**
 * The further term shards a sharded index needs before `queryIndex` so that its near terms are
 * the whole index's: for each word that finds nothing in the shards of `queryShards` (already in
 * `index`) and is long enough for `nearTerms`, every shard that may hold a term one edit from it,
 * a typo in its first two letters included (`tegistration`, `egistration`, `qéclaration`). A term
 * one edit from `c0 c1 c2…` begins with `c0` (an edit after the first letter), ends its key with
 * `c1` (the first letter changed) or `c0` (a letter put before it), or is keyed `c1 c2` (the first
 * letter dropped) or `c1 c0` (the first two swapped). Nothing for a query whose words all find
 * something: its first download is unchanged; a typo costs one more round of files.
 * @param index The partial index of the shards `queryShards` named.
 * @param manifest The index's manifest.
 * @param words The query's words, as `queryWords` gives them.
 * @param langs The index's language and the reader's, as `queryIndex` takes them.
 */
export function nearShards(index: lunr.Index, manifest: SearchManifest, words: readonly string[], langs: string | readonly string[] = 'en'): string[] {
  if (!words.length) return [];
  const { pipeline } = index as unknown as { pipeline: lunr.Pipeline };
  const ask = askWords(words, langs, manifest.pipeline);
  const keys = Object.keys(manifest.shards);
  const needed = new Set<string>();
  for (const word of unfound(index, words, ask)) {
    if ((word.match(/\p{L}/gu) ?? []).length < NEAR_MIN_LETTERS) continue;
    for (const term of pipeline.runString(word)) {
      const [c0 = '', c1 = '', c2 = ''] = [...term];
      if ([...term].length < 4) continue;
      for (const key of keys) {
        const [k0, k1] = [...key];
        if (k0 === c0 || k1 === c1 || k1 === c0 || key === c1 + c2 || key === c1 + c0) needed.add(key);
      }
    }
  }
  return [...new Set([...needed].flatMap((key) => manifest.shards[key] ?? []))];
}

/**
 * The letters of a code typed with its parts run together (`sopcr03` for SOP-CR-03, `sopgen01`),
 * letters then digits, and each split of them into two words of two letters or more (`so`+`pcr`,
 * `sop`+`cr`), or undefined for another word. `queryIndex` asks the split whose two words are both
 * in the index, when the letters as one word find nothing: lunr holds `SOP-CR-03` as `sop`, `cr`,
 * `03`, and `sopcr` is no word of it. A word without digits (`soprano`) is never split.
 * @param word A query's word, as `queryWords` gives it.
 */
export function codeSplits(word: string): { letters: string; splits: [string, string][] } | undefined {
  const code = /^(\p{L}{4,})\p{N}+$/u.exec(word);
  const letters = code?.[1];
  if (!letters) return undefined;
  const chars = [...letters];
  const splits: [string, string][] = [];
  for (let n = 2; n <= chars.length - 2; n++) splits.push([chars.slice(0, n).join(''), chars.slice(n).join('')]);
  return { letters, splits };
}

/** Letters a word needs before a near spelling is asked for it: shorter words have too many neighbours. */
const NEAR_MIN_LETTERS = 5;

/**
 * The index's terms near a word that found nothing, for a word of `NEAR_MIN_LETTERS` letters or
 * more: the terms one edit from the word as the search pipeline makes it (lunr's edit distance 1,
 * `certifcate` → `certifc` finds `certif`, `witnes` → `witn` finds `wit`, `qéclaration` finds
 * `declar`), when that makes four characters or more, and each term of four letters or more that
 * begins the word as `wordStart` writes it and is more than half of it: a start typed past the
 * stem (`enregistrem` finds `enregistr`, the stem of `enregistrement`, and `enregistre`) or a typo
 * after it (`registraton` → `registr`, `regist`).
 * A sharded index's partial index finds the same once it holds the shards `nearShards` names
 * (a term one edit away may differ in its first two letters, its shard's key).
 * @param index The lunr index (whole, or the partial index of the shards loaded).
 * @param word A query's word, as `queryWords` gives it.
 * @param pipeline The labels of the index's search pipeline.
 */
export function nearTerms(index: lunr.Index, word: string, pipeline: readonly string[]): string[] {
  if ((word.match(/\p{L}/gu) ?? []).length < NEAR_MIN_LETTERS) return [];
  const { pipeline: search, tokenSet, invertedIndex } = index as unknown as { pipeline: lunr.Pipeline; tokenSet: lunr.TokenSet; invertedIndex: Record<string, unknown> };
  const near: string[] = [];
  for (const term of search.runString(word)) {
    if ([...term].length < 4) continue;
    const fuzzy = (lunr.TokenSet as unknown as { fromFuzzyString: (s: string, d: number) => lunr.TokenSet }).fromFuzzyString(term, 1);
    near.push(...tokenSet.intersect(fuzzy).toArray().filter((t) => t !== term));
  }
  const start = [...(wordStart(word, pipeline) ?? word)];
  for (let n = start.length - 1; n >= 4 && n * 2 > start.length; n--) {
    const prefix = start.slice(0, n).join('');
    if (Object.hasOwn(invertedIndex, prefix)) near.push(prefix);
  }
  return near;
}

/**
 * The clauses `queryIndex` asks of each word: itself, and the start of a longer one unless a
 * stop word: through the index's search pipeline when that keeps lunr's wildcard (English), else
 * as `wordStart` writes it, past the pipeline.
 * @param pipeline The labels of the index's search pipeline (`Index#pipeline`, the manifest's).
 */
function askWords(words: readonly string[], langs: string | readonly string[], pipeline: readonly string[]) {
  const filters = (typeof langs === 'string' ? [langs] : langs).flatMap((lang) => {
    lunrLanguage(lang);
    const code = lang.split('-')[0] ?? lang;
    if (code === 'ar') return [stopWordHamzaAr];
    return (code === 'en' ? lunr.stopWordFilter : (lunr as unknown as Record<string, { stopWordFilter?: lunr.PipelineFunction } | undefined>)[code]?.stopWordFilter) ?? [];
  });
  const stopWord = (word: string) => filters.some((filter) => !filter(new lunr.Token(word, {}), 0, []));
  const word = (q: lunr.Query, word: string) => {
    q.term(word, { boost: 10 });
    if (stopWord(word)) return;
    const start = wordStart(word, pipeline);
    if (start === undefined) q.term(word, { wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
    else if (start) q.term(start, { wildcard: lunr.Query.wildcard.TRAILING, boost: 1, usePipeline: false });
  };
  return { stopWord, word, all: (q: lunr.Query) => words.forEach((w) => word(q, w)) };
}

/** The article, alone or after a conjunction or preposition, that lunr.ar's stemmer drops from a word's start (longest first). */
const ARTICLE_AR = /^(?:فبال|كبال|وبال|وكال|بال|وال|فال|تال|كال|ولل|ال|لل)(?=(?:\p{L}\p{M}*){2})/u;

/**
 * The start of a word as the index holds the words that start with it, for a search pipeline
 * that does not keep lunr's wildcard, or undefined for one that does (lunr's English stemmer
 * leaves `registr*` as it is). Past the stemmer, whose stem is the start of most surface words:
 * lunr.fr's trimmer dropped the `*` of `naiss*` (nothing was asked), and lunr.ar's stemmer made
 * `المحكمة*` `احكم*ا*`. What the index's pipeline does to a word before it stems it is done here:
 * - French: the trimmer, the elision and accent folding (`Déclar` → `declar`);
 * - Arabic: alef maqsura as yaa (`finalLettersAr`; its final haa is not the start's last letter),
 *   then as lunr.ar's stemmer begins: tatweel and diacritics dropped, the first alef with hamza or
 *   madda as alef, the first ؤ and ئ as ء, a doubled alef single, a double waw single, and the article
 *   with what may precede it (`ال`, `بال`, `وال`…) before two letters or more (`التسج` → `تسج`).
 * An empty start (a word of another script, which the French trimmer drops) asks nothing.
 * @param word A query's word, as `queryWords` gives it.
 * @param pipeline The labels of the index's search pipeline.
 */
export function wordStart(word: string, pipeline: readonly string[]): string | undefined {
  if (pipeline.includes('stemmer-fr')) {
    lunrLanguage('fr');
    const fr = (lunr as unknown as { fr: { trimmer: lunr.PipelineFunction; accentFoldTerm: (s: string) => string } }).fr;
    return fr.accentFoldTerm(withoutElision(fr.trimmer(new lunr.Token(word, {}), 0, [])?.toString() ?? ''));
  }
  if (pipeline.includes('stemmer-ar')) {
    let start = word
      .replace(/\u0649/g, '\u064a')
      .replace(/\u0640/g, '')
      .replace(/[\u064b-\u065b]/g, '')
      .replace(/[\u0622\u0623\u0625\u0671\u0649]/, '\u0627')
      .replace('\u0624', '\u0621')
      .replace('\u0626', '\u0621')
      .replace(/\u0627{2,}/g, '\u0627');
    if (start.length > 3 && start.startsWith('\u0648\u0648')) start = start.slice(1);
    return start.replace(ARTICLE_AR, '');
  }
  return undefined;
}

/**
 * The term shards (`t-<n>.json`) of a sharded index that a query of these words needs, before
 * lunr is asked (`queryIndex` on the partial index of them): the search page fetches these.
 * @param manifest The index's manifest.
 * @param words The query's words, as `queryWords` gives them.
 * @param langs The index's language and the reader's, as `queryIndex` takes them.
 */
export function queryShards(manifest: SearchManifest, words: readonly string[], langs: string | readonly string[] = 'en'): string[] {
  if (!words.length) return [];
  // The index's search pipeline, as the manifest names it (its language's functions registered
  // first): the terms lunr will look up are what it makes of each clause, as `Index#query` runs
  // it. English stems chose the shards of every index, and a French or Arabic source's first
  // query missed (`état` is `etat` in the French index, `التسجيل` is `تسجيل` in the Arabic).
  for (const lang of typeof langs === 'string' ? [langs] : langs) lunrLanguage(lang);
  const pipeline = lunr.Pipeline.load(manifest.pipeline);
  const query = new lunr.Query(manifest.fields);
  // A code's letters run together: the words of each split `queryIndex` may ask (`codeSplits`).
  const parts = words.flatMap((word) => codeSplits(word)?.splits.flat() ?? []);
  askWords([...words, ...new Set(parts)], langs, manifest.pipeline).all(query);
  const run = pipeline.runString.bind(pipeline) as (term: string, metadata: object) => string[];
  const terms = query.clauses.flatMap((clause) => (clause.usePipeline ? run(clause.term, { fields: clause.fields }) : [clause.term]));
  return shardsFor(terms, manifest);
}

/**
 * A French stem with its feminine `v` as the masculine `f`: the Snowball stemmer keeps the two
 * forms of an adjective or noun in -if/-ive, -f/-ve apart (`tardif` → `tardif`, `tardive` →
 * `tardiv`; `veuf`, `veuve`; `actif`, `active`), so "déclaration tardive" did not find
 * "enregistrement tardif". Run on the stems of the index and of the query alike.
 */
export function feminineFr(stem: string): string {
  return stem.endsWith('v') ? `${stem.slice(0, -1)}f` : stem;
}

function feminineFrStage(token: lunr.Token): lunr.Token {
  return token.update((s) => feminineFr(s));
}

/**
 * An Arabic word with the final letters writers and keyboards use for one another written one
 * way: alef maqsura (ى) as yaa (ي), as most Arabic search engines normalise (the reverse would fold
 * every nisba adjective in -ي into alef), and a final haa (ه) of a word of three letters or more
 * as taa marbuta (ة), which the stemmer drops (it drops a pronoun's ه only in some patterns).
 * The stemmer made two stems of each pair (`مستشفى` `استشاف`, `مستشفي` `استشفاي`; `المهلة` `مهل`,
 * `المهله` `مهله`), so one spelling found nothing. Run on the index's words and the query's
 * alike (a query's trailing wildcard, `المهله*`, keeps its place).
 */
export function finalLettersAr(word: string): string {
  return word.replace(/\u0649/g, '\u064a').replace(/(?<=\p{L}\p{M}*\p{L}\p{M}*)\u0647(?=\*?$)/u, '\u0629');
}

function finalLettersArStage(token: lunr.Token): lunr.Token {
  return token.update((s) => finalLettersAr(s));
}

/**
 * lunr.ar's stop-word filter, which also drops a stop word written with hamza or madda on an alef
 * (`إلى`, `أن`, `إن`, `أو`, `إذا`, `أولئك`): its list has them without (`الى`, `ان`, `او`…),
 * as few writers type them, so the index held `إلى` as a word and a query's `إلى` found it
 * everywhere. Run after lunr.ar's own filter in the index's pipeline, and for the query's stop
 * words (`askWords`).
 */
export function stopWordHamzaAr(token: lunr.Token, _i?: number, _tokens?: lunr.Token[]): lunr.Token | null {
  lunrLanguage('ar');
  const filter = (lunr as unknown as { ar: { stopWordFilter: lunr.PipelineFunction } }).ar.stopWordFilter;
  const word = token.toString();
  const plain = word.replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627');
  return filter(new lunr.Token(plain, {}), 0, []) ? token : null;
}

const wrapped: Record<string, lunr.Builder.Plugin> = {};

/**
 * The lunr plugin for a language (`lunr.fr`, `lunr.ar`), registered on first use, or undefined
 * for English (lunr's own pipeline) and languages without one. The index builder and the browser
 * script both call this, so a stored index finds its pipeline functions when it is loaded.
 * @param lang Language code.
 */
export function lunrLanguage(lang: string): lunr.Builder.Plugin | undefined {
  const code = lang.split('-')[0] ?? lang;
  const register = plugins[code];
  if (!register) return undefined;
  if (!supported) {
    stemmerSupport(lunr);
    supported = true;
  }
  const table = lunr as unknown as Record<string, (lunr.Builder.Plugin & { trimmer?: lunr.PipelineFunction }) | undefined>;
  if (!table[code]) register(lunr);
  const base = table[code];
  if (code === 'ar' && base) {
    // Arabic: lunr.ar's pipeline, with alef maqsura made yaa and a final haa taa marbuta before
    // the stemmer (after the stop words, which list their ى and ه forms), in the index and the
    // query, and the stop words written with hamza on an alef dropped too (`stopWordHamzaAr`).
    if (!wrapped.ar) {
      lunr.Pipeline.registerFunction(finalLettersArStage, 'final-letters-ar');
      lunr.Pipeline.registerFunction(stopWordHamzaAr, 'stopWordFilter-hamza-ar');
      const stemmer = (base as { stemmer?: lunr.PipelineFunction }).stemmer;
      const stopWordFilter = (base as { stopWordFilter?: lunr.PipelineFunction }).stopWordFilter;
      wrapped.ar = function (this: lunr.Builder) {
        this.use(base);
        if (stopWordFilter) this.pipeline.after(stopWordFilter, stopWordHamzaAr);
        if (stemmer) {
          this.pipeline.before(stemmer, finalLettersArStage);
          this.searchPipeline.before(stemmer, finalLettersArStage);
        }
      };
    }
    return wrapped.ar;
  }
  if (code !== 'fr' || !base?.trimmer) return base;
  // French: lunr.fr's pipeline, with the elision dropped after its trimmer (`(l’acte),` → `l’acte`
  // → `acte`), so the stop words and the stemmer see the word itself, and the feminine `v` of a
  // stem made `f` after the stemmer, in the index and in the query.
  if (!wrapped.fr) {
    lunr.Pipeline.registerFunction(elisionFr, 'elision-fr');
    lunr.Pipeline.registerFunction(feminineFrStage, 'feminine-fr');
    const trimmer = base.trimmer;
    const stemmer = (base as { stemmer?: lunr.PipelineFunction }).stemmer;
    wrapped.fr = function (this: lunr.Builder) {
      this.use(base);
      this.pipeline.after(trimmer, elisionFr);
      if (stemmer) {
        this.pipeline.after(stemmer, feminineFrStage);
        this.searchPipeline.after(stemmer, feminineFrStage);
      }
    };
  }
  return wrapped.fr;
}

const searchPipelines = new Map<string, lunr.Pipeline>();

/**
 * The search pipeline an index of a language runs a query's term through (lunr's stemmer in
 * English; lunr-languages' stemmer, and the stages added here, in French and Arabic), as
 * `lunr()` and `buildSearchBundle` set it up: two words with the same terms are the same word to
 * that index (`séance`, `Séances`; `الجلسة`, `جلسه`).
 * @param lang Language code.
 */
export function searchPipelineOf(lang: string): lunr.Pipeline {
  let pipeline = searchPipelines.get(lang);
  if (!pipeline) {
    const builder = new lunr.Builder();
    builder.searchPipeline.add(lunr.stemmer);
    const plugin = lunrLanguage(lang);
    if (plugin) builder.use(plugin);
    searchPipelines.set(lang, (pipeline = builder.searchPipeline));
  }
  return pipeline;
}

/** Languages with a stemmer here besides English. */
export const stemmedLanguages = Object.keys(plugins);
