import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../lib/handbook/pdf-tools.ts';
import { quizToGift } from '../../src/lib/assessment/interchange/gift-export.ts';
import { resolveQuiz } from '../../src/lib/assessment/quiz-load.ts';
import { runNode, type Finished } from '../cli/spawn.ts';
import { copyProject, repo, rewriteLateItem, setParameter, tempFolder } from '../params/project.ts';

// The parameters fixture built by Astro after the country changed its values (the late period,
// model 30 days, becomes 60 days; the appeal period, model 21 days, becomes 28): every output of
// the site must print the new values.
const parent = tempFolder('sopkit-params-build-');
let root: string;
let build: Finished;
afterAll(() => rmSync(parent, { recursive: true, force: true }));
beforeAll(async () => {
  root = copyProject(parent, 'changed', (r) => {
    setParameter(r, 'late-registration-period', 60);
    setParameter(r, 'appeal-period', 28);
    // px-01 assumes a period under 45 days (its key says late): rewritten, or the build stops.
    rewriteLateItem(r, 75);
    // The country's own pack now: its names, and no longer the model.
    // A French locale it has translated nothing into yet: its pages exist, in the source's words.
    writeFileSync(join(r, 'content/site.yaml'), 'title: Kanda Civil Registration Procedures\norganisation: National Registration Bureau of Kanda\ncountry: Republic of Kanda\nmodel: false\nurl: https://fixture.example.org\nlanguage: en\nlocales:\n  - { code: en, label: English, default: true }\n  - { code: fr, label: Français }\n');
  });
  build = await runNode([join(repo, 'node_modules/astro/astro.js'), 'build', '--root', root], { SOPKIT_TODAY: '2026-06-01' }, root);
});

const dist = (...path: string[]) => join(root, 'dist', ...path);
const html = (...path: string[]) => readFileSync(dist(...path), 'utf8');
const text = (s: string) => s.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\s+/g, ' ');

describe('astro build after the parameters changed', () => {
  it('builds', () => {
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
  });

  it('prints the new values in the SOP text, the step facts, the step table, the diagram and the forms annex', () => {
    const page = html('sops/registration/index.html');
    expect(text(page)).toContain('An event declared within 60 days is on time');
    expect(page).toMatch(/<a class="param" href="\/country-profile\/#param-late-registration-period"[^>]*>60 days<\/a>/);
    expect(text(page)).toContain('60 days after the event, then 5 working days');
    expect(page).toMatch(/<table data-workflow="registration">[\s\S]*late after 60 days/);
    // The diagram: the timer's label on the arrow, and the steps of its text alternative.
    expect(page).toMatch(/<svg[\s\S]*\(28 days\)[\s\S]*<\/svg>/);
    expect(page).toMatch(/<details class="wf-text"[\s\S]*late after 60 days/);
    expect(text(page)).toContain('declare within 60 days');
    expect(text(page)).not.toMatch(/\b30 days\b/);
  });

  it("words a glossary definition with the country's value, and no longer calls the pack a model once the country says so", () => {
    expect(text(html('glossary/index.html'))).toContain('after the legal period, here 60 days from the event');
    const home = text(html('index.html'));
    expect(home).toContain('The Standard Operating Procedures of National Registration Bureau of Kanda (Republic of Kanda)');
    for (const page of [home, text(html('sops/registration/index.html'))]) expect(page).not.toMatch(/model pack|generic country/i);
  });

  it('gives the simulator bundle the new value as data, and never the YAML reader', () => {
    const scripts = readdirSync(dist('_astro')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(dist('_astro', f), 'utf8'));
    const withValues = scripts.filter((s) => s.includes('"late-registration-period"'));
    expect(withValues.length).toBeGreaterThan(0);
    expect(withValues.join('\n')).toMatch(/"late-registration-period":\{"?value"?:60\b/);
    expect(withValues.join('\n')).toMatch(/"appeal-period":\{"?value"?:28\b/);
    for (const s of scripts) expect(s).not.toMatch(/readFileSync|node:fs|parseDocument/);
  });

  it('prints the new value in the quiz pages, the GIFT export and the test booklet', () => {
    expect(text(html('assessments/registration/pre/index.html'))).toContain('The legal period is 60 days.');
    // The participant build publishes no GIFT file (it carries the key): export the same quiz.
    expect(quizToGift(resolveQuiz(root, 'registration').quiz)).toContain('The legal period is 60 days.');
    expect(pdfText(dist('handbooks/quizzes/registration-pre.pdf')).replace(/\s+/g, ' ')).toContain('The legal period is 60 days.');
    // The paper-test template opens in Excel as UTF-8 (names typed into it too) by its byte order mark.
    expect(readFileSync(dist('assessments/registration/pre/template.csv'), 'utf8')).toMatch(/^\uFEFFparticipant,name,form,/);
  });

  it('prints it in the handbook PDF and lists it, with its model value, on the country profile page and PDF', () => {
    expect(pdfText(dist('handbooks/registration.pdf')).replace(/\s+/g, ' ')).toContain('An event declared within 60 days is on time');
    const profile = text(html('country-profile/index.html'));
    expect(profile).toMatch(/Legal period for registration Value in force 60 days \(changed from the model\) Model value 30 days/);
    expect(html('country-profile/index.html')).toContain('href="/sops/registration/#decide-a-late-case"');
    expect(pdfText(dist('handbooks/country-profile.pdf')).replace(/\s+/g, ' ')).toContain('60 days (changed from the model)');
  });

  it('writes the concordance page, PDF and CSV with every step and provision', () => {
    expect(readFileSync(dist('concordance.csv'), 'utf8').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFFsop,code,step,step_title,legal_id,instrument,provision,national_provision,notes',
      'registration,SOP-PX-01,6.1,Receive the declaration,cra-period,"[Civil Registration Act, year]",[section on the period for registration],,',
      'registration,SOP-PX-01,6.2,Decide a late case,cra-period,"[Civil Registration Act, year]",[section on the period for registration],,',
    ]);
    expect(text(html('concordance/index.html'))).toContain('6.3 Register the event [Civil Registration Act, year] [section on appeals]');
    expect(pdfText(dist('handbooks/concordance.pdf')).replace(/\s+/g, ' ')).toContain('National provision');
  });

  it('prints no French profile or concordance while nothing is translated into French: the French pages link the English PDFs, marked', () => {
    expect(existsSync(dist('handbooks/country-profile.fr.pdf'))).toBe(false);
    expect(existsSync(dist('handbooks/concordance.fr.pdf'))).toBe(false);
    expect(html('fr/country-profile/index.html')).toMatch(/<a href="\/handbooks\/country-profile\.pdf" download hreflang="en">[^<]+<span class="nav-lang"> \(anglais\)<\/span><\/a>/);
    expect(html('fr/concordance/index.html')).toMatch(/<a href="\/handbooks\/concordance\.pdf" download hreflang="en">[^<]+<span class="nav-lang"> \(anglais\)<\/span><\/a>/);
    // The spreadsheet is the page's own, in its words.
    expect(readFileSync(dist('fr/concordance.csv'), 'utf8')).toContain('registration,SOP-PX-01,6.1,Receive the declaration,cra-period');
  });
});
