import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { ReviewScope, reviewScopeOf } from '../domain/filing-reviewers';
import { cityPrefix, settingsCovering } from '../domain/statutes';
import { districtsUnder } from '../persistence/area-view.repository';
import { allCitySettings } from '../persistence/city-settings.repository';
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
 * The divisions whose filings wait for this reviewer: reviewScopeOf, and for a bureau only the districts whose city
 * gives it the decision (`filingReviewerRole`, mayDecideFiling): before, a 临江市 housing bureau's queue listed the
 * filings the city gives to its enforcement bureau; for a street office only the streets of a city that has it decide
 * (`streetOfficeDecidesFilings`); for the admin none, as it decides none. Null when none.
 */
async function decidingScope(em: EntityManager, identity: Identity): Promise<ReviewScope | null> {
  const scope = reviewScopeOf(identity);
  // The admin reads every filing (reviewScopeOf), but none waits for its decision (mayDecideFiling).
  if (scope?.by === 'ALL') return null;
  if (scope?.by === 'STREET') {
    // A street office decides only where its city's settings have it decide (临江市's supervises).
    const cities = await allCitySettings(em);
    const prefixes = scope.prefixes.filter(
      (street) => settingsCovering(street, cities)?.settings.streetOfficeDecidesFilings !== false,
    );
    return prefixes.length > 0 ? { by: 'STREET', prefixes } : null;
  }
  if (scope?.by !== 'DISTRICT') return scope;
  const cities = await allCitySettings(em);
  // Only where a city giving filings to another role overlaps the bureau's divisions are its districts looked up:
  // otherwise the scope stays as it was (a district's code an equality the queue's index serves).
  const overlaps = (city: string) => scope.prefixes.some((p) => p.startsWith(city) || city.startsWith(p));
  if (!cities.some((c) => c.settings.filingReviewerRole !== identity.role && overlaps(cityPrefix(c.cityCode))))
    return scope;
  const districts = (await districtsUnder(em, scope.prefixes)).filter(
    (d) => settingsCovering(d, cities)?.settings.filingReviewerRole === identity.role,
  );
  return districts.length > 0 ? { by: 'DISTRICT', prefixes: districts } : null;
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
  const scope = await decidingScope(em, identity);
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
