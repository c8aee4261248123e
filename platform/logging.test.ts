import { serializeError } from './logging';

describe('error serialisation in the logs', () => {
  it('keeps a database error’s SQLSTATE and object names, never the statement, its values or detail', () => {
    // A pg error as MikroORM rethrows it: knex prefixes the statement with its values interpolated.
    const error = Object.assign(
      new Error(
        `insert into "areas"."household" ("owner_name", "phone", "id_number") values ('张三丰', '13800138000', '110101199003074512') - duplicate key value violates unique constraint "household_owner_uq"`,
      ),
      {
        name: 'UniqueConstraintViolationException',
        code: '23505',
        severity: 'ERROR',
        routine: '_bt_check_unique',
        schema: 'areas',
        table: 'household',
        constraint: 'household_owner_uq',
        detail: 'Key (owner_name)=(张三丰) already exists.',
      },
    );
    const logged = JSON.stringify(serializeError(error));
    for (const personal of ['张三丰', '13800138000', '110101199003074512', 'insert into'])
      expect(logged).not.toContain(personal);
    expect(serializeError(error)).toMatchObject({
      type: 'UniqueConstraintViolationException',
      code: '23505',
      table: 'household',
      constraint: 'household_owner_uq',
    });
    expect((serializeError(error) as { message: string }).message).toBe(
      'database error 23505: duplicate key value violates unique constraint …',
    );
  });

  it('strips a key’s values however the message is shaped, in one pass over it', () => {
    const logged = (message: string) =>
      (serializeError(Object.assign(new Error(message), { code: '23P01', severity: 'ERROR' })) as { message: string })
        .message;
    expect(logged('conflicting key value (area_id, period)=(a1, 2026-11) (tail)')).toBe(
      'database error 23P01: conflicting key value … (tail)',
    );
    expect(logged('key (name)=(张(三)) exists')).toBe('database error 23P01: key …) exists');
    // 200,000 parentheses never closed: the expression before scanned to the end from each (some 20 s).
    const run = `key ${'('.repeat(200_000)}name=secret`;
    expect(logged(run)).toBe(`database error 23P01: ${run}`);
  });

  it('never logs the statement of an error that has no SQLSTATE (a timeout, a connection lost mid-statement)', () => {
    const secret = 'whsec_c2VjcmV0LXNpZ25pbmcta2V5';
    for (const message of [
      `update "feeds"."webhook_subscription" s set secret = v.sealed from unnest('{${secret}}') - Connection terminated unexpectedly`,
      `update "feeds"."webhook_subscription" set secret = '${secret}'`,
      `  select '${secret}' - Knex: Timeout acquiring a connection. The pool is probably full.`,
      // A union of two selects opens with a parenthesis (the referral relation's query).
      `(select 1 from litigation.referral where id = '${secret}') union all (select 2) - Query read timeout`,
    ]) {
      const logged = JSON.stringify(serializeError(new Error(message)));
      expect(logged).not.toContain(secret);
      expect(logged).not.toContain('webhook_subscription');
    }
    expect(
      (serializeError(new Error(`update x set a = '${secret}' - Connection terminated`)) as { message: string })
        .message,
    ).toBe('database error : Connection terminated');
  });

  it('logs any other error as pino does, with its message and stack', () => {
    expect(serializeError(new TypeError('boom'))).toMatchObject({
      type: 'TypeError',
      message: 'boom',
      stack: expect.stringContaining('boom'),
    });
  });
});
