import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CREDIT_RECORD_PUBLISHED, CREDIT_RECORD_WITHDRAWN } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { isDueForPublication } from '../domain/credit';
import { CitySettings, settingsCovering } from '../domain/statutes';
import { CONTRACTS_EVENT_SOURCE } from '../events/publish/filing-events';
import { creditRecordPublished, creditRecordWithdrawn } from '../events/publish/credit-events';
import { allCitySettings } from '../persistence/city-settings.repository';
import {
  CreditEntry,
  NewCreditEntry,
  insertCreditEntry,
  saveCreditEntryState,
} from '../persistence/credit-entry.repository';

/** The settings of the city covering the district, or null where none does (such entries are never published). */
export async function creditCityOf(em: EntityManager, districtCode: string): Promise<CitySettings | null> {
  return settingsCovering(districtCode, await allCitySettings(em))?.settings ?? null;
}

/**
 * Records an entry in the caller's transaction (once: the same court listing, or the same filing version and kind,
 * again changes nothing), recorded `today` with the city's notice period of the day (entryNoticeDays): the sweep
 * publishes it once that period has run from today, however long ago the conduct or the listing was (before, from
 * that day, so an entry recorded late was published the day it was recorded, leaving the company or the owner's
 * street office no time to object).
 */
export async function recordCreditEntry(
  tx: EntityManager,
  entry: Omit<NewCreditEntry, 'id' | 'cityCode' | 'noticeDays' | 'recordedOn'>,
  city: CitySettings | null,
  today: string,
): Promise<string | null> {
  const id = randomUUID();
  const noticeDays = city?.creditNoticePeriodDays ?? null;
  const recorded = { ...entry, id, cityCode: city?.cityCode ?? null, noticeDays, recordedOn: today };
  return (await insertCreditEntry(tx, recorded)) ? id : null;
}

/** Publishes the entry to the credit feed if it is due on `today`; true when it did. */
export async function publishIfDue(
  tx: EntityManager,
  entry: CreditEntry,
  city: CitySettings,
  today: string,
): Promise<boolean> {
  if (entry.cityCode === null || !isDueForPublication(entry, city.creditNoticePeriodDays, today)) return false;
  Object.assign(entry, { status: 'PUBLISHED', publishedOn: today });
  recordEvent(tx, CREDIT_RECORD_PUBLISHED, {
    source: CONTRACTS_EVENT_SOURCE,
    key: entry.id,
    subject: entry.id,
    data: creditRecordPublished({ ...entry, cityCode: entry.cityCode }, today),
  });
  await saveCreditEntryState(tx, entry);
  return true;
}

/** Publishes the withdrawal of an entry the feed had carried. */
export function publishWithdrawal(tx: EntityManager, entry: CreditEntry, today: string, reason: string): void {
  if (entry.cityCode === null) return;
  recordEvent(tx, CREDIT_RECORD_WITHDRAWN, {
    source: CONTRACTS_EVENT_SOURCE,
    key: entry.id,
    subject: entry.id,
    data: creditRecordWithdrawn({ ...entry, cityCode: entry.cityCode }, today, reason),
  });
}
