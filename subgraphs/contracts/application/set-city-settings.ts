import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CITY_SETTINGS_CHANGED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { CONTRACTS_EVENT_SOURCE } from '../events/publish/filing-events';
import { citySettingsChanged } from '../events/publish/city-settings-events';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { CitySettings, defineCitySettings } from '../domain/statutes';
import { CitySettingsRecord } from '../persistence/city-settings.entity';
import { findCitySettings, lockCity, saveCitySettings } from '../persistence/city-settings.repository';

/**
 * The admin enters or changes a city's settings: checked whole (every setting with its source), written as the
 * city's next version with an audit row saying who, when and why, and published (contracts.city-settings.v1) in the
 * same transaction for the subgraphs that take from them. Filings already made keep what was assessed.
 */
export async function setCitySettings(
  em: EntityManager,
  identity: Identity,
  input: { settings: CitySettings; reason: string },
): Promise<CitySettingsRecord> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin maintains city settings');
  if (!input.reason?.trim())
    throw new InvalidInputError('A change of city settings needs a reason', {
      fields: { reason: 'must not be empty' },
    });
  const entered = defineCitySettings(input.settings);
  return em.transactional(async (tx) => {
    await lockCity(tx, entered.cityCode);
    const current = await findCitySettings(tx, entered.cityCode);
    // Left out, whether the street office decides stays as it was: a client that predates the setting, saving 临江市's
    // settings again, would otherwise have its street office decide filings again (helper-204's review).
    const settings: CitySettings =
      entered.streetOfficeDecidesFilings == null && current?.settings.streetOfficeDecidesFilings != null
        ? Object.freeze({ ...entered, streetOfficeDecidesFilings: current.settings.streetOfficeDecidesFilings })
        : entered;
    const version = (current?.version ?? 0) + 1;
    const changedAt = new Date();
    await saveCitySettings(tx, {
      id: randomUUID(),
      settings,
      version,
      changedAt,
      changedBy: identity.subject,
      reason: input.reason.trim(),
    });
    recordEvent(tx, CITY_SETTINGS_CHANGED, {
      source: CONTRACTS_EVENT_SOURCE,
      key: settings.cityCode,
      subject: settings.cityCode,
      data: citySettingsChanged(settings, version, changedAt),
    });
    return { cityCode: settings.cityCode, settings, version, changedAt, changedBy: identity.subject };
  });
}
