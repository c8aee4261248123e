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
  return { $or: scope.prefixes.map((prefix) => ({ [column]: { $like: `${prefix}%` } })) } as ObjectQuery<T>;
}
