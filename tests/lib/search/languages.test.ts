import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lunr from 'lunr';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { searchDocuments } from '../../../src/lib/search/documents.ts';
import { buildSearchBundle, indexedDoc, indexJson, searchFields, type SearchBundle } from '../../../src/lib/search/index.ts';
import { feminineFr, indexAsciiDigits, joinDigitGroups, lunrLanguage, nearShards, queryIndex, queryShards, queryWords, withoutElision } from '../../../src/lib/search/languages.ts';
import { partialIndex, shardFiles, type LunrJson, type SearchManifest, type TermShard } from '../../../src/lib/search/shards.ts';

// The translation fixture with its source SOP at 1.0.0: a late-registration section, its French
// and Arabic translations, and a French glossary term.
const fixture = join(import.meta.dirname, '../../fixtures/translation/pack');
const root = mkdtempSync(join(tmpdir(), 'search-languages-'));
cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
cpSync(join(fixture, 'versions/late-registration-1.0.0.mdx'), join(root, 'content/sops/late-registration.mdx'));
const project = loadProject(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));
// The handbook's Arabic pack: Arabic is its source language (site.yaml `language: ar`).
const arabic = loadProject(join(import.meta.dirname, '../../fixtures/handbook/arabic'));

/** Paths of the hits, best first, as the search page queries a stored index. */
function search(bundle: SearchBundle, lang: string, query: string): string[] {
  lunrLanguage(lang);
  const index = lunr.Index.load(bundle.index);
  const words = queryWords(query);
  return index
    .query((q) => words.forEach((w) => q.term(w, { presence: lunr.Query.presence.OPTIONAL })))
    .map((r) => bundle.docs[Number(r.ref)]?.path ?? '');
}

/** Paths of the hits, best first, as the search page asks (`queryWords`, then `queryIndex`). */
function pageSearch(bundle: SearchBundle, lang: string, query: string): string[] {
  lunrLanguage(lang);
  return queryIndex(lunr.Index.load(bundle.index), queryWords(query), lang).map((r) => bundle.docs[Number(r.ref)]?.path ?? '');
}

/** The page's query of a sharded index: the shards `queryShards` names, their partial index, `queryIndex`. */
function shardedSearch(bundle: SearchBundle, lang: string, query: string) {
  const files = shardFiles(JSON.parse(JSON.stringify(bundle.index)) as LunrJson, bundle.docs);
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as SearchManifest;
  const words = queryWords(query);
  lunrLanguage(lang);
  // As the page loads them: the shards of the words, then those of a typo's near spellings.
  const load = (names: readonly string[]) => lunr.Index.load({ ...partialIndex(manifest, names.map((f) => JSON.parse(files.get(f) ?? '[]') as TermShard)), version: lunr.version });
  const first = queryShards(manifest, words, lang);
  const needed = [...new Set([...first, ...nearShards(load(first), manifest, words, lang)])];
  const partial = queryIndex(load(needed), words, lang);
  const whole = queryIndex(lunr.Index.load(bundle.index), words, lang);
  return { needed, total: Object.keys(manifest.shards).length, partial: partial.map((r) => [r.ref, r.score.toFixed(6)]), whole: whole.map((r) => [r.ref, r.score.toFixed(6)]) };
}

describe('one search index per language', () => {
  const en = buildSearchBundle(project, 'participant');
  const fr = buildSearchBundle(project, 'participant', 'fr');
  const ar = buildSearchBundle(project, 'participant', 'ar');

  it('holds the documents of its language only, at their /<lang>/ paths', () => {
    expect(en.docs.every((d) => !/^\/(fr|ar)\//.test(d.path))).toBe(true);
    expect(fr.docs.map((d) => d.path)).toContain('/fr/sops/late-registration/#late-registration');
    expect(fr.docs.every((d) => d.path.startsWith('/fr/'))).toBe(true);
    expect(ar.docs.every((d) => d.path.startsWith('/ar/'))).toBe(true);
    // The French glossary has one translated term; the Arabic none.
    expect(fr.docs.filter((d) => d.path.startsWith('/fr/glossary/'))).toHaveLength(1);
    expect(ar.docs.filter((d) => d.path.startsWith('/ar/glossary/'))).toHaveLength(0);
  });

  it('finds the glossary term first for "late registration", the SOP and its section next', () => {
    const hits = search(en, 'en', 'late registration');
    expect(hits[0]).toBe('/glossary/#late-registration');
    expect(hits.slice(1, 3).sort()).toEqual(['/sops/late-registration/', '/sops/late-registration/#late-registration']);
  });

  it('puts the French late-registration section first for "enregistrement tardif", and for its plural (French stemmer)', () => {
    expect(search(fr, 'fr', 'enregistrement tardif')[0]).toBe('/fr/sops/late-registration/#late-registration');
    expect(search(fr, 'fr', 'enregistrements tardifs')[0]).toBe('/fr/sops/late-registration/#late-registration');
  });

  it('finds the masculine of a French word from its feminine: "déclaration tardive" finds "enregistrement tardif"', () => {
    // The fixture's French says "tardif" only: its glossary term and its SOP section.
    for (const query of ['tardive', 'déclarations tardives']) expect(search(fr, 'fr', query).slice(0, 2).sort(), query).toEqual(['/fr/glossary/#late-registration', '/fr/sops/late-registration/#late-registration']);
    expect(['tardiv', 'veuv', 'activ', 'naïv', 'naissanc'].map(feminineFr)).toEqual(['tardif', 'veuf', 'actif', 'naïf', 'naissanc']);
  });

  it("finds a French word written only after an elision (l'identité, d'application), typed with or without it", () => {
    // "identité" is in the fixture only as "l'identité", "application" only in the title "Champ d'application".
    for (const query of ['identité', "l'identité", 'l’identité', 'L’IDENTITÉ']) expect(search(fr, 'fr', query)[0], query).toMatch(/^\/fr\/sops\/late-registration\/#receive/);
    for (const query of ['application', "champ d'application"]) expect(search(fr, 'fr', query)[0], query).toMatch(/^\/fr\/sops\/late-registration\/#scope/);
    expect(search(fr, 'fr', 'officier').length).toBeGreaterThan(0);
  });

  it('drops French stop words: "le" alone finds nothing', () => {
    expect(search(fr, 'fr', 'le')).toEqual([]);
  });

  it('finds nothing for a query of stop words only, as the page asks it, and does not let them rank the rest', () => {
    // Each word was also asked as the start of a longer one: "the*" found "then", "these"…
    expect(pageSearch(en, 'en', 'the of and')).toEqual([]);
    expect(pageSearch(fr, 'fr', 'le de la')).toEqual([]);
    expect(pageSearch(en, 'en', 'the late registration')).toEqual(pageSearch(en, 'en', 'late registration'));
    // A French reader's stop words, asked of the English source's index too (what is not translated).
    lunrLanguage('fr');
    const english = lunr.Index.load(en.index);
    expect(queryIndex(english, queryWords('le de la'), 'en').length).toBeGreaterThan(0);
    expect(queryIndex(english, queryWords('le de la'), ['en', 'fr'])).toEqual([]);
    // A word is still asked as itself, and its longer forms when it is not a stop word.
    expect(pageSearch(en, 'en', 'registr').length).toBeGreaterThan(0);
  });

  it('puts the Arabic late-registration section first for "التسجيل المتأخر"', () => {
    expect(search(ar, 'ar', 'التسجيل المتأخر')[0]).toBe('/ar/sops/late-registration/#late-registration');
  });

  it('finds an Arabic word written with final yaa (ي) for alef maqsura (ى) and the reverse, and with haa (ه) for taa marbuta (ة)', () => {
    // The Arabic pack, with a hospital in its scope ("المستشفى"); it writes "القضائي", "المختصة",
    // and the translation fixture "المهلة القانونية". A reader may type either letter.
    const copy = mkdtempSync(join(tmpdir(), 'search-arabic-'));
    try {
      cpSync(join(import.meta.dirname, '../../fixtures/handbook/arabic/content'), join(copy, 'content'), { recursive: true });
      const sop = join(copy, 'content/sops/late-birth-registration.mdx');
      writeFileSync(sop, readFileSync(sop, 'utf8').replace('## النطاق\n\n', '## النطاق\n\nيُبلِّغ المستشفى عن كل ولادة فيه.\n\n'));
      const source = buildSearchBundle(loadProject(copy), 'participant');
      for (const [bundle, written, typed] of [[source, 'المستشفى', 'المستشفي'], [source, 'مستشفى', 'مستشفي'], [source, 'القضائي', 'القضائى'], [ar, 'المهلة', 'المهله'], [ar, 'القانونية', 'القانونيه'], [source, 'المختصة', 'المختصه']] as const) {
        const hits = pageSearch(bundle, 'ar', written);
        expect(hits.length, written).toBeGreaterThan(0);
        expect(pageSearch(bundle, 'ar', typed), typed).toEqual(hits);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('finds from the start of a French word what the whole word finds, with or without its accents', () => {
    // The word start was asked through lunr.fr's pipeline, whose trimmer drops the wildcard: "naiss"
    // and "enregist" found nothing, though "naissance" and "enregistrement" are in the fixture.
    for (const [start, word] of [['naiss', 'naissance'], ['naissan', 'naissance'], ['enregist', 'enregistrement'], ['enregistr', 'enregistrement'], ['décla', 'déclaration'], ['declar', 'déclaration'], ['DÉCLAR', 'déclaration']] as const) {
      const whole = pageSearch(fr, 'fr', word);
      expect(whole.length, word).toBeGreaterThan(0);
      expect(pageSearch(fr, 'fr', start), start).toEqual(expect.arrayContaining(whole));
    }
    // A word of another script asks no word start in the French index (its trimmer leaves nothing, not "*").
    expect(pageSearch(fr, 'fr', 'التسجيل')).toEqual([]);
  });

  it('finds from the start of an Arabic word, with or without its article and diacritics, what the whole word finds', () => {
    // The Arabic stemmer made the word start "التسج*" "سج*" and "المحكمة*" "احكم*ا*".
    const source = buildSearchBundle(arabic, 'participant');
    for (const [bundle, start, word] of [[ar, 'التسج', 'التسجيل'], [ar, 'تسجي', 'التسجيل'], [ar, 'التَّسْجِي', 'التسجيل'], [source, 'التسج', 'التسجيل'], [ar, 'المتأخ', 'المتأخر'], [source, 'المحك', 'المحكمة'], [source, 'الولا', 'الولادة']] as const) {
      const whole = pageSearch(bundle, 'ar', word);
      expect(whole.length, word).toBeGreaterThan(0);
      expect(pageSearch(bundle, 'ar', start), start).toEqual(expect.arrayContaining(whole));
    }
  });

  it('asks an English word start through lunr\'s English pipeline, as before: same hits, same scores', () => {
    lunrLanguage('en');
    const index = lunr.Index.load(en.index);
    for (const query of ['registr', 'late regist', 'officer', 'registration']) {
      const words = queryWords(query);
      const asked = index.query((q) => {
        for (const word of words) {
          q.term(word, { boost: 10 });
          q.term(word, { wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
        }
      });
      expect(queryIndex(index, words, 'en'), query).toEqual(asked);
    }
  });

  it('finds a section by its number, as its title prints it ("§3.2", "3.2"), in every language', () => {
    // The index holds "3.2"; the query was split into "3" and "2", which put §2 and §3 first.
    // An Arabic keyboard types the section number in Arabic-Indic digits, with a full stop or its
    // decimal separator (U+066B), which split "٣٫٢" into 3 and 2.
    for (const query of ['§3.2', '3.2', 'SOP-FX-09 §3.2', '٣.٢', '٣٫٢', '§٣٫٢', '3٫2']) {
      expect(pageSearch(en, 'en', query)[0], query).toBe('/sops/late-registration/#late-registration');
      expect(pageSearch(fr, 'fr', query)[0], query).toBe('/fr/sops/late-registration/#late-registration');
      expect(pageSearch(ar, 'ar', query)[0], query).toBe('/ar/sops/late-registration/#late-registration');
    }
    // A full stop after a number still ends the sentence, not the number.
    expect(queryWords('see §3.2. Then 4')).toEqual(['see', '3.2', 'then', '4']);
    expect(queryWords('٦٫٢')).toEqual(queryWords('٦.٢'));
    expect(queryWords('٦٫٢')[0]).toBe('6.2');
  });

  it('reads a word typed with Arabic diacritics (tashkeel) or a French accent as a combining mark as one word', () => {
    // The marks are not letters: "التَّسْجِيلُ" was split into "الت", "س", "ج", "يل" and found anything.
    const plain = pageSearch(ar, 'ar', 'التسجيل المتأخر');
    expect(plain[0]).toBe('/ar/sops/late-registration/#late-registration');
    expect(pageSearch(ar, 'ar', 'التَّسْجِيلُ المُتَأَخِّرُ')).toEqual(plain);
    expect(queryWords('أبدًا')).toHaveLength(1);
    // A phone keyboard may send "é" as "e" and U+0301 (NFD): "identit", "é" found nothing right.
    expect(pageSearch(fr, 'fr', 'l’identité'.normalize('NFD'))).toEqual(pageSearch(fr, 'fr', 'l’identité'));
    expect(queryWords('déclaration'.normalize('NFD'))).toEqual(['déclaration']);
  });
});

describe('the index builder', () => {
  // buildSearchBundle runs lunr's pipeline once per distinct word and tokenizes into strings
  // (src/lib/search/index.ts, memoizeTerms): the index must be the one lunr builds by itself.
  it.each([['en'], ['fr'], ['ar']])('writes the index lunr writes with its own tokenizer and pipeline (%s)', (lang) => {
    const plugin = lunrLanguage(lang);
    const documents = searchDocuments(project, 'participant', lang === 'en' ? undefined : lang);
    expect(documents.length).toBeGreaterThan(3);
    const plain = lunr(function () {
      if (plugin) this.use(plugin);
      searchFields(this);
      documents.forEach((doc, i) => this.add(indexedDoc(doc, i, lang)));
    });
    const built = buildSearchBundle(project, 'participant', lang === 'en' ? undefined : lang);
    expect(JSON.stringify(built.index)).toBe(JSON.stringify(indexJson(plain)));
  });
});

describe('French elision', () => {
  it("drops l', d', qu', jusqu'… (either apostrophe) before a word, and nothing else", () => {
    expect(['l’acte', "d'un", 'qu’il', "jusqu'au", 'lorsqu’elle', 's’il', 'aujourd’hui', "l'", 'officer’s', 'lunr'].map(withoutElision)).toEqual(['acte', 'un', 'il', 'au', 'elle', 'il', 'aujourd’hui', "l'", 'officer’s', 'lunr']);
  });

  it('turns a query into the words the index holds', () => {
    expect(queryWords("  L’acte d'état-civil, (l'officier) ")).toEqual(['acte', 'état', 'civil', 'officier']);
    expect(queryWords('late registration')).toEqual(['late', 'registration']);
    expect(queryWords("registrar's office, the officers’ desk")).toEqual(['registrar', 'office', 'the', 'officers', 'desk']);
    expect(queryWords("aujourd'hui s'il")).toEqual(['aujourd', 'hui', 'il']);
  });
});

describe('search shards of a source language other than English', () => {
  // The handbook's Arabic pack has Arabic as its source language (site.yaml `language: ar`): its
  // index is the site's sharded /search-index/. The Arabic stemmer drops the article (التسجيل →
  // تسجيل), so English stems chose the shard of "ال" and the first query found nothing.
  it.each([['التسجيل'], ['المحكمة المختصة'], ['الولادة'], ['التسج'], ['تسجي'], ['المحك المخت']])('finds "%s" in an Arabic source index from the shards it loads, as the whole index does', (query) => {
    const found = shardedSearch(buildSearchBundle(arabic, 'participant'), 'ar', query);
    expect(found.whole.length).toBeGreaterThan(0);
    expect(found.partial).toEqual(found.whole);
    expect(found.needed.length).toBeLessThan(found.total);
  });

  // French, as the builder makes a French index (the same pipeline a French source pack's has):
  // its search pipeline folds accents (état → etat), which lunr's English stemmer keeps.
  it.each([['état'], ["l'état civil"], ['déclarations tardives'], ['naiss'], ['enregist'], ['décla'], ['enregistrem'], ['declaraton']])('finds "%s" in a French index from the shards it loads, as the whole index does', (query) => {
    const found = shardedSearch(buildSearchBundle(project, 'participant', 'fr'), 'fr', query);
    expect(found.whole.length).toBeGreaterThan(0);
    expect(found.partial).toEqual(found.whole);
    expect(found.needed.length).toBeLessThan(found.total);
  });
});

describe('numbers with grouped digits', () => {
  // Each language's late-registration section prints a fee as that language groups its digits:
  // English and Arabic 10,000, French 10 000 (a narrow no-break space), as Intl.NumberFormat and
  // so <Param> write them. The French text's space became a plain one and lunr split the number
  // into "10" and "000"; a query split each at its separator: "10000" found neither.
  const numbers = mkdtempSync(join(tmpdir(), 'search-numbers-'));
  afterAll(() => rmSync(numbers, { recursive: true, force: true }));
  cpSync(root, numbers, { recursive: true });
  const fees = [
    ['content/sops/late-registration.mdx', 'the registrar asks for one supporting document.', ' A late fee of 10,000 [currency] is paid.'],
    ['content/fr/sops/late-registration.mdx', "l'officier de l'état civil demande une pièce justificative.", ' Des frais de retard de 10\u202f000 [monnaie] sont payés.'],
    ['content/ar/sops/late-registration.mdx', 'يطلب أمين السجل المدني وثيقة داعمة واحدة.', ' وتُدفع رسوم تأخير قدرها 10,000 [العملة].'],
  ] as const;
  for (const [file, sentence, fee] of fees) {
    const text = readFileSync(join(numbers, file), 'utf8');
    expect(text).toContain(sentence);
    writeFileSync(join(numbers, file), text.replace(sentence, sentence + fee));
  }
  const pack = loadProject(numbers);
  const late = { en: '/sops/late-registration/#late-registration', fr: '/fr/sops/late-registration/#late-registration', ar: '/ar/sops/late-registration/#late-registration' };

  it.each(Object.entries(late))('finds the fee however its digits are grouped (%s)', (lang, path) => {
    const bundle = buildSearchBundle(pack, 'participant', lang === 'en' ? undefined : lang);
    const plain = pageSearch(bundle, lang, '10000');
    expect(plain).toContain(path);
    for (const query of ['10,000', '10\u00a0000', '10\u202f000', '10 000', '١٠٬٠٠٠', '١٠٠٠٠', '۱۰٬۰۰۰']) {
      expect(pageSearch(bundle, lang, query), query).toEqual(plain);
      // The sharded index answers as the whole one.
      const found = shardedSearch(bundle, lang, query);
      expect(found.partial, query).toEqual(found.whole);
      expect(found.needed.length, query).toBeLessThan(found.total);
    }
  });

  it('indexes a number without its groups, a decimal or a section number as it is', () => {
    expect(joinDigitGroups('10,000 and 1,234,567.5; 6.1.2 and 0.01', 'en')).toBe('10000 and 1234567.5; 6.1.2 and 0.01');
    expect(joinDigitGroups('10\u202f000 et 2\u00a0500 ; 1,500 kg ; 0,01', 'fr')).toBe('10000 et 2500 ; 1,500 kg ; 0,01');
    expect(joinDigitGroups('١٠٬٠٠٠ و 10,000', 'ar')).toBe('١٠٠٠٠ و 10000');
    // German groups with a full stop, which a section number has: left as it is.
    expect(joinDigitGroups('1.000 und §6.100', 'de')).toBe('1.000 und §6.100');
    // Digits either side of a separator that are not groups: 2014, 2024 and 12,30.
    expect(joinDigitGroups('2014, 2024 and 12,30', 'en')).toBe('2014, 2024 and 12,30');
    expect(queryWords('1,000 records')).toEqual(['1,000', '1000', 'records']);
    expect(queryWords('frais de 1\u00a0000')).toEqual(['frais', 'de', '1000']);
    expect(queryWords('١٬٠٠٠')).toEqual(['1000']);
    // A comma between digits is a decimal comma (French 1,2), as the index holds it: one word.
    expect(queryWords('6.1, 6.2 and 1,2')).toEqual(['6.1', '6.2', 'and', '1,2']);
  });
});

describe('numbers written in Arabic-Indic or Persian digits', () => {
  // An Arabic page may write a number as ٤٥ (or Persian ۹۰), a phone may type 45 or ٤٥: lunr's
  // and lunr-languages' trimmers keep ASCII digits only, so the page's ٤٥ was indexed as an empty
  // term and neither spelling found it.
  const copy = mkdtempSync(join(tmpdir(), 'search-digits-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(root, copy, { recursive: true });
  const edits = [
    ['content/ar/sops/late-registration.mdx', 'جميع مكاتب السجل المدني.', ' تُحفظ الملفات ٤٥ يومًا ثم ۹۰ يومًا في الأرشيف، وفق البند ٧٫٣.'],
    ['content/fr/sops/late-registration.mdx', "Tous les bureaux de l'état civil.", ' Les dossiers sont gardés 45 jours, puis 90 jours aux archives (article 7.3).'],
  ] as const;
  for (const [file, sentence, added] of edits) {
    const text = readFileSync(join(copy, file), 'utf8');
    expect(text).toContain(sentence);
    writeFileSync(join(copy, file), text.replace(sentence, sentence + added));
  }
  const pack = loadProject(copy);

  it.each([['ar', 'النطاق'], ['fr', "Champ d'application"]])('finds the %s page\'s numbers typed in ASCII, Arabic-Indic or Persian digits', (lang, heading) => {
    const bundle = buildSearchBundle(pack, 'participant', lang);
    const scope = bundle.docs.find((d) => d.title.includes(heading))?.path;
    expect(scope).toBeDefined();
    for (const [query, ascii] of [['45', '45'], ['٤٥', '45'], ['۴۵', '45'], ['90', '90'], ['٩٠', '90'], ['۹۰', '90'], ['7.3', '7.3'], ['٧٫٣', '7.3'], ['۷٫۳', '7.3']] as const) {
      expect(pageSearch(bundle, lang, query), query).toContain(scope);
      expect(pageSearch(bundle, lang, query), query).toEqual(pageSearch(bundle, lang, ascii));
      // The sharded index (a French or Arabic source's) answers as the whole one.
      const found = shardedSearch(bundle, lang, query);
      expect(found.partial, query).toEqual(found.whole);
    }
  });
});

describe('numbers with a decimal comma', () => {
  // French writes 0,01 and 2,5: the index holds each as one term (lunr splits words at spaces and
  // hyphens only), but the query's 0,01 asked for 0 and 01, and found every page with a 01 (a
  // form's number, a date) instead.
  const copy = mkdtempSync(join(tmpdir(), 'search-decimals-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(root, copy, { recursive: true });
  const edits = [
    ['content/fr/sops/late-registration.mdx', "Tous les bureaux de l'état civil.", ' Un écart de 0,01 % du total est toléré, soit 2,5 actes par an.'],
    ['content/fr/sops/late-registration.mdx', "L'officier de l'état civil vérifie l'identité du déclarant.", ' Il remplit le formulaire 01 en 2 exemplaires, 0 rature.'],
  ] as const;
  for (const [file, sentence, added] of edits) {
    const text = readFileSync(join(copy, file), 'utf8');
    expect(text).toContain(sentence);
    writeFileSync(join(copy, file), text.replace(sentence, sentence + added));
  }
  const bundle = buildSearchBundle(loadProject(copy), 'participant', 'fr');
  const textOf = new Map(searchDocuments(loadProject(copy), 'participant', 'fr').map((d) => [d.path, `${d.title} ${d.text}`]));

  it('finds a French decimal as one number, not as its two pieces', () => {
    for (const query of ['0,01', '2,5', '0,01 %']) {
      const number = query.split(' ')[0] ?? '';
      const hits = pageSearch(bundle, 'fr', query);
      expect(hits.length, query).toBeGreaterThan(0);
      // Every hit prints the number: the form 01's section, with its 0 and 2, is none.
      expect(hits.filter((path) => !textOf.get(path)?.includes(number)), query).toEqual([]);
      const found = shardedSearch(bundle, 'fr', query);
      expect(found.partial, query).toEqual(found.whole);
    }
  });

  it('still reads a list typed with a comma and a space as its numbers, and English thousands as digits', () => {
    expect(queryWords('0,01 et 2,5')).toEqual(['0,01', 'et', '2,5']);
    expect(queryWords('§1, 2, 3')).toEqual(['1', '2', '3']);
    expect(queryWords('1,000 records')).toEqual(['1,000', '1000', 'records']);
    expect(queryWords('0,01, 1,5.')).toEqual(['0,01', '1,5']);
  });
});
