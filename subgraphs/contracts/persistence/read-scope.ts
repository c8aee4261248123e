import type { ObjectQuery } from '@mikro-orm/postgresql';
import type { ReviewScope } from '../domain/filing-reviewers';

/** Contracts and filings both carry their area's division codes, copied when the contract was drafted. */
interface Divided {
  streetCode: string;
  districtCode: string;
}

/**
 * The rows of the divisions a reviewer reviews, as a filter the database applies (indexed with text_pattern_ops).
 * Division codes are digits only, so the prefixes need no escaping inside LIKE.
 */
export function reviewScopeFilter<T extends Divided>(scope: ReviewScope): ObjectQuery<T> {
  if (scope.by === 'ALL') return {} as ObjectQuery<T>;
  const column = scope.by === 'STREET' ? 'streetCode' : 'districtCode';
  // A whole division's code (what a street office or a district bureau holds) is an equality, so the queue's
  // index (division, status, submitted_on, created_at, id) returns a page in order; a shorter prefix is a LIKE.
  const length = scope.by === 'STREET' ? STREET_CODE_LENGTH : DISTRICT_CODE_LENGTH;
  const whole = scope.prefixes.filter((p) => p.length === length);
  const partial = scope.prefixes.filter((p) => p.length !== length);
  const conditions = [
    ...(whole.length > 0 ? [{ [column]: whole.length === 1 ? whole[0] : { $in: whole } }] : []),
    ...partial.map((prefix) => ({ [column]: { $like: `${prefix}%` } })),
  ];
  return (conditions.length === 1 ? conditions[0] : { $or: conditions }) as ObjectQuery<T>;
}

/** The lengths of a district's and a street's division code (GB/T 2260 six digits, a township's nine). */
const DISTRICT_CODE_LENGTH = 6;
const STREET_CODE_LENGTH = 9;
