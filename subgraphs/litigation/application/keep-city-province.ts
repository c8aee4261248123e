import type { EntityManager } from '@mikro-orm/postgresql';
import type { CitySettingsChangedData } from '../../../catalog';
import { applyCitySettings } from '../persistence/city-province.repository';

/** Keeps a city's small-claims province from its settings version (newer versions only). */
export function keepCityProvince(em: EntityManager, data: CitySettingsChangedData): Promise<void> {
  return applyCitySettings(em, data);
}
