import { advisoryLock, sqlRows } from '../../../platform/db/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CitySettings } from '../domain/statutes';
import {
  CitySettingsChange,
  CitySettingsChangeSchema,
  CitySettingsRecord,
  CitySettingsRecordSchema,
} from './city-settings.entity';

/** Every city's settings (a handful of rows: read whole, the most specific one picked in the domain). */
export const allCitySettings = (em: EntityManager): Promise<CitySettingsRecord[]> =>
  em.find(CitySettingsRecordSchema, {}, { orderBy: { cityCode: 'asc' } });

/**
 * Every city's settings as they stood at `at` (its latest version changed by then, from the audit trail): what a
 * filing submitted then was assessed under. A city first set up later is absent.
 */
export async function allCitySettingsAsOf(
  em: EntityManager,
  at: Date,
): Promise<{ cityCode: string; settings: CitySettings }[]> {
  const rows = await sqlRows<{ city_code: string; settings: CitySettings }>(
    em,
    `select distinct on (city_code) city_code, settings from contracts.city_settings_change
      where changed_at <= ? order by city_code, version desc`,
    [at],
  );
  return rows.map((r) => ({ cityCode: r.city_code, settings: r.settings }));
}

export const findCitySettings = (em: EntityManager, cityCode: string): Promise<CitySettingsRecord | null> =>
  em.findOne(CitySettingsRecordSchema, { cityCode });

/** The city's history, oldest first. */
export const citySettingsHistory = (em: EntityManager, cityCode: string): Promise<CitySettingsChange[]> =>
  em.find(CitySettingsChangeSchema, { cityCode }, { orderBy: { version: 'asc' } });

/** Locks the city's row (or the gap where it will be) so two admins' changes are versioned one after the other. */
export async function lockCity(em: EntityManager, cityCode: string): Promise<void> {
  await advisoryLock(em, `contracts.city_settings:${cityCode}`);
}

/** Writes the city's new version and its audit row. */
export async function saveCitySettings(
  em: EntityManager,
  row: { id: string; settings: CitySettings; version: number; changedAt: Date; changedBy: string; reason: string },
): Promise<void> {
  const { version, changedAt, changedBy } = row;
  // The domain's settings are frozen; the ORM processes what it is given in place, so it gets a plain copy.
  const settings = JSON.parse(JSON.stringify(row.settings)) as CitySettings;
  await em.upsert(CitySettingsRecordSchema, { cityCode: settings.cityCode, settings, version, changedAt, changedBy });
  await em.insert(CitySettingsChangeSchema, {
    id: row.id,
    cityCode: settings.cityCode,
    version,
    settings,
    changedAt,
    changedBy,
    reason: row.reason,
  });
}
