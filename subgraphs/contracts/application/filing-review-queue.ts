import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { reviewScopeOf } from '../domain/filing-reviewers';
import { Filing } from '../persistence/filing.entity';
import { ReviewQueueFilter, StatusCount, reviewQueue } from '../persistence/filing.repository';

/**
 * A reviewer's queue: filings of the divisions they review, oldest submission first, with the count per status and
 * how many of each were late. A company or a court reviews nothing and gets an empty queue.
 */
export async function filingReviewQueue(
  em: EntityManager,
  identity: Identity,
  filter: ReviewQueueFilter,
  page: Page,
): Promise<{ items: Filing[]; totalCount: number; counts: StatusCount[] }> {
  checkPage(page);
  const scope = reviewScopeOf(identity);
  if (!scope) return { items: [], totalCount: 0, counts: [] };
  const dates = Object.entries({ submittedFrom: filter.submittedFrom, submittedTo: filter.submittedTo }).filter(
    ([, v]) => v && !isIsoDate(v),
  );
  if (dates.length > 0)
    throw new InvalidInputError('Submission dates must be YYYY-MM-DD', {
      fields: Object.fromEntries(dates.map(([k]) => [k, 'not a date'])),
    });
  return reviewQueue(em, scope, filter, page);
}
