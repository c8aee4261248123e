import type { EntityManager } from '@mikro-orm/postgresql';
import { contractsError } from '../domain/errors';
import { CitySettings, settingsCovering } from '../domain/statutes';
import { allCitySettings } from '../persistence/city-settings.repository';

/**
 * The settings of the area's city from the registry: the most specific city whose code covers the area's district
 * (临江市 220681 before a 白山市 220600 entry, Beijing 110000 for every 11xxxx district). An area of a city with no
 * settings is CITY_NOT_CONFIGURED: nothing is filed under another city's rules.
 */
export async function citySettingsOf(em: EntityManager, area: { districtCode: string }): Promise<CitySettings> {
  const found = settingsCovering(area.districtCode, await allCitySettings(em));
  if (!found) {
    throw contractsError(
      'CITY_NOT_CONFIGURED',
      'No city settings cover the area: the admin enters them with setCitySettings',
      { districtCode: area.districtCode },
    );
  }
  return found.settings;
}
