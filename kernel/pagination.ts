import { InvalidInputError } from './errors';

/** A page of a list: `first` rows from `offset`. */
export interface Page {
  first: number;
  offset: number;
}

export const MAX_PAGE_SIZE = 500;

/** BAD_USER_INPUT unless the page holds 1–500 rows from an offset of 0 or more: no list is read unbounded. */
export function checkPage(page: Page): void {
  if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE || !Number.isInteger(page.offset) || page.offset < 0) {
    throw new InvalidInputError(`Pages hold 1–${MAX_PAGE_SIZE} rows from an offset of 0 or more`, { fields: { first: `1–${MAX_PAGE_SIZE}`, offset: '0 or more' } });
  }
}
