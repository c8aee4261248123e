import { shownErrors } from './api-errors';
import { dateZh, instantDateZh, monthZh, yuan } from './format';
import { CombinedError } from 'urql';
import { claimsOf } from './session';

describe('the console’s formats', () => {
  it('writes dates as 2026年12月1日, months as 2026年9月 and money in yuan', () => {
    expect(dateZh('2026-12-01')).toBe('2026年12月1日');
    expect(dateZh('2026-12-01T08:00:00.000Z')).toBe('2026年12月1日');
    expect(dateZh(null)).toBe('—');
    // An instant is shown as its day in China (an upload at 07:00 on 2 Dec in Beijing said 12月1日).
    expect(instantDateZh('2026-12-01T23:30:00.000Z')).toBe('2026年12月2日');
    expect(instantDateZh(null)).toBe('—');
    expect(monthZh('2026-09')).toBe('2026年9月');
    expect(yuan(140950)).toBe('1,409.50元');
    expect(yuan(0)).toBe('0.00元');
  });

  it('shows a network failure in Chinese and every GraphQL error with its code', () => {
    expect(shownErrors(new CombinedError({ networkError: new Error('fetch failed') }))).toEqual([
      { message: '无法连接到服务：fetch failed', fields: [], lines: [] },
    ]);
    expect(
      shownErrors(new CombinedError({ graphQLErrors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] })),
    ).toEqual([{ message: 'no', code: 'FORBIDDEN', fields: [], lines: [] }]);
  });

  it('names every refused field, whether the API maps them or lists them, and every bad line of an import', () => {
    const refusal = (details: unknown) =>
      shownErrors(
        new CombinedError({ graphQLErrors: [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT', details } }] }),
      )[0];
    // The hub's own refusals: field → problem.
    expect(refusal({ fields: { on: 'not after today', 'instalments[0].fen': 'more than 0' } }).fields).toEqual([
      { field: 'on', message: 'not after today' },
      { field: 'instalments[0].fen', message: 'more than 0' },
    ]);
    // GraphQL input validation: a list with constraints.
    expect(
      refusal({ fields: [{ field: 'reason', constraints: { maxLength: 'too long', isNotEmpty: 'empty' } }] }).fields,
    ).toEqual([{ field: 'reason', message: 'too long；empty' }]);
    // Rule problems: each with its field and code, or a bare code.
    expect(
      refusal({
        problems: [
          { code: 'OWNERS_SIDE_PARTY_REQUIRED', field: 'parties', message: 'the owners’ side must sign' },
          'ENDS_BEFORE_START',
        ],
      }).fields,
    ).toEqual([
      { field: 'parties', message: 'the owners’ side must sign（OWNERS_SIDE_PARTY_REQUIRED）' },
      { field: '', message: 'ENDS_BEFORE_START' },
    ]);
    // A CSV import: every line the API names, and nothing that is not a line.
    expect(
      refusal({
        lines: [
          { line: 3, field: 'floor_area_m2', problem: 'must be a positive number' },
          { line: 9, field: 'room', problem: 'is missing' },
          { problem: 'no line' },
        ],
      }).lines,
    ).toEqual([
      { line: 3, field: 'floor_area_m2', problem: 'must be a positive number' },
      { line: 9, field: 'room', problem: 'is missing' },
    ]);
  });

  it('reads the role from a token only for the menus, and refuses what is not a JWT', () => {
    const payload = btoa(JSON.stringify({ role: 'COURT', org: 'bj-xicheng-court', exp: 4102444800 }))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(claimsOf(`x.${payload}.y`)).toEqual({
      role: 'COURT',
      organisationId: 'bj-xicheng-court',
      expiresAt: 4102444800000,
    });
    expect(claimsOf('not-a-token')).toBeUndefined();
    expect(claimsOf('a.%%%.b')).toBeUndefined();
  });
});
