import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { CitySettings } from '../domain/statutes';

/** The registry of cities' settings, keyed by city code (GB/T 2260), maintained by the admin through the API. */
export const CitySettingsRecordSchema = defineEntity({
  name: 'CitySettingsRecord',
  tableName: 'city_settings',
  properties: (p) => ({
    cityCode: p.text().primary(),
    settings: p.json<CitySettings>(),
    /** Counts the changes; each change is one row of city_settings_change. */
    version: p.integer(),
    changedAt: p.datetime().columnType('timestamptz'),
    changedBy: p.text(),
  }),
});

export type CitySettingsRecord = InferEntity<typeof CitySettingsRecordSchema>;

/** The audit trail: every version of a city's settings, who set it, when and why. Never updated or deleted. */
export const CitySettingsChangeSchema = defineEntity({
  name: 'CitySettingsChange',
  tableName: 'city_settings_change',
  properties: (p) => ({
    id: p.uuid().primary(),
    cityCode: p.text(),
    version: p.integer(),
    settings: p.json<CitySettings>(),
    changedAt: p.datetime().columnType('timestamptz'),
    changedBy: p.text(),
    reason: p.text(),
  }),
});

export type CitySettingsChange = InferEntity<typeof CitySettingsChangeSchema>;
