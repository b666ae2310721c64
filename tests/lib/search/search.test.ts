import lunr from 'lunr';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { searchDocuments, type SearchDoc } from '../../../src/lib/search/documents.ts';
import { markRuns } from '../../../src/lib/search/highlight.ts';
import { buildSearchBundle } from '../../../src/lib/search/index.ts';
import { lunrLanguage, nearShards, queryIndex, queryShards, queryWords } from '../../../src/lib/search/languages.ts';
import { workflowKey, workflowsIn, workflowTexts } from '../../../src/lib/search/workflow-texts.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { graphIn, workflowLabelsIn } from '../../../src/lib/translation/workflow-labels.ts';
import { getWorkflow } from '../../../src/lib/workflow/cache.ts';
import { procedureTable, stepRows } from '../../../src/lib/workflow/steps.ts';
import { DOCS_PER_FILE, SHARD_TARGET, docsFile, partialIndex, shardFiles, shardKey, type LunrJson, type SearchManifest, type TermShard } from '../../../src/lib/search/shards.ts';

const project = loadProject(join(import.meta.dirname, '../../fixtures/check/base'));

describe('search documents', () => {
  it('makes one document per numbered section, with the text up to the next heading', () => {
    const docs = searchDocuments(project, 'participant');
    const step = docs.find((d) => d.id === 'alpha#receive-the-declaration');
    expect(step).toMatchObject({ path: '/sops/alpha/#receive-the-declaration', title: 'SOP-FX-01 §6.1 Receive the declaration', context: 'Alpha registration' });
    // The SOP itself: its summary is its text, shown once as the excerpt; the context names the kind.
    const whole = docs.find((d) => d.id === 'alpha#');
    expect(whole?.context).toBe('Procedures');
    expect(whole?.text).not.toBe('');
    expect(step?.text).toContain('receives');
    expect(step?.text).not.toContain('Kept permanently');
    expect(docs.filter((d) => d.id.startsWith('alpha#')).length).toBe(1 + 12);
  });

  it('reads a <Param> as its value, as the page shows it', () => {
    const pack = loadProject(join(import.meta.dirname, '../../..'));
    const text = searchDocuments(pack, 'participant').find((d) => d.id.startsWith('appeals-grievances#') && d.text.includes('grievance focal point within'))?.text;
    expect(text).toMatch(/grievance focal point within 2 working days\./);
    expect(text).not.toContain('grievance-acknowledgement-time');
  });

  it('reads a self-closing <Term>, <Role> and <Form> as the page shows them: their words are searchable', () => {
    const pack = loadProject(join(import.meta.dirname, '../../..'));
    const docs = searchDocuments(pack, 'participant');
    // content/sops/death-registration.mdx: "An <Term id=\"unnatural-death\" /> is reported to the police..."
    const text = docs.find((d) => d.id.startsWith('death-registration#') && d.text.includes('is reported to the police or coroner'))?.text;
    expect(text).toMatch(/An unnatural death is reported to the police or coroner/);
    // The French translation reads its terms in French.
    const fr = searchDocuments(pack, 'participant', 'fr').filter((d) => d.id.startsWith('birth-registration#'));
    expect(fr.some((d) => / \. /.test(d.text))).toBe(false);
  });

  it('indexes glossary terms', () => {
    const docs = searchDocuments(project, 'participant');
    expect(docs.find((d) => d.id === 'glossary#informant')?.path).toBe('/glossary/#informant');
  });
});

describe('step tables in the search index', () => {
  const pack = loadProject(join(import.meta.dirname, '../../..'));
  type Sop = (typeof pack.sops)[number];

  /** The search document of the numbered section an SOP's `<StepTable workflow>` stands in, as its page shows it. */
  const sectionOf = (docs: SearchDoc[], sop: Sop, workflow: string): SearchDoc | undefined => {
    let number: string | undefined;
    for (const node of sop.tree!.children) {
      const section = node.type === 'heading' ? (node.data as { section?: { number: string } } | undefined)?.section : undefined;
      if (section) number = section.number;
      else if (number && workflowsIn(node, 'StepTable').includes(workflow)) return docs.find((d) => d.id.startsWith(`${sop.id}#`) && d.title.startsWith(`${sop.data!.code} §${number} `));
    }
    return undefined;
  };

  it.each([undefined, 'fr', 'ar'])('reads an SOP’s <StepTable> into its section, as the page shows it: step titles, roles, time limits (%s)', async (lang) => {
    // The table is made from the machine, not written in the SOP: its words were in no document.
    const texts = await workflowTexts(pack, lang);
    const docs = searchDocuments(pack, 'participant', lang, texts);
    const bare = searchDocuments(pack, 'participant', lang);
    const view = projectIn(pack, lang ?? 'en');
    let checked = 0;
    for (const sop of view.sops) {
      if (!sop.tree || !sop.data || (lang && sop.data.language !== lang)) continue;
      for (const workflow of workflowsIn(sop.tree, 'StepTable')) {
        // The rows as StepTable.astro makes them, in the page's language.
        const rows = procedureTable(stepRows(graphIn(await getWorkflow(pack.root, workflow), workflowLabelsIn(pack, lang, workflow), lang), (r) => view.roles.find((x) => x.id === r)?.title));
        const section = sectionOf(docs, sop, workflow);
        expect(section, `${sop.id} ${workflow}`).toBeDefined();
        const shown = rows.filter((r) => r.kind !== 'final').flatMap((r) => [r.title, r.roleTitle, r.sla]).filter((w): w is string => !!w);
        for (const words of shown) expect(section!.text, `${sop.id} ${workflow}`).toContain(words);
        // Without the tables (a caller that does not load the machines), the section lacks some of them.
        expect(shown.some((words) => !sectionOf(bare, sop, workflow)!.text.includes(words)), `${sop.id} ${workflow}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(lang ? 0 : 5);
  });

  it.each([undefined, 'ar'])('finds the section of an SOP’s procedure table by a word only the table has (%s)', async (lang) => {
    const texts = await workflowTexts(pack, lang);
    const language = lang ?? 'en';
    const withTables = buildSearchBundle(pack, 'participant', lang, texts);
    const index = lunr.Index.load(withTables.index as object);
    const bare = lunr.Index.load(buildSearchBundle(pack, 'participant', lang).index as object);
    const docs = searchDocuments(pack, 'participant', lang, texts);
    // The words of a table that no page's text has (the index without the tables finds nothing
    // for them) and are not stop words (the index with them finds something).
    const onlyIn = (id: string) => queryWords(texts.get(workflowKey(language, id))!.text).filter((w) => queryIndex(bare, [w], language).length === 0 && queryIndex(index, [w], language).length > 0);
    // The first SOP of the language whose table has such words: the birth registration's in
    // English. In Arabic it was the birth registration's too while death registration was not
    // translated: the one word only its table had, «معاد» (returned), is the Arabic death SOP's
    // own since then (6.5, "or returned"), so the SOP is found, not named.
    const view = projectIn(pack, language);
    const ids = ['birth-registration', ...view.sops.map((s) => s.id).filter((id) => id !== 'birth-registration')];
    const id = ids.find((x) => {
      const s = view.sops.find((v) => v.id === x && (lang ? v.data?.language === lang : !v.data?.language || v.data.language === 'en'));
      return s?.data?.workflow === x && texts.has(workflowKey(language, x)) && onlyIn(x).length > 0;
    }) ?? 'birth-registration';
    const sop = view.sops.find((s) => s.id === id)!;
    const section = sectionOf(docs, sop, id)!;
    const only = onlyIn(id);
    expect(only.length, language).toBeGreaterThan(0);
    for (const word of only) expect(queryIndex(index, [word], language).map((r) => withTables.docs[Number(r.ref)]!.path), word).toContain(section.path);
  });
});

describe('search text of tables and lists', () => {
  const pack = loadProject(join(import.meta.dirname, '../../..'));
  const bundles = Object.fromEntries(['en', 'fr', 'ar'].map((lang) => [lang, buildSearchBundle(pack, 'participant', lang)]));
  const excerpt = (lang: string, path: string) => bundles[lang]?.docs.find((d) => d.path === path)?.excerpt;
  const found = (lang: string, word: string) => {
    lunrLanguage(lang);
    const bundle = bundles[lang];
    return lunr.Index.load(bundle?.index as object).search(word).map((r) => bundle?.docs[Number(r.ref)]?.path);
  };

  it('separates table cells, rows and list items with a space in every language, as the page shows them apart', () => {
    // Cells and rows ran together: "RecordWhere keptRetentionRegister entry…", "documentlieu de conservationdurée…".
    // The excerpt shows a table's rows without its header, the cells set apart by " · ": it
    // read "Record Where kept Retention Register entry…", column names run into the first row.
    expect(excerpt('en', '/sops/civil-status-correction/#records-and-retention')).toMatch(/^Register entry with its marginal annotations · Register volume and electronic register · permanently · Case file/);
    expect(excerpt('fr', '/fr/sops/birth-registration/#records-and-retention')).toMatch(/^Registre des naissances \(actes et signatures\) · Centre d'état civil/);
    expect(excerpt('ar', '/ar/sops/birth-registration/#records-and-retention')).toMatch(/^سجل المواليد/);
    expect(excerpt('en', '/sops/proof-of-nationality/#fraud-risks-and-controls')).toMatch(/^Forged parental documents · A parent's nationality certificate/);
    // The column names are still words of the section: the index reads the header row.
    for (const [lang, word, path] of [['en', 'kept', '/sops/civil-status-correction/#records-and-retention'], ['fr', 'conservation', '/fr/sops/birth-registration/#records-and-retention']] as const) {
      expect(found(lang, word), word).toContain(path);
      expect(excerpt(lang, path), word).not.toContain(word);
    }
    // Text before a table is the excerpt's start, as it was.
    expect(excerpt('en', '/sops/proof-of-nationality/#records-and-retention')).toMatch(/^Periods are parameters on the country profile; the country sets them in the \[National Archives Act, year\] and its records schedule\. Register of nationality/);
    // List items: "…the supervisor's approval.Enter the death", "…sans ombres.Prenez une photographie".
    expect(excerpt('en', '/sops/death-registration/#register-the-death-and-issue-the-burial-permit')).toContain("the supervisor's approval. Enter the death");
    expect(excerpt('fr', '/fr/sops/national-id-enrolment/#photograph')).toContain('sans ombres. Prenez une photographie');
  });

  it('reads Arabic-Indic digits as the digits the pages print: "٣٠" finds what "30" finds', () => {
    // An Arabic phone keyboard types ٣٠; the Arabic pages (and the English source's) print 30.
    const pageSearch = (lang: string, query: string) => {
      lunrLanguage(lang);
      const bundle = bundles[lang];
      return queryIndex(lunr.Index.load(bundle?.index as object), queryWords(query)).map((r) => bundle?.docs[Number(r.ref)]?.path);
    };
    for (const lang of ['ar', 'en']) {
      const ascii = pageSearch(lang, '30');
      expect(ascii.length, lang).toBeGreaterThan(0);
      expect(pageSearch(lang, '٣٠'), lang).toEqual(ascii);
      expect(pageSearch(lang, '۳۰'), lang).toEqual(ascii);
    }
  });

  it('finds a number of the pages however the reader groups its digits: "1000", "1,000", "1 000", "١٬٠٠٠"', () => {
    // SOP-DQ-01 prints "Corrections per 1,000 records", SOP-DP-01 "an export of 2,300 records":
    // the query's "1,000" was "1" and "000", which found every "§1" first, and "1000" found neither.
    const bundle = bundles.en;
    const paths = (query: string) => queryIndex(lunr.Index.load(bundle?.index as object), queryWords(query), 'en').map((r) => bundle?.docs[Number(r.ref)]?.path);
    const files = shardFiles(JSON.parse(JSON.stringify(bundle?.index)) as LunrJson, bundle?.docs ?? []);
    const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as SearchManifest;
    const docs = searchDocuments(pack, 'participant');
    for (const [number, grouped] of [['1000', '1,000'], ['2300', '2,300']] as const) {
      const printed = docs.filter((d) => d.text.includes(`${grouped} records`)).map((d) => d.path);
      expect(printed.length, grouped).toBeGreaterThan(0);
      const plain = paths(number);
      expect(plain.slice(0, printed.length).sort(), number).toEqual([...printed].sort());
      const [head, tail] = grouped.split(',');
      for (const query of [grouped, `${head}\u00a0${tail}`, `${head}\u202f${tail}`, `${head} ${tail}`, `${head}\u066c${tail}`, [...grouped].map((c) => (/\d/.test(c) ? String.fromCodePoint(0x660 + Number(c)) : '\u066c')).join('')]) {
        expect(paths(query), query).toEqual(plain);
        // The shards the query loads answer as the whole index.
        const words = queryWords(query);
        const shards = queryShards(manifest, words, 'en').map((f) => JSON.parse(files.get(f) ?? '[]') as TermShard);
        const partial = queryIndex(lunr.Index.load({ ...partialIndex(manifest, shards), version: lunr.version }), words, 'en');
        expect(partial.map((r) => bundle?.docs[Number(r.ref)]?.path), query).toEqual(plain);
      }
    }
  });

  it('finds an SOP by its code typed without its hyphen or with a space: "cr03", "CR 03"', () => {
    // lunr splits "SOP-CR-03" at its hyphens; "cr03" was one word the index does not hold.
    const titles = (lang: string, query: string) => {
      lunrLanguage(lang);
      const bundle = bundles[lang];
      return queryIndex(lunr.Index.load(bundle?.index as object), queryWords(query), lang).map((r) => bundle?.docs[Number(r.ref)]?.title);
    };
    for (const query of ['cr03', 'CR03', 'cr 03', 'sop-cr03', 'SOP-CR-03', 'cr٠٣']) expect(titles('en', query)[0], query).toMatch(/^SOP-CR-03 /);
    for (const lang of ['fr', 'ar']) {
      expect(titles(lang, 'cr01')[0], lang).toMatch(/^SOP-CR-01 /);
      expect(titles(lang, 'cr01'), lang).toEqual(titles(lang, 'cr 01'));
    }
    expect(titles('en', 'cr03')).toEqual(titles('en', 'cr 03'));
    expect(queryWords('CR03 covid19')).toEqual(['cr03', 'cr', '03', 'covid19', 'covid', '19']);
  });

  it('finds an SOP by its whole code typed run together, as its parts with spaces: "sopcr03" as "sop cr 03"', () => {
    // lunr holds "SOP-CR-03" as "sop", "cr", "03": "sopcr03" asked "sopcr", no word of the index,
    // and "03", which ranked every SOP-XX-03 and form 03 alike.
    const results = (lang: string, query: string) => {
      lunrLanguage(lang);
      const bundle = bundles[lang];
      // Hits of equal score in title order: lunr leaves ties in the order its clauses first met
      // them, which differs between the two queries (the module sessions made two sections tie).
      return queryIndex(lunr.Index.load(bundle?.index as object), queryWords(query), lang)
        .map((r) => [bundle?.docs[Number(r.ref)]?.title ?? '', r.score.toFixed(6)] as const)
        .sort((a, b) => Number(b[1]) - Number(a[1]) || a[0].localeCompare(b[0]));
    };
    for (const [joined, spaced] of [['sopcr03', 'sop cr 03'], ['SOPCR03', 'SOP CR 03'], ['sopgen01', 'sop gen 01'], ['sopcr٠٣', 'sop cr 03']] as const) {
      expect(results('en', joined)[0]?.[0], joined).toMatch(new RegExp(`^${spaced.replace(/ /g, '-').toUpperCase()} `));
      expect(results('en', joined), joined).toEqual(results('en', spaced));
    }
    for (const lang of ['fr', 'ar']) {
      expect(results(lang, 'sopcr01')[0]?.[0], lang).toMatch(/^SOP-CR-01 /);
      expect(results(lang, 'sopcr01'), lang).toEqual(results(lang, 'sop cr 01'));
    }
    // Letters that are a word of the index are not split, though "finger" and "print" are words too.
    expect(results('en', 'finger').length).toBeGreaterThan(0);
    expect(results('en', 'print').length).toBeGreaterThan(0);
    const titlesOf = (query: string) => new Set(results('en', query).map(([title]) => title));
    const fingerprint = titlesOf('fingerprint 1');
    expect([...titlesOf('finger print 1')].filter((t) => !fingerprint.has(t)).length).toBeGreaterThan(0);
    expect([...titlesOf('fingerprint1')].filter((t) => !fingerprint.has(t))).toEqual([]);
    // A word without digits is never split: "sopcr" is no code, and "sop" stays itself.
    expect(queryWords('sopcr soprano')).toEqual(['sopcr', 'soprano']);
    expect(results('en', 'sopcr')).toEqual([]);
  });

  it('drops an Arabic stop word written with hamza on its alef as lunr.ar drops it without: "إلى" as "الى"', () => {
    // lunr.ar lists "الى", "ان", "او": the index held "إلى" and a query's "إلى" found 23 sections.
    const pageSearch = (query: string) => {
      lunrLanguage('ar');
      const bundle = bundles.ar;
      return queryIndex(lunr.Index.load(bundle?.index as object), queryWords(query), 'ar').map((r) => bundle?.docs[Number(r.ref)]?.path);
    };
    // A section whose title has "إلى": found by its other words, not by the stop word.
    const referral = bundles.ar?.docs.find((d) => d.title.includes('إلى وحدة النزاهة'))?.path;
    expect(referral).toBeDefined();
    expect(pageSearch('النزاهة')).toContain(referral);
    for (const [hamza, plain] of [['إلى', 'الى'], ['أن', 'ان'], ['إن', 'ان'], ['أو', 'او'], ['إذا', 'اذا']] as const) {
      expect(pageSearch(hamza), hamza).not.toContain(referral);
      expect(pageSearch(hamza), hamza).toEqual(pageSearch(plain));
    }
    expect(pageSearch('إحالة إلى وحدة النزاهة')[0]).toBe(referral);
  });

  it('indexes the words of adjacent cells and items as words: each finds its section, and no term glues two', () => {
    // Each word was indexed only glued to its neighbour ("staff collusion" after a cell ending
    // "…stock", "no shadows." before "Take…"), so a search for it missed the section.
    expect(found('en', 'collusion')).toContain('/sops/birth-registration/#fraud-risks-and-controls');
    expect(found('en', 'shadows')).toContain('/sops/national-id-enrolment/#photograph');
    expect(found('fr', 'ombres')).toContain('/fr/sops/national-id-enrolment/#photograph');
    expect(found('ar', 'تواطؤ')).toContain('/ar/sops/birth-registration/#fraud-risks-and-controls');
    for (const [lang, bundle] of Object.entries(bundles)) {
      const terms = (bundle.index as LunrJson).invertedIndex.map(([term]) => term);
      // A letter, the end of a sentence, cell or item, then a word: two units read as one term.
      expect(terms.filter((t) => /\p{L}[.;:!?)\]»؟،؛]\p{L}{2}/u.test(t)), lang).toEqual([]);
      expect(terms.filter((t) => t.startsWith('recordwher')), lang).toEqual([]);
    }
  });

  it('marks in a hit the words its query found, in their language: a typo and a plural too, never a stop word', () => {
    /** The marked words of the first hit of a query whose title or excerpt has any, by path. */
    const marked = (lang: string, query: string) => {
      lunrLanguage(lang);
      const bundle = bundles[lang]!;
      const index = lunr.Index.load(bundle.index as object);
      const hits = queryIndex(index, queryWords(query), lang).map((r) => {
        const doc = bundle.docs[Number(r.ref)]!;
        const terms = new Set(Object.keys(r.matchData.metadata));
        const words = [doc.title, doc.excerpt].flatMap((text) => markRuns(text, terms, lang).filter((run) => run.mark).map((run) => run.text));
        // The runs give the text back whole.
        expect(markRuns(doc.excerpt, terms, lang).map((run) => run.text).join('')).toBe(doc.excerpt);
        return { path: doc.path, words };
      });
      expect(hits.length, query).toBeGreaterThan(0);
      return hits;
    };
    const en = marked('en', 'witness');
    expect(en.find((h) => h.path === '/glossary/#introducer')?.words).toEqual(['witness']);
    // Only the word found, in any form the index reads as it ("Witnesses"), and nothing else.
    const onlyWitness = (hits: { words: string[] }[]) => hits.flatMap((h) => h.words).filter((w) => !/^witness(es)?$/i.test(w));
    expect(en.filter((h) => h.words.length).length).toBeGreaterThanOrEqual(2);
    expect(onlyWitness(en)).toEqual([]);
    // A typo finds the word through its term, and the word as the text writes it is marked.
    const typo = marked('en', 'certifcate');
    expect(typo.some((h) => h.words.some((w) => /^certificates?$/i.test(w)))).toBe(true);
    // What the near spellings found is marked too ("certified", "certify": their term, certifi, is near the typo too).
    expect(typo.flatMap((h) => h.words).filter((w) => !/^certif/i.test(w))).toEqual([]);
    // A stop word of the query is no term: only the other word is marked.
    const withThe = marked('en', 'the witness');
    expect(withThe.filter((h) => h.words.length).length).toBeGreaterThanOrEqual(2);
    expect(onlyWitness(withThe)).toEqual([]);
    // French, with its elisions: "l'acte" is marked for "acte"; Arabic, by its stemmer.
    const fr = marked('fr', 'acte').flatMap((h) => h.words);
    expect(fr.length).toBeGreaterThan(0);
    expect(fr.every((w) => /(^|['’])actes?$/i.test(w)), fr.join(' | ')).toBe(true);
    const ar = marked('ar', 'شاهد').flatMap((h) => h.words);
    expect(ar.length).toBeGreaterThan(0);
  });
});

describe('words that find nothing as typed', () => {
  const pack = loadProject(join(import.meta.dirname, '../../..'));
  const bundles = Object.fromEntries(['en', 'fr', 'ar'].map((lang) => [lang, buildSearchBundle(pack, 'participant', lang)]));
  const results = (lang: string, query: string) => {
    lunrLanguage(lang);
    return queryIndex(lunr.Index.load(bundles[lang]?.index as object), queryWords(query), lang);
  };
  const paths = (lang: string, query: string) => results(lang, query).map((r) => bundles[lang]?.docs[Number(r.ref)]?.path);

  it('finds with one typo what the word finds, for a word of five letters or more', () => {
    // "certifcate", "registraton", "witnes" found nothing.
    for (const [typo, word] of [['certifcate', 'certificate'], ['registraton', 'registration'], ['witnes', 'witness'], ['Regsitration', 'registration']] as const) {
      const whole = paths('en', word);
      expect(whole.length, word).toBeGreaterThan(0);
      expect(paths('en', typo), typo).toEqual(expect.arrayContaining(whole));
    }
  });

  it('weighs a word found by its near spelling below a word found as typed', () => {
    // D has "registration" and not "informant", I the reverse: beside "informant", D counts less
    // when the reader's "registration" is a typo. (lunr divides by the query's length, so the
    // scores of a one-word query do not tell.)
    const informant = paths('en', 'informant');
    const registration = paths('en', 'registration');
    const d = registration.find((p) => !informant.includes(p));
    const i = informant.find((p) => !registration.includes(p));
    const score = (query: string, path: string | undefined) => results('en', query).find((r) => bundles.en?.docs[Number(r.ref)]?.path === path)?.score ?? 0;
    const ratio = (query: string) => score(query, d) / score(query, i);
    expect(ratio('informant registration')).toBeGreaterThan(0);
    expect(ratio('informant registraton')).toBeGreaterThan(0);
    expect(ratio('informant registraton')).toBeLessThan(ratio('informant registration') / 5);
  });

  it('finds with a typo in its first letters what the word finds, in an index loaded whole', () => {
    // The near terms kept the first two letters, the key of a shard: "qéclaration" found nothing in
    // the French index, which the search page then loaded whole and so held "declar" already (it
    // is sharded now: the shards test below asks the same of the files the page loads).
    for (const [lang, typo, word] of [['fr', 'qéclaration', 'déclaration'], ['fr', 'baissance', 'naissance'], ['fr', 'cérifier', 'vérifier'], ['ar', 'ثسجيل', 'تسجيل'], ['ar', 'الثسجيل', 'التسجيل'], ['ar', 'سهادة', 'شهادة']] as const) {
      const whole = paths(lang, word);
      expect(whole.length, word).toBeGreaterThan(0);
      expect(paths(lang, typo), typo).toEqual(expect.arrayContaining(whole));
    }
    // Below the hits of a word found as typed, as a near spelling in its shard is.
    const naissance = paths('fr', 'naissance');
    const declaration = paths('fr', 'déclaration');
    const d = declaration.find((p) => !naissance.includes(p));
    const n = naissance.find((p) => !declaration.includes(p));
    const score = (query: string, path: string | undefined) => results('fr', query).find((r) => bundles.fr?.docs[Number(r.ref)]?.path === path)?.score ?? 0;
    const ratio = (query: string) => score(query, d) / score(query, n);
    expect(ratio('naissance qéclaration')).toBeGreaterThan(0);
    expect(ratio('naissance qéclaration')).toBeLessThan(ratio('naissance déclaration') / 5);
    // Still one edit: two wrong first letters find nothing.
    expect(paths('fr', 'qzclaration')).toEqual([]);
  });

  it('corrects no short word: "fomr" is not "form"', () => {
    expect(paths('en', 'form').length).toBeGreaterThan(0);
    expect(paths('en', 'fomr')).toEqual([]);
  });

  it('finds from a French word start typed past its stem what the whole word finds', () => {
    // "enregistrem" found nothing: the index holds "enregistr", the stem of "enregistrement".
    for (const start of ['enregistrem', 'enregistreme', 'Enregistrements']) {
      const whole = paths('fr', 'enregistrement');
      expect(whole.length).toBeGreaterThan(0);
      expect(paths('fr', start), start).toEqual(expect.arrayContaining(whole));
    }
  });
});

describe('search bundle', () => {
  it('finds a section by words of its text and ranks the titled section first', () => {
    const bundle = buildSearchBundle(project, 'participant');
    const index = lunr.Index.load(bundle.index as object);
    const hits = index.search('retention').map((r) => bundle.docs[Number(r.ref)]?.title);
    expect(hits[0]).toBe('SOP-FX-01 §7 Records and retention');
    expect(hits).toContain('SOP-FX-02 §7 Records and retention');
  });

  it('survives a JSON round trip, as the site serves it', () => {
    const bundle = JSON.parse(JSON.stringify(buildSearchBundle(project, 'participant'))) as ReturnType<typeof buildSearchBundle>;
    const index = lunr.Index.load(bundle.index as object);
    expect(index.search('declaration').length).toBeGreaterThan(0);
  });
});

/** The search page's query of a sharded index: the shards of the words, then those of a typo's near spellings (src/scripts/search/search.ts). */
function sharded(files: Map<string, string>, manifest: SearchManifest, words: readonly string[], lang: string) {
  const load = (names: readonly string[]) => lunr.Index.load({ ...partialIndex(manifest, names.map((f) => JSON.parse(files.get(f) ?? '[]') as TermShard)), version: lunr.version });
  const first = queryShards(manifest, words, lang);
  const needed = [...new Set([...first, ...nearShards(load(first), manifest, words, lang)])];
  return { needed, partial: queryIndex(load(needed), words, lang) };
}

describe('search shards', () => {
  const bundle = JSON.parse(JSON.stringify(buildSearchBundle(project, 'participant'))) as ReturnType<typeof buildSearchBundle>;
  const files = shardFiles(bundle.index as LunrJson, bundle.docs);
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as SearchManifest;
  // The search page's own query (src/scripts/search/search.ts).
  const query = queryIndex;

  it.each([['retention'], ['declaration', 'late'], ['r'], ['registrar', 'witness'], ['informant'], ['registraton'], ['registrar', 'witnes'], ['declaraton', 'late'], ['retenton'], ['declaration', 'etention'], ['sopfx01', 'sopfx', '01']])('answers %s from the shards it loads exactly as the whole index', (...words) => {
    const whole = query(lunr.Index.load(bundle.index), words);
    const { needed, partial } = sharded(files, manifest, words, 'en');
    expect(needed.length).toBeLessThan(Object.keys(manifest.shards).length);
    expect(whole.length).toBeGreaterThan(0);
    expect(partial.map((r) => [r.ref, r.score.toFixed(6)])).toEqual(whole.map((r) => [r.ref, r.score.toFixed(6)]));
  });

  it('corrects a typo in a word\'s first two letters from the shards it loads exactly as the whole index, in every language', () => {
    // The near spellings kept the first two letters, the key of a shard: "tegistration" found
    // nothing from the shards while the same index loaded whole found "registration".
    const pack = loadProject(join(import.meta.dirname, '../../..'));
    const cases = [
      ['en', 'registration', ['tegistration', 'egistration']],
      ['en', 'certificate', ['ertificate', 'cretificate']],
      ['fr', 'déclaration', ['qéclaration', 'éclaration']],
      ['fr', 'naissance', ['baissance']],
      ['ar', 'تسجيل', ['ثسجيل', 'الثسجيل']],
      ['ar', 'شهادة', ['سهادة']],
    ] as const;
    for (const [lang, word, typos] of cases) {
      lunrLanguage(lang);
      const b = JSON.parse(JSON.stringify(buildSearchBundle(pack, 'participant', lang))) as ReturnType<typeof buildSearchBundle>;
      const f = shardFiles(b.index as LunrJson, b.docs);
      const m = JSON.parse(f.get('manifest.json') ?? '{}') as SearchManifest;
      const refs = (found: lunr.Index.Result[]) => found.map((r) => [r.ref, r.score.toFixed(6)]);
      const right = queryIndex(lunr.Index.load(b.index), [word], lang).map((r) => r.ref);
      expect(right.length, word).toBeGreaterThan(0);
      for (const typo of typos) {
        const whole = queryIndex(lunr.Index.load(b.index), queryWords(typo), lang);
        // The whole index corrects it: the typo finds what the word finds.
        expect(whole.map((r) => r.ref), typo).toEqual(expect.arrayContaining(right));
        const { needed, partial } = sharded(f, m, queryWords(typo), lang);
        expect(refs(partial), `${lang} ${typo}`).toEqual(refs(whole));
        // Not the whole index: the shards a typo can reach.
        expect(needed.length, typo).toBeLessThan(Object.keys(m.shards).length);
      }
      // A word found as typed loads no more than before.
      expect(sharded(f, m, [word], lang).needed).toEqual(queryShards(m, [word], lang));
    }
  });

  it('puts every hit in its snippet file', () => {
    bundle.docs.forEach((doc, ref) => {
      const chunk = JSON.parse(files.get(docsFile(ref)) ?? '[]') as unknown[];
      expect(chunk[ref % DOCS_PER_FILE]).toEqual(doc);
    });
  });
});

describe("search shards of a translated locale's index", () => {
  // A translated locale's index is served as files too (`/<lang>/search-index/`): the French one
  // of the sample pack, its four modules translated, was one file of 150 kB gzipped that a French
  // reader downloaded whole before a first answer. Its shards are made by the same `shardFiles`
  // and read through the manifest's pipeline, the language's own (accent folding, elision,
  // the Arabic article and letters): a query answers from the shards the page loads exactly as
  // from the whole index, typos, stop words and Arabic-Indic digits included.
  const pack = loadProject(join(import.meta.dirname, '../../..'));
  const cases = {
    fr: ['enregistrement tardif', 'séance 3', 'Séance 3', 'certificat de décès', "l'acte de naissance", 'déclaration tardive', 'declaraton', 'enregistremnt tardif', 'le', 'la séance', 'décla', 'séance ٣'],
    ar: ['التسجيل المتأخر', 'شهادة الوفاة', 'الجلسة ٣', 'الجلسة 3', 'ثسجيل', 'إلى المحكمة', 'في', 'شهاده الوفاه', 'التسج'],
  } as const;
  for (const [lang, queries] of Object.entries(cases)) {
    it(`answers ${lang} queries from the shards it loads exactly as the whole index`, async () => {
      lunrLanguage(lang);
      const b = JSON.parse(JSON.stringify(buildSearchBundle(pack, 'participant', lang, await workflowTexts(pack, lang)))) as ReturnType<typeof buildSearchBundle>;
      const f = shardFiles(b.index as LunrJson, b.docs);
      const m = JSON.parse(f.get('manifest.json') ?? '{}') as SearchManifest;
      const shardCount = new Set(Object.values(m.shards)).size;
      // The manifest names the language's pipeline: the island registers it from the manifest alone.
      expect(m.pipeline).toContain(`stemmer-${lang}`);
      const refs = (found: lunr.Index.Result[]) => found.map((r) => [r.ref, r.score.toFixed(6)]);
      let answered = 0;
      for (const query of queries) {
        const words = queryWords(query);
        const whole = queryIndex(lunr.Index.load(b.index), words, lang);
        const { needed, partial } = sharded(f, m, words, lang);
        expect(refs(partial), `${lang} "${query}"`).toEqual(refs(whole));
        expect(needed.length, `${lang} "${query}"`).toBeLessThan(shardCount);
        // Every hit shown is in the snippet file the page fetches for it.
        for (const r of partial.slice(0, 30)) expect(JSON.parse(f.get(docsFile(Number(r.ref))) ?? '[]')[Number(r.ref) % DOCS_PER_FILE]).toEqual(b.docs[Number(r.ref)]);
        if (whole.length) answered++;
      }
      // The stop words alone find nothing; every other query finds something.
      expect(queryIndex(lunr.Index.load(b.index), queryWords(lang === 'fr' ? 'le' : 'في'), lang)).toEqual([]);
      expect(answered).toBe(queries.length - 1);
    });
  }

  it('puts neighbouring small prefixes in one file, so saving the pack offline fetches tens of files, not hundreds', async () => {
    // One file per two-letter prefix made the sample pack's English, French and Arabic indexes
    // 324, 278 and 430 term files of a few hundred bytes each (the Arabic median 92 bytes), all
    // fetched one by one by "Save for offline use".
    for (const lang of ['en', 'fr', 'ar']) {
      lunrLanguage(lang);
      const b = JSON.parse(JSON.stringify(buildSearchBundle(pack, 'participant', lang, await workflowTexts(pack, lang)))) as ReturnType<typeof buildSearchBundle>;
      const f = shardFiles(b.index as LunrJson, b.docs);
      const m = JSON.parse(f.get('manifest.json') ?? '{}') as SearchManifest;
      const termFiles = [...f.keys()].filter((name) => name.startsWith('t-'));
      expect(new Set(Object.values(m.shards)).size, lang).toBe(termFiles.length);
      expect(termFiles.length, lang).toBeLessThan(Object.keys(m.shards).length / 2);
      const rows = termFiles.map((name) => JSON.parse(f.get(name) ?? '[]') as TermShard);
      rows.forEach((shard, i) => {
        const keys = [...new Set(shard.map(([term]) => shardKey(term)))];
        // Every term is in the file its prefix names, and a file is over the target only when it is one prefix.
        for (const [term] of shard) expect(m.shards[shardKey(term)], term).toBe(`t-${i}.json`);
        if (keys.length > 1) expect((f.get(`t-${i}.json`) ?? '').length, `${lang} t-${i}`).toBeLessThanOrEqual(SHARD_TARGET);
        // The next file starts where this one had no room for its first prefix.
        const next = rows[i + 1];
        if (next) {
          const first = next.filter(([term]) => shardKey(term) === shardKey(next[0]![0]));
          expect(JSON.stringify([...shard, ...first]).length, `${lang} t-${i}`).toBeGreaterThan(SHARD_TARGET);
        }
      });
    }
  });
});
