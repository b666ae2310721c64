import { describe, expect, it } from 'vitest';
import { looseName, nameConflictList, nameConflicts } from '../../../src/lib/assessment/names.ts';

describe('one participant id with the names of different people', () => {
  it('one person\'s name written differently is one name: case, accents, dots, commas and word order', () => {
    expect(looseName('Okoro, Samuel')).toBe(looseName('samuel OKORO'));
    expect(looseName('Fatou Diallo')).toBe(looseName('FATOU  DIALLO.'));
    expect(looseName('Adélaïde N\'Guessan')).toBe(looseName('Adelaide NGuessan'.replace('NG', 'N G')));
    expect(looseName('Grace Mensah')).not.toBe(looseName('Samuel Okoro'));
  });

  it('names each id with two people\'s names, each name once where it was first read; an empty name says nothing', () => {
    const conflicts = nameConflicts([
      { id: 'P03', name: 'Grace Mensah', file: 'pre.csv', row: 4 },
      { id: 'P04', name: 'Samuel Okoro', file: 'pre.csv', row: 5 },
      { id: 'P05', name: 'Fatou Diallo', file: 'pre.csv', row: 6 },
      { id: 'P03', name: 'Samuel Okoro', file: 'post.csv', row: 4 },
      { id: 'P04', name: 'OKORO Samuel', file: 'post.csv', row: 5 },
      { id: 'P05', name: ' ', file: 'post.csv', row: 6 },
      { id: 'P03', name: 'grace mensah', file: 'attendance.csv', row: 2 },
    ]);
    expect(conflicts).toEqual([{ id: 'P03', names: [{ id: 'P03', name: 'Grace Mensah', file: 'pre.csv', row: 4 }, { id: 'P03', name: 'Samuel Okoro', file: 'post.csv', row: 4 }] }]);
    expect(nameConflictList(conflicts)).toBe('P03 ("Grace Mensah" in pre.csv row 4, "Samuel Okoro" in post.csv row 4)');
  });

  it('lists five and says there are more', () => {
    const rows = Array.from({ length: 7 }, (_, i) => [{ id: `P${i}`, name: 'A B', file: 'pre.csv', row: i + 2 }, { id: `P${i}`, name: 'C D', file: 'post.csv', row: i + 2 }]).flat();
    const list = nameConflictList(nameConflicts(rows));
    expect(list.split('; ')).toHaveLength(6);
    expect(list.endsWith('; ...')).toBe(true);
  });
});
