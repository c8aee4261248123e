import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { settingsCovering } from '../domain/statutes';
import { allCitySettings } from '../persistence/city-settings.repository';
import { CreditEntry, lockRecordedCreditEntries } from '../persistence/credit-entry.repository';
import { publishIfDue } from './credit-entry.record';

/** Entries are read this many at a time. */
const SWEEP_PAGE = 500;

/**
 * Publishes every recorded entry whose notice period has run (without an objection pending), in one transaction:
 * the background sweep calls it; a replica running it at the same moment skips the rows this one holds. It pages
 * through all recorded entries: entries that are not due for a long time (a city with no notice period, a period
 * past the holiday data) once filled the only page read, oldest first, and no entry behind them was published again.
 */
export async function publishDueCreditEntries(
  em: EntityManager,
  today = todayInChina(),
  page = SWEEP_PAGE,
): Promise<number> {
  return em.transactional(async (tx) => {
    const cities = await allCitySettings(tx);
    let published = 0;
    for (let after: CreditEntry | null = null; ;) {
      const entries: CreditEntry[] = await lockRecordedCreditEntries(tx, page, after);
      for (const entry of entries) {
        const city = settingsCovering(entry.districtCode, cities)?.settings;
        if (!city) continue;
        // An entry recorded before any city's settings covered its district (a utility cut-off reported then) is the
        // city's that covers it now: before, it kept no city and was never published.
        const owned = entry.cityCode === null ? { ...entry, cityCode: city.cityCode } : entry;
        if (await publishIfDue(tx, owned, city, today)) published += 1;
      }
      if (entries.length < page) return published;
      after = entries[entries.length - 1];
    }
  });
}
