/**
 * chargeFen (kernel/money.ts) in SQL: floor area × rate for `days` of a month of `monthDays` days, rounded once, half
 * up, in exact integers: round(x / y) is (2x + y) div 2y with x = area × rate × days and y = 100 × monthDays, which
 * for every day of the month is the whole month's (area × rate + 50) div 100. Each argument is an SQL expression (a
 * column or `?::int`); `monthDays` appears twice, so a `?` there takes two parameters, in the order days, monthDays,
 * monthDays.
 */
export const chargeFenSql = (area: string, rate: string, days: string, monthDays: string): string =>
  `(${area}::bigint * ${rate} * ${days} * 2 + 100 * ${monthDays}) / (200 * ${monthDays})`;
