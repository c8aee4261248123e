import type { CitySettingsChangedData } from '../../../../catalog';
import type { CitySettings } from '../../domain/statutes';

/** A city's settings version as other subgraphs take it: the small-claims province with its source. */
export function citySettingsChanged(settings: CitySettings, version: number, changedAt: Date): CitySettingsChangedData {
  const code = settings.smallClaimsProvinceCode ?? null;
  const days = settings.demandPeriodDays ?? null;
  return {
    cityCode: settings.cityCode,
    cityName: settings.cityName,
    version,
    smallClaimsProvince: code === null ? null : { code, source: settings.sources.smallClaimsProvince ?? '' },
    ...(days === null ? {} : { demandPeriod: { days, source: settings.sources.demandPeriod ?? '' } }),
    changedAt: changedAt.toISOString(),
  };
}
