import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { copyField, isUniqueViolation, retryAfterLostRace } from './sql';

// What pg throws for a raw statement, and what MikroORM makes of the same error for an ORM write.
const rawViolation = (constraint: string) =>
  Object.assign(new Error(`duplicate key value violates unique constraint "${constraint}"`), {
    code: '23505',
    constraint,
  });
const ormViolation = (constraint: string) => new UniqueConstraintViolationException(rawViolation(constraint));

describe('unique violations', () => {
  it('recognises raw SQL 23505 exactly like the ORM exception, by constraint name when one is asked', () => {
    for (const error of [rawViolation('court_event_pkey'), ormViolation('court_event_pkey')]) {
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(error, 'court_event_pkey')).toBe(true);
      expect(isUniqueViolation(error, 'referral_one_open_per_account')).toBe(false);
    }
    expect(isUniqueViolation(Object.assign(new Error('not null'), { code: '23502' }))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it('runs an attempt that lost a unique race once more, one rolled back by a deadlock or serialisation failure up to three times, and nothing else again', async () => {
    let calls = 0;
    await expect(
      retryAfterLostRace(async () => (++calls === 1 ? Promise.reject(rawViolation('x')) : 'second')),
    ).resolves.toBe('second');
    expect(calls).toBe(2);
    calls = 0;
    const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
    await expect(retryAfterLostRace(async () => (++calls < 3 ? Promise.reject(deadlock()) : 'third'))).resolves.toBe(
      'third',
    );
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryAfterLostRace(
        async () => Promise.reject(Object.assign(new Error('serialisation'), { code: '40001', n: ++calls })),
        'x',
      ),
    ).rejects.toThrow('serialisation');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryAfterLostRace(async () => Promise.reject(Object.assign(new Error('other'), { code: '23502', n: ++calls }))),
    ).rejects.toThrow('other');
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryAfterLostRace(async () => Promise.reject(rawViolation(`y${++calls}`)), 'y1')).rejects.toThrow(
      'y2',
    );
    expect(calls).toBe(2);
  });
});

describe('COPY text format fields', () => {
  it('writes null as \\N and escapes backslash, tab, newline and carriage return, so a text field is read back as it was', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('红居南街6号院')).toBe('红居南街6号院');
    expect([copyField(true), copyField(false), copyField(12)]).toEqual(['t', 'f', '12']);
  });
});
