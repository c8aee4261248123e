import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { settingsCovering } from '../domain/statutes';
import { allCitySettings } from '../persistence/city-settings.repository';
import { lockRecordedCreditEntries } from '../persistence/credit-entry.repository';
import { publishIfDue } from './credit-entry.record';

/** At most this many entries are looked at per sweep (the next sweep takes the rest). */
const SWEEP_LIMIT = 500;

/**
 * Publishes every recorded entry whose notice period has run (without an objection pending), in one transaction:
 * the background sweep calls it; a replica running it at the same moment skips the rows this one holds.
 */
export async function publishDueCreditEntries(em: EntityManager, today = todayInChina()): Promise<number> {
  return em.transactional(async (tx) => {
    const cities = await allCitySettings(tx);
    let published = 0;
    for (const entry of await lockRecordedCreditEntries(tx, SWEEP_LIMIT)) {
      const city = settingsCovering(entry.districtCode, cities)?.settings;
      if (city && (await publishIfDue(tx, entry, city, today))) published += 1;
    }
    return published;
  });
}
