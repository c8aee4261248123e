import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { reviewScopeOf } from '../domain/filing-reviewers';
import { Filing } from '../persistence/filing.entity';
import { ReviewQueueFilter, StatusCount, reviewQueue } from '../persistence/filing.repository';

export interface FilingQueuePage {
  items: Filing[];
  /** The cursor of the page's last row, for the next page; null on the last page. */
  endCursor: string | null;
  /** How many match in all, and per status: counted only when asked (a deep queue is not counted for every page). */
  totalCount: () => Promise<number>;
  counts: () => Promise<StatusCount[]>;
}

/**
 * A reviewer's queue: filings of the divisions they review, oldest submission first, with the count per status and
 * how many of each were late. A company or a court reviews nothing and gets an empty queue.
 */
export async function filingReviewQueue(
  em: EntityManager,
  identity: Identity,
  filter: ReviewQueueFilter,
  page: Page,
): Promise<FilingQueuePage> {
  checkPage(page);
  const scope = reviewScopeOf(identity);
  if (!scope) return { items: [], endCursor: null, totalCount: async () => 0, counts: async () => [] };
  const dates = Object.entries({ submittedFrom: filter.submittedFrom, submittedTo: filter.submittedTo }).filter(
    ([, v]) => v && !isIsoDate(v),
  );
  if (dates.length > 0)
    throw new InvalidInputError('Submission dates must be YYYY-MM-DD', {
      fields: Object.fromEntries(dates.map(([k]) => [k, 'not a date'])),
    });
  return reviewQueue(em, scope, filter, page);
}
