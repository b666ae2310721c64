import { readFileSync } from 'node:fs';
import { parse } from 'gift-pegjs';
for (const f of ['questions.gift.txt', 'questions_in_category.gift.txt']) {
  try {
    const qs = parse(readFileSync(`tests/fixtures/assessment/interchange/moodle/${f}`, 'utf8'));
    for (const q of qs) console.log(JSON.stringify(q).slice(0, 400));
  } catch (e) { console.log(f, 'ERR', (e as Error).message.slice(0, 200), JSON.stringify((e as any).location)); }
}
