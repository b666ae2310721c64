import lunr from 'lunr';
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { colon, t } from '../../../src/i18n/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import type { SiteEdition } from '../../../src/lib/edition.ts';
import { searchDocuments } from '../../../src/lib/search/documents.ts';
import { hitKind, kindLabels, shownHit } from '../../../src/lib/search/hits.ts';
import { buildSearchBundle } from '../../../src/lib/search/index.ts';
import { workflowKey, workflowTexts, jobAidWorkflows } from '../../../src/lib/search/workflow-texts.ts';
import { lunrLanguage, nearShards, queryIndex, queryShards, queryWords } from '../../../src/lib/search/languages.ts';
import { partialIndex, shardFiles, type LunrJson, type SearchManifest, type TermShard } from '../../../src/lib/search/shards.ts';
import { readerHits, SHOWN } from '../../../src/lib/search/reader.ts';
import type { ModuleDoc } from '../../../src/lib/training/modules.ts';
import { annotateOutline, trainingAnchors } from '../../../src/lib/training/outline.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { packWithout } from '../translation/pack-without.ts';

// The model pack: four modules, all translated into French and into Arabic. A test whose premise
// is a module shown in English on the Arabic site reads `noArabicM4`, a copy of the pack without
// M4's (data-quality-fraud-protection) Arabic file.
const root = join(import.meta.dirname, '../../..');
const project = loadProject(root);
const noArabicM4 = loadProject(packWithout('content/ar/modules/data-quality-fraud-protection.mdx'));
const langs = [undefined, 'fr', 'ar'] as const;
const M1 = 'legal-identity-foundations';
const M2 = 'civil-registration-births-deaths';
const M3 = 'national-id-enrolment-module';
const M4 = 'data-quality-fraud-protection';
const module = (id: string, lang?: string): ModuleDoc => {
  const all = lang ? (project.translations[lang]?.modules ?? []) : project.modules;
  const found = all.find((m) => m.id === id);
  if (!found?.tree || !found.data) throw new Error(`no module ${id} (${lang ?? 'source'})`);
  return found;
};

/**
 * A sentence of a module's source inside the first component of that name: the first of a
 * paragraph of plain text (no component or markup in it, so the index reads it as the source
 * writes it) of 40 characters or more.
 */
function sentenceIn(mod: ModuleDoc, component: string): string {
  let found: string | undefined;
  visit(mod.tree!, (node) => {
    const n = node as RootContent;
    if (found || n.type !== 'mdxJsxFlowElement' || n.name !== component) return;
    visit(n, 'paragraph', (p: Paragraph) => {
      if (found || !p.children.every((c) => c.type === 'text')) return;
      const sentence = /^.{40,}?[.!?](?=\s|$)/su.exec(oneSpace(toString(p)))?.[0];
      if (sentence) found = sentence;
    });
  });
  if (!found) throw new Error(`no plain sentence in a <${component}> of ${mod.file}`);
  return found;
}

// Every kind of space as one plain space: the index keeps a French text's no-break spaces (before
// « ; : ? », as the page prints them), the source has plain ones.
const oneSpace = (text: string) => text.replace(/\s+/g, ' ').trim();
const allText = (edition: SiteEdition) => oneSpace(langs.flatMap((lang) => searchDocuments(project, edition, lang)).map((d) => `${d.title} ${d.text} ${d.context}`).join('\n'));

describe('training modules in the search index', () => {
  it('has each module whole, under the word for training, and each session, linked to its heading', () => {
    const docs = searchDocuments(project, 'participant');
    for (const mod of project.modules) {
      const data = mod.data!;
      const whole = docs.find((d) => d.path === `/modules/${mod.id}/`);
      expect(whole, mod.id).toMatchObject({ title: `${data.code} ${data.title}`, context: t(kindLabels.module, 'en') });
      // Its summary is the excerpt, its objectives are searchable.
      expect(whole!.text.startsWith(data.summary)).toBe(true);
      expect(whole!.text).toContain(data.objectives.at(-1)!.text);
      const sessions = docs.filter((d) => d.path.startsWith(`/modules/${mod.id}/#session-`));
      expect(sessions.map((d) => [d.path, d.title, d.context])).toEqual(mod.outline.sessions.map((s) => [`/modules/${mod.id}/#session-${s.n}`, `${data.code} Session ${s.n} · ${s.title}`, data.title]));
      expect(sessions.every((d) => d.text.length > 0)).toBe(true);
    }
  });

  it('reads a slide by its title in its session, and heads an activity or a handout as the page does', () => {
    const mod = module('civil-registration-births-deaths');
    const session = mod.outline.sessions.find((s) => s.handouts.length > 0 && s.activities.length > 0)!;
    const docs = searchDocuments(project, 'participant');
    expect(docs.find((d) => d.path === `/modules/${mod.id}/#session-${session.n}`)!.text).toContain(session.slides[0]!.title);
    expect(docs.find((d) => d.path === `/modules/${mod.id}/#activity-${session.activities[0]!.n}`)?.title).toBe(`${mod.data!.code} Activity: ${session.activities[0]!.title}`);
    expect(docs.find((d) => d.path === `/modules/${mod.id}/#handout-${session.handouts[0]!.id}`)?.title).toBe(`${mod.data!.code} Handout: ${session.handouts[0]!.title}`);
  });

  it('reads an activity’s group, materials and output, as the page lists them, at the activity', () => {
    // "calculator", in the audit exercise's materials only, found the SOP and not the exercise.
    const docs = searchDocuments(project, 'participant');
    let checked = 0;
    for (const mod of project.modules) {
      for (const activity of mod.outline.sessions.flatMap((s) => s.activities)) {
        const doc = docs.find((d) => d.path === `/modules/${mod.id}/#activity-${activity.n}`)!;
        for (const fact of ['group', 'materials', 'output'] as const) {
          if (!activity[fact]) continue;
          checked++;
          expect(oneSpace(doc.text), `${mod.id} ${activity.title} ${fact}`).toContain(oneSpace(activity[fact]));
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // And a word of the materials finds the activity.
    const mod = module('data-quality-fraud-protection');
    const session = mod.outline.sessions.find((s) => s.activities.length > 0)!;
    const bundle = buildSearchBundle(project, 'participant');
    let materials = '';
    visit(mod.tree!, (node) => {
      const n = node as RootContent;
      if (!materials && n.type === 'mdxJsxFlowElement' && n.name === 'Activity' && n.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.value === session.activities[0]!.title)) {
        const value = n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'materials')?.value;
        materials = typeof value === 'string' ? value : '';
      }
    });
    expect(materials).not.toBe('');
    const hits = queryIndex(lunr.Index.load(bundle.index as object), queryWords(materials)).map((r) => bundle.docs[Number(r.ref)]!.path);
    expect(hits[0]).toBe(`/modules/${mod.id}/#activity-${session.activities[0]!.n}`);
  });

  it("shows an activity's own text as its excerpt, not its bare facts, in every language", () => {
    // The excerpt began with the group size and the materials: "2 Flip chart with four columns…".
    let checked = 0;
    for (const lang of langs) {
      const bundle = buildSearchBundle(project, 'participant', lang);
      for (const mod of (lang ? projectIn(project, lang) : project).modules) {
        for (const activity of mod.outline.sessions.flatMap((s) => s.activities)) {
          const doc = bundle.docs.find((d) => d.path === `${lang ? `/${lang}` : ''}/modules/${mod.id}/#activity-${activity.n}`);
          if (!doc) continue;
          checked++;
          for (const fact of ['group', 'materials'] as const) {
            if (activity[fact]) expect(oneSpace(doc.excerpt).startsWith(oneSpace(activity[fact]!).slice(0, 20)), `${lang} ${mod.id} ${activity.title}: ${doc.excerpt}`).toBe(false);
          }
          expect(doc.excerpt, `${lang} ${mod.id} ${activity.title}`).not.toMatch(/^\d+\s/);
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('puts a translated module in its language’s index only, at its /<lang>/ page, in that language’s words', () => {
    const fr = searchDocuments(project, 'participant', 'fr').filter((d) => d.path.includes('/modules/'));
    const blocks = (mod: ModuleDoc) => mod.outline.sessions.reduce((n, s) => n + s.activities.length + s.caseStudies.length + s.handouts.length, 0);
    // Every module translated into French (modules 1 to 4) has its documents at its
    // /fr/ page, whole and by its sessions and blocks, and the untranslated modules none (the
    // English ones answer for those).
    const french = project.translations.fr?.modules ?? [];
    expect(french.map((m) => m.id)).toEqual(expect.arrayContaining([M1, M2, M4]));
    expect(fr.length).toBe(french.reduce((n, mod) => n + 1 + mod.outline.sessions.length + blocks(mod), 0));
    for (const mod of french) {
      const own = fr.filter((d) => d.path.startsWith(`/fr/modules/${mod.id}/`));
      expect(own.length, mod.id).toBe(1 + mod.outline.sessions.length + blocks(mod));
      expect(own[0]).toMatchObject({ title: `${mod.data!.code} ${mod.data!.title}`, context: 'Formation' });
      expect(own[1]!.title).toBe(`${mod.data!.code} Séance 1 · ${mod.outline.sessions[0]!.title}`);
    }
    // Modules 1 to 3 are translated into Arabic too: in a pack whose module 4 is not, the Arabic
    // index has them, and no other module (the English ones answer for those), in Arabic words.
    const ar = searchDocuments(noArabicM4, 'participant', 'ar').filter((d) => d.path.includes('/modules/'));
    const arabicIds = (noArabicM4.translations.ar?.modules ?? []).map((m) => m.id);
    expect(arabicIds).toEqual(expect.arrayContaining([M1, M2, M3]));
    expect(arabicIds).not.toContain(M4);
    expect(ar.length).toBe(arabicIds.reduce((n, id) => n + 1 + module(id, 'ar').outline.sessions.length + blocks(module(id, 'ar')), 0));
    expect(ar.every((d) => arabicIds.some((id) => d.path.startsWith(`/ar/modules/${id}/`)))).toBe(true);
    for (const id of [M1, M2, M3]) {
      const arabic = module(id, 'ar');
      const own = ar.filter((d) => d.path.startsWith(`/ar/modules/${id}/`));
      expect(own.length, id).toBe(1 + arabic.outline.sessions.length + blocks(arabic));
      expect(own[0]).toMatchObject({ title: `${arabic.data!.code} ${arabic.data!.title}`, context: 'التدريب' });
      expect(own[1]!.title).toBe(`${arabic.data!.code} الجلسة 1 · ${arabic.outline.sessions[0]!.title}`);
    }
    // The source language's index has the English module, not the French one.
    const en = searchDocuments(project, 'participant').find((d) => d.path === `/modules/${M1}/`);
    expect(en?.title).toBe(`${module(M1).data!.code} ${module(M1).data!.title}`);
  });

  it('finds a module session by the words of its slides', () => {
    const bundle = buildSearchBundle(project, 'participant');
    const hits = queryIndex(lunr.Index.load(bundle.index as object), ['verbal', 'autopsy']).map((r) => bundle.docs[Number(r.ref)]!);
    expect(hits.some((h) => h.path.startsWith('/modules/civil-registration-births-deaths/#session-'))).toBe(true);
  });
});

describe('activities, case studies and handouts in the search index', () => {
  /**
   * The anchors the module page gives its activities, case studies and handouts: the numbers the
   * site's remark plugin writes into them (`annotateOutline`, on a copy of the module), as the
   * components make their ids.
   */
  const pageAnchors = (mod: ModuleDoc): string[] => {
    const tree = structuredClone(mod.tree!);
    annotateOutline(tree);
    const anchors: string[] = [];
    visit(tree, (node) => {
      const n = node as RootContent;
      if (n.type !== 'mdxJsxFlowElement') return;
      const attr = (name: string) => n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value as string | undefined;
      if (n.name === 'Activity' && attr('__n')) anchors.push(trainingAnchors.activity(Number(attr('__n'))));
      if (n.name === 'CaseStudy' && attr('__n')) anchors.push(trainingAnchors.caseStudy(Number(attr('__n'))));
      if (n.name === 'Handout' && attr('id')) anchors.push(trainingAnchors.handout(attr('id')!));
    });
    return anchors;
  };

  it.each(langs)('gives each one a document at its anchor on the module page, headed as the page heads it (%s)', (lang) => {
    const docs = searchDocuments(project, 'participant', lang);
    const mods = lang ? (project.translations[lang]?.modules ?? []) : project.modules;
    let checked = 0;
    for (const mod of mods) {
      const prefix = `${lang ? `/${lang}` : ''}/modules/${mod.id}/#`;
      const blocks = docs.filter((d) => d.path.startsWith(prefix) && !/#(session|job-aid)-/.test(d.path));
      expect(blocks.map((d) => d.path.slice(prefix.length)).sort(), mod.id).toEqual(pageAnchors(mod).sort());
      const words = { activity: t('training.activity', mod.data!.language), 'case-study': t('case.label', mod.data!.language), handout: t('training.handout', mod.data!.language) };
      for (const doc of blocks) {
        const kind = /#(activity|case-study|handout)-/.exec(doc.path)![1] as keyof typeof words;
        expect(doc.title.startsWith(`${mod.data!.code} ${words[kind]}${colon(mod.data!.language)} `), doc.title).toBe(true);
        expect(doc.context).toBe(mod.data!.title);
        expect(doc.text.length, doc.path).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(lang ? 5 : 30);
  });

  it.each(['CaseStudy', 'Handout'])('lands a search for a sentence of a <%s> at it, not at the top of its session', (component) => {
    // A hit in a case study linked to its session's heading, a screen or more above it.
    const bundle = buildSearchBundle(project, 'participant');
    const index = lunr.Index.load(bundle.index as object);
    const docs = searchDocuments(project, 'participant');
    const want = component === 'CaseStudy' ? 'case-study' : 'handout';
    for (const mod of project.modules) {
      const sentence = sentenceIn(mod, component);
      // Its words are in its own document only, not in its session's too.
      const holding = docs.filter((d) => oneSpace(d.text).includes(sentence)).map((d) => d.path);
      expect(holding, `${mod.id}: ${sentence}`).toEqual([expect.stringMatching(new RegExp(`^/modules/${mod.id}/#${want}-`))]);
      // And the sentence finds it among the first hits (the activity that hands it out, or the
      // session whose slides say the same, may weigh as much).
      const hits = queryIndex(index, queryWords(sentence)).map((r) => bundle.docs[Number(r.ref)]!.path);
      expect(hits.slice(0, 3), `${mod.id}: ${sentence}`).toContain(holding[0]);
    }
  });

  it('reads a case study’s facilitator key into the case study in the trainer index only', () => {
    const mod = module('civil-registration-births-deaths');
    const key = sentenceIn(mod, 'FacilitatorKey');
    const holding = (edition: SiteEdition) => searchDocuments(project, edition).filter((d) => oneSpace(d.text).includes(key)).map((d) => d.path);
    expect(holding('trainer')).toEqual([expect.stringMatching(new RegExp(`^/modules/${mod.id}/#case-study-\\d+$`))]);
    expect(holding('participant')).toEqual([]);
  });
});

describe('job aids in the search index', () => {
  it('makes each module’s job aid a document at its heading, with the words of its table, found by them', async () => {
    // A job aid's table is made from its machine, not written in the module: a word of it found nothing.
    const aids = await workflowTexts(project);
    const bundle = buildSearchBundle(project, 'participant', undefined, aids);
    const index = lunr.Index.load(bundle.index as object);
    let checked = 0;
    for (const mod of project.modules) {
      for (const workflow of jobAidWorkflows(mod.tree)) {
        const aid = aids.get(workflowKey('en', workflow));
        expect(aid?.text, `${mod.id} ${workflow}`).toBeTruthy();
        const path = `/modules/${mod.id}/#job-aid-${workflow}`;
        const doc = bundle.docs.find((d) => d.path === path);
        expect(doc, path).toMatchObject({ title: `${mod.data!.code} ${t('training.jobAid.title', 'en', { title: aid!.title })}`, context: mod.data!.title });
        // The first row of the table (its step, title, role, time limit…) finds the job aid, and
        // no hit of the module matches more of its words (a handout of the same counter may weigh
        // as much: a short text's words weigh more).
        const row = aid!.text.split(' ').slice(0, 8).join(' ');
        const hits = queryIndex(index, queryWords(row)).filter((r) => bundle.docs[Number(r.ref)]!.path.startsWith(`/modules/${mod.id}/`));
        const matched = (r: lunr.Index.Result) => Object.keys(r.matchData.metadata).length;
        const found = hits.find((r) => bundle.docs[Number(r.ref)]!.path === path);
        expect(found, row).toBeDefined();
        expect(matched(found!), row).toBe(Math.max(...hits.map(matched)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
    // Without the tables (a caller that does not load the machines), no job aid documents.
    expect(searchDocuments(project, 'participant').some((d) => d.path.includes('#job-aid-'))).toBe(false);
  });

  it('keeps answer-key words out of the participant index and in the trainer one, with the job aids and activity facts indexed', async () => {
    const aids = await workflowTexts(project);
    const participant = buildSearchBundle(project, 'participant', undefined, aids);
    const trainer = buildSearchBundle(project, 'trainer', undefined, aids);
    const inParticipant = lunr.Index.load(participant.index as object);
    const inTrainer = lunr.Index.load(trainer.index as object);
    const { pipeline } = inParticipant as unknown as { pipeline: lunr.Pipeline };
    const stem = (word: string) => pipeline.runString(word).join(' ');
    const shown = new Set(searchDocuments(project, 'participant', undefined, aids).flatMap((d) => `${d.title} ${d.text}`.toLowerCase().split(/[^\p{L}]+/u)).map(stem));
    // The words of the facilitator keys (answer keys) that no participant page shows in any form.
    const keyWords = new Set<string>();
    for (const mod of project.modules) {
      visit(mod.tree!, (node) => {
        const n = node as RootContent;
        if (n.type === 'mdxJsxFlowElement' && n.name === 'FacilitatorKey') for (const w of toString(n).toLowerCase().split(/[^\p{L}]+/u)) if (w.length >= 7 && !shown.has(stem(w))) keyWords.add(w);
      });
    }
    expect(keyWords.size).toBeGreaterThan(5);
    for (const word of keyWords) {
      expect(inTrainer.query((q) => q.term(word, {})).length, word).toBeGreaterThan(0);
      expect(inParticipant.query((q) => q.term(word, {})), word).toEqual([]);
    }
  });
});

describe('a session’s number in a query', () => {
  const bundle = buildSearchBundle(project, 'participant');
  const index = lunr.Index.load(bundle.index as object);
  const hits = (query: string) => queryIndex(index, queryWords(query)).map((r) => bundle.docs[Number(r.ref)]!);
  const sessions = (n: number) => project.modules.filter((m) => m.outline.sessions.length >= n).map((m) => `/modules/${m.id}/#session-${n}`);

  it.each([3, 12])('puts every module’s session %i first for its "session N", above the SOPs’ sections of that number', (n) => {
    // Only the sessions N have both words as the place they are at: the 3 of "§3 Legal basis"
    // weighed as a title word and listed six SOP sections above them.
    const want = sessions(n);
    expect(want.length).toBeGreaterThan(1);
    expect(hits(`session ${n}`).slice(0, want.length).map((h) => h.path).sort()).toEqual(want.sort());
    // Its number alone still finds the SOPs' sections so numbered.
    if (bundle.docs.some((d) => d.title.includes(`§${n} `))) expect(hits(`§${n}`)[0]?.title).toContain(`§${n} `);
  });

  it('weighs "session" below a word of a title: "fraud session" lists no session without fraud in its title above the SOP sections on fraud', () => {
    const found = hits('fraud session');
    const fraudSection = found.findIndex((h) => h.path.startsWith('/sops/') && /fraud/i.test(h.title));
    expect(fraudSection).toBeGreaterThan(-1);
    const above = found.slice(0, fraudSection).filter((h) => h.path.includes('#session-') && !/fraud/i.test(h.title));
    expect(above.map((h) => h.title)).toEqual([]);
    // The sessions on fraud come first.
    expect(found.slice(0, 3).every((h) => h.path.includes('#session-') && /fraud/i.test(h.title))).toBe(true);
  });

  it('keeps "Session N" in the title a hit shows', () => {
    const doc = bundle.docs.find((d) => d.path === sessions(3)[0]);
    expect(doc?.title).toMatch(/^M\d Session 3 · \S/);
  });
});

describe('a word and a section’s or session’s number in one query', () => {
  // "witness 6.3": the reader means a §6.3 that speaks of witnesses. The glossary's "Introducer
  // (identity witness)", with the word in its title and no §6.3, was listed above every one.
  const docsOf = new Map(langs.map((lang) => [lang ?? 'en', searchDocuments(project, 'participant', lang)]));
  const bundles = new Map(langs.map((lang) => [lang ?? 'en', buildSearchBundle(project, 'participant', lang)]));
  const indexes = new Map([...bundles].map(([lang, bundle]) => (lunrLanguage(lang), [lang, lunr.Index.load(bundle.index as object)])));
  const refs = (lang: string, words: string[]) => new Set(queryIndex(indexes.get(lang)!, words, lang).map((r) => Number(r.ref)));

  it.each([
    ['en', 'witness 6.3'],
    ['en', 'witness §6.4'],
    ['en', 'appeal 6.5'],
    ['en', 'witness session 3'],
    ['fr', 'témoin 6.3'],
    ['ar', 'شاهد 6.5'],
    ['ar', 'الشاهد ٦٫٥'],
  ])('lists first, in %s, the places of that number that have the words: "%s"', (lang, query) => {
    const words = queryWords(query);
    const number = words.find((w) => /^\d/.test(w))!;
    const others = words.filter((w) => w !== number);
    // The documents at that place (their label holds the number) that each other word finds.
    const docs = docsOf.get(lang)!;
    const found = others.map((w) => refs(lang, [w]));
    const meant = docs.flatMap((d, i) => (d.label && queryWords(d.label).includes(number) && found.every((f) => f.has(i)) ? [i] : []));
    expect(meant.length, query).toBeGreaterThan(0);
    const hits = queryIndex(indexes.get(lang)!, words, lang).map((r) => Number(r.ref));
    expect(hits.slice(0, meant.length).map((i) => docs[i]!.title).sort(), query).toEqual(meant.map((i) => docs[i]!.title).sort());
  });

  it.each([['witness 6.3'], ['appeal 6.5'], ['witness session 3']])('lists "%s" from the shards the page loads as from the whole index', (query) => {
    const bundle = bundles.get('en')!;
    const files = shardFiles(JSON.parse(JSON.stringify(bundle.index)) as LunrJson, bundle.docs);
    const manifest = JSON.parse(files.get('manifest.json')!) as SearchManifest;
    const words = queryWords(query);
    const load = (names: readonly string[]) => lunr.Index.load({ ...partialIndex(manifest, names.map((f) => JSON.parse(files.get(f) ?? '[]') as TermShard)), version: lunr.version });
    const first = queryShards(manifest, words);
    const partial = queryIndex(load([...new Set([...first, ...nearShards(load(first), manifest, words)])]), words);
    expect(partial.map((r) => r.ref)).toEqual(queryIndex(indexes.get('en')!, words).map((r) => r.ref));
  });
});

describe('a session’s number in the reader’s words', () => {
  // The French and Arabic sites list every module: the translated ones in their language, the
  // others in English at /<lang>/modules/<id>/ with a notice. Their indexes hold their own
  // language's words only; the search page asks the reader's index, then the English one (the
  // first SHOWN hits of its shards). Read from a copy of the pack whose M4 has no Arabic file, so
  // that the Arabic site has an English-only module.
  const project = noArabicM4;
  const locales = project.locales.map((l) => ({ code: l.code, default: l.default }));
  const bundles = new Map(langs.map((lang) => [lang ?? 'en', buildSearchBundle(project, 'participant', lang)]));
  const indexes = new Map([...bundles].map(([lang, bundle]) => (lunrLanguage(lang), [lang, lunr.Index.load(bundle.index as object)])));
  /** What the page asked each index, by its language. */
  const asked: [string, string][] = [];
  /** The search page's list for a reader, as the island makes it. */
  const page = async (lang: string, query: string) => {
    const words = { kinds: { glossary: t(kindLabels.glossary, lang), sop: t(kindLabels.sop, lang), module: t(kindLabels.module, lang) }, sessions: Object.fromEntries([lang, 'en'].map((code) => [code, t('training.session', code)])) };
    const sources = [...new Set([lang, 'en'])].map((code) => ({ lang: code }));
    asked.length = 0;
    const ask = async (source: { lang: string }, terms: string[]) => {
      asked.push([source.lang, terms.join(' ')]);
      const found = queryIndex(indexes.get(source.lang)!, terms, [source.lang, lang]).map((r) => bundles.get(source.lang)!.docs[Number(r.ref)]!);
      // The source's sharded index gives its first SHOWN hits; a translated one, all of them.
      return source.lang === 'en' ? { hits: found.slice(0, SHOWN), more: found.length > SHOWN } : { hits: found, more: false };
    };
    return (await readerHits(queryWords(query), sources, ask, lang, locales, words)).hits;
  };
  const translated = (id: string, lang: string) => project.translations[lang]?.modules.some((m) => m.id === id) ?? false;

  it.each([
    ['fr', 'séance 3'],
    ['fr', 'Séance 3'],
    ['ar', 'الجلسة 3'],
    ['ar', 'الجلسة ٣'],
    ['fr', 'session 3'],
  ])('lists every module’s session 3 first for a %s reader’s "%s", the translated modules’ in the reader’s language, the English-only modules’ at their page in the reader’s site', async (lang, query) => {
    const want = project.modules.filter((m) => m.outline.sessions.length >= 3);
    expect(want.some((m) => translated(m.id, lang))).toBe(true);
    // In Arabic, module 4 is in English only in this copy (the French has every module).
    if (lang === 'ar') expect(want.some((m) => !translated(m.id, lang))).toBe(true);
    const found = await page(lang, query);
    const first = found.slice(0, want.length);
    expect(first.map((h) => h.path).sort()).toEqual(want.map((m) => `/${lang}/modules/${m.id}/#session-3`).sort());
    // The translated modules' sessions in the reader's language, first; the others in English.
    const mine = want.filter((m) => translated(m.id, lang));
    expect(first.slice(0, mine.length).map((h) => `${h.lang} ${h.path}`).sort()).toEqual(mine.map((m) => `${lang} /${lang}/modules/${m.id}/#session-3`).sort());
    for (const hit of first.slice(mine.length)) expect(hit.lang, hit.path).toBe('en');
    // Each index is asked in its own words, as its labels write a session's.
    expect(asked).toEqual([lang, 'en'].map((code) => [code, `${t('training.session', code, { n: 3 })}`.toLowerCase()]));
  });

  it('keeps the French and Arabic indexes free of English text', () => {
    for (const lang of ['fr', 'ar']) {
      const docs = bundles.get(lang)!.docs;
      expect(docs.every((d) => d.path.startsWith(`/${lang}/`))).toBe(true);
      expect(docs.filter((d) => / Session \d+ · /.test(d.title)).map((d) => d.title)).toEqual([]);
    }
  });
});

describe('training modules in the search index by edition', () => {
  // The sentences are read from the modules' sources: the first FacilitatorKey and SpeakerNotes
  // of the English, French and Arabic module 1 and the English module 2.
  const cases = [
    ['FacilitatorKey', module('civil-registration-births-deaths')],
    ['SpeakerNotes', module('civil-registration-births-deaths')],
    ['TrainerNote', module('civil-registration-births-deaths')],
    ['SpeakerNotes', module(M1, 'fr')],
    ['SpeakerNotes', module(M1, 'ar')],
  ] as const;
  const participant = allText('participant');
  const trainer = allText('trainer');

  it.each(cases)('leaves a <%s> sentence out of the participant index and has it in the trainer one', (component, mod) => {
    const sentence = sentenceIn(mod, component);
    expect(trainer).toContain(sentence);
    expect(participant).not.toContain(sentence);
  });

  it('has, in the participant index, no text of any trainer-only component of any module; the trainer index has it all', () => {
    // Every paragraph of plain text in a trainer-only component of every module and translation.
    const trainerOnly = new Set(['FacilitatorKey', 'SpeakerNotes', 'TrainerNote']);
    const modules = [...project.modules, ...Object.values(project.translations).flatMap((tr) => tr.modules)];
    const leaked: string[] = [];
    const missing: string[] = [];
    let checked = 0;
    for (const mod of modules) {
      if (!mod.tree) continue;
      visit(mod.tree, (node) => {
        const n = node as RootContent;
        if (n.type !== 'mdxJsxFlowElement' || !n.name || !trainerOnly.has(n.name)) return;
        visit(n, 'paragraph', (p: Paragraph) => {
          if (!p.children.every((c) => c.type === 'text')) return;
          const text = oneSpace(toString(p));
          if (text.length < 40) return;
          checked++;
          if (participant.includes(text)) leaked.push(text);
          if (!trainer.includes(text)) missing.push(text);
        });
      });
    }
    expect(checked).toBeGreaterThan(50);
    expect(leaked).toEqual([]);
    // The trainer edition's index has every one of them.
    expect(missing).toEqual([]);
  });
});

describe('module hits in the reader’s language', () => {
  const locales = project.locales.map((l) => ({ code: l.code, default: l.default }));
  const kinds = (lang: string) => ({ glossary: t(kindLabels.glossary, lang), sop: t(kindLabels.sop, lang), module: t(kindLabels.module, lang) });

  it('tells a whole module from its sessions by the path the index writes', () => {
    expect(hitKind('/modules/data-quality-fraud-protection/')).toBe('module');
    expect(hitKind('/modules/data-quality-fraud-protection/#session-2')).toBe('section');
    const docs = searchDocuments(project, 'participant').filter((d) => d.path.startsWith('/modules/'));
    expect(docs.length).toBeGreaterThan(project.modules.length);
    for (const doc of docs) {
      expect(hitKind(doc.path), doc.id).toBe(doc.id.endsWith('#') ? 'module' : 'section');
    }
  });

  it('says "Training" in the reader’s words on an English module, and keeps a session’s module title', () => {
    const docs = buildSearchBundle(project, 'participant').docs;
    const whole = docs.find((d) => d.path === '/modules/data-quality-fraud-protection/')!;
    expect(shownHit(whole, 'en', 'fr', locales, kinds('fr'))).toMatchObject({ path: '/fr/modules/data-quality-fraud-protection/', context: 'Formation', lang: 'en', contextLang: 'fr' });
    expect(shownHit(whole, 'en', 'ar', locales, kinds('ar'))).toMatchObject({ path: '/ar/modules/data-quality-fraud-protection/', context: 'التدريب', contextLang: 'ar' });
    const session = docs.find((d) => d.path === '/modules/data-quality-fraud-protection/#session-2')!;
    expect(shownHit(session, 'en', 'ar', locales, kinds('ar'))).toMatchObject({ path: '/ar/modules/data-quality-fraud-protection/#session-2', context: module('data-quality-fraud-protection').data!.title, contextLang: 'en' });
  });
});
