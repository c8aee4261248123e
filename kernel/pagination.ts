import { InvalidInputError } from './errors';
import { isStorableText } from './storable-text';

/**
 * A page of a list: `first` rows from `offset`, or (keyset pagination, for lists that grow large) the `first` rows
 * after the row a cursor names, read straight from the list's index however deep the page.
 */
export interface Page {
  first: number;
  offset: number;
  after?: string | null;
}

/** A cursor is short: the sort key of one row. */
export const MAX_CURSOR_LENGTH = 200;

/** The cursor of a row: its sort key, opaque to callers. */
export const cursorOf = (key: readonly string[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** BAD_USER_INPUT: the `after` a caller sent is not a cursor the list gave. */
export const invalidCursor = () =>
  new InvalidInputError('after is not a cursor this list gave', { fields: { after: 'an endCursor of this list' } });

/** The sort key a cursor names, `arity` strings; BAD_USER_INPUT when it is not a cursor the list gave. */
export function keyOfCursor(cursor: string, arity: number): string[] {
  const refuse = invalidCursor;
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw refuse();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  // Storable text only: a key part with NUL reached PostgreSQL, which refused it as an internal error.
  if (!Array.isArray(key) || key.length !== arity || !key.every((k) => typeof k === 'string' && isStorableText(k)))
    throw refuse();
  return key as string[];
}

export const MAX_PAGE_SIZE = 500;

/**
 * BAD_USER_INPUT unless the page holds 1–500 rows (or 1–`max`, for a list whose rows cost more) from an offset of
 * 0 or more: no list is read unbounded.
 */
export function checkPage(page: Page, max: number = MAX_PAGE_SIZE): void {
  if (
    !Number.isInteger(page.first) ||
    page.first < 1 ||
    page.first > max ||
    !Number.isInteger(page.offset) ||
    page.offset < 0
  ) {
    throw new InvalidInputError(`Pages hold 1–${max} rows from an offset of 0 or more`, {
      fields: { first: `1–${max}`, offset: '0 or more' },
    });
  }
  if (page.after != null && page.offset !== 0) {
    throw new InvalidInputError('A page starts after a cursor or at an offset, not both', {
      fields: { after: 'without offset', offset: '0 with after' },
    });
  }
}
