import type { EntityManager } from '@mikro-orm/postgresql';

/** Compounds registered under each division code (street or community prefix), for many divisions in one query. */
export async function compoundCounts(em: EntityManager, codes: readonly string[]): Promise<Map<string, number>> {
  const rows = await em.getConnection().execute<{ code: string; n: string }[]>(
    `select d.code, count(c.id) as n
       from json_array_elements_text(?::json) as d(code)
       left join areas.compound c on c.street_code like d.code || '%' or c.community_code like d.code || '%'
      group by d.code`,
    [JSON.stringify(codes)],
  );
  return new Map(rows.map((r) => [r.code, Number(r.n)]));
}
