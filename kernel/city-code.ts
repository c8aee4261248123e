/**
 * Cities by GB/T 2260 code. A city's code covers the districts its significant digits prefix (trailing "00" pairs
 * dropped): 110000 covers every 11xxxx district, 220681 (临江市) only itself; the most specific city wins.
 */

/** The significant digits of a city code: 110000 → 11, 220600 → 2206, 220681 → 220681. */
export const cityPrefix = (cityCode: string): string => cityCode.replace(/(?:00)+$/, '');

/** The entry of the city whose code covers the district: the most specific one; null when none does. */
export function settingsCovering<T extends { cityCode: string }>(districtCode: string, all: readonly T[]): T | null {
  const covering = all.filter((s) => districtCode.startsWith(cityPrefix(s.cityCode)));
  covering.sort((a, b) => cityPrefix(b.cityCode).length - cityPrefix(a.cityCode).length);
  return covering[0] ?? null;
}

/** A GB/T 2260 province-level code: two digits and 0000 (110000 北京市, 220000 吉林省). */
export const PROVINCE_CODE = /^[1-9][0-9]0000$/;
