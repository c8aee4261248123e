import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { CitySettingsChange, CitySettingsRecord } from '../persistence/city-settings.entity';
import { allCitySettings, citySettingsHistory } from '../persistence/city-settings.repository';

/** The rules filings are checked against are public law: every signed-in organisation may read them. */
const mayRead = (identity: Identity) => identity.role !== 'PUBLIC';

export async function listCitySettings(em: EntityManager, identity: Identity): Promise<CitySettingsRecord[]> {
  if (!mayRead(identity)) throw new ForbiddenError();
  return allCitySettings(em);
}

/** The audit trail of a city's settings: the admin only (it names who changed them). */
export async function cityHistory(
  em: EntityManager,
  identity: Identity,
  cityCode: string,
): Promise<CitySettingsChange[]> {
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin reads the history of city settings');
  return citySettingsHistory(em, cityCode);
}
