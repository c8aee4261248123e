import { InvalidInputError } from './errors';
import { MAX_CURSOR_LENGTH, checkPage, cursorOf, keyOfCursor } from './pagination';

describe('keyset cursors', () => {
  it('give back the sort key they were made of', () => {
    const key = ['2026-11-30 23:00:00.123456+00', '0b8f3c1e-6f1a-4c8e-9d2b-1a2b3c4d5e6f'];
    const cursor = cursorOf(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor.length).toBeLessThanOrEqual(MAX_CURSOR_LENGTH);
    expect(keyOfCursor(cursor, 2)).toEqual(key);
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['not JSON', Buffer.from('{{').toString('base64url')],
    ['another arity', cursorOf(['a'])],
    ['numbers', Buffer.from('[1,2]').toString('base64url')],
    ['too long', 'A'.repeat(MAX_CURSOR_LENGTH + 1)],
    // PostgreSQL refuses NUL in text: before, such a key reached the query as an internal error.
    ['holding NUL', cursorOf(['a\u0000', 'b'])],
    ['holding half a surrogate pair', cursorOf(['\ud800', 'b'])],
  ])('refuse a cursor that is %s', (_, cursor) => {
    expect(() => keyOfCursor(cursor, 2)).toThrow(InvalidInputError);
  });

  it('start a page after a cursor or at an offset, not both', () => {
    expect(() => checkPage({ first: 10, offset: 0, after: cursorOf(['a', 'b']) })).not.toThrow();
    expect(() => checkPage({ first: 10, offset: 5, after: cursorOf(['a', 'b']) })).toThrow(InvalidInputError);
  });

  it("hold at most the list's own maximum when it names one", () => {
    expect(() => checkPage({ first: 100, offset: 0 }, 100)).not.toThrow();
    expect(() => checkPage({ first: 101, offset: 0 }, 100)).toThrow('Pages hold 1–100 rows');
    expect(() => checkPage({ first: 101, offset: 0 })).not.toThrow();
  });
});
