import type { EntityManager } from '@mikro-orm/postgresql';
import type { CitySettingsChangedData } from '../../../catalog';
import { sqlRows, sqlRun } from '../../../platform/db/sql';

/** A city's small-claims province as litigation keeps it; null where the city's settings name none. */
export interface CityProvince {
  cityCode: string;
  cityName: string;
  provinceCode: string | null;
  source: string | null;
  /** The city's reasonable period after a demand (Civil Code art. 944 para. 2); null where it sets none. */
  demandPeriod: { days: number; source: string } | null;
}

/** Keeps the version when it is newer than the city's copy; redelivery and replays are no-ops. */
export async function applyCitySettings(em: EntityManager, data: CitySettingsChangedData): Promise<void> {
  await sqlRun(
    em,
    `insert into litigation.city_province as c
        (city_code, city_name, version, province_code, source, demand_period_days, demand_period_source)
      values (?, ?, ?, ?, ?, ?, ?)
      on conflict (city_code) do update set city_name = excluded.city_name, version = excluded.version,
        province_code = excluded.province_code, source = excluded.source,
        demand_period_days = excluded.demand_period_days, demand_period_source = excluded.demand_period_source,
        received_at = now()
      where c.version < excluded.version`,
    [
      data.cityCode,
      data.cityName,
      data.version,
      data.smallClaimsProvince?.code ?? null,
      data.smallClaimsProvince?.source ?? null,
      data.demandPeriod?.days ?? null,
      data.demandPeriod?.source ?? null,
    ],
  );
}

/** Every city's copy (a handful of rows; the most specific one covering an area is picked in kernel/city-code). */
export async function cityProvinces(em: EntityManager): Promise<CityProvince[]> {
  const rows = await sqlRows<{
    city_code: string;
    city_name: string;
    province_code: string | null;
    source: string | null;
    demand_period_days: number | null;
    demand_period_source: string | null;
  }>(
    em,
    `select city_code, city_name, province_code, source, demand_period_days, demand_period_source
      from litigation.city_province order by city_code`,
  );
  return rows.map((r) => ({
    cityCode: r.city_code,
    cityName: r.city_name,
    provinceCode: r.province_code,
    source: r.source,
    demandPeriod:
      r.demand_period_days === null ? null : { days: r.demand_period_days, source: r.demand_period_source ?? '' },
  }));
}
