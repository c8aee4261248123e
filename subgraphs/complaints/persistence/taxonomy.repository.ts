import type { EntityManager } from '@mikro-orm/postgresql';
import { GovernanceModel, ResponsiblePartyKind } from '../../../catalog';
import { advisoryLock, sqlRows, sqlRun } from '../../../platform/db/sql';
import { CategoryDefinition, ItemDefinition, RecordedCategory, RecordedItem } from '../domain/taxonomy';

export type { RecordedCategory, RecordedItem };

type CategoryRow = {
  code: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
  source: string;
  recorded_by: string;
  recorded_at: Date;
};
type ItemRow = CategoryRow & { category_code: string; responsible: Record<GovernanceModel, ResponsiblePartyKind> };

const categoryOf = (r: CategoryRow): RecordedCategory => ({
  code: r.code,
  name: r.name,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  source: r.source,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});
const itemOf = (r: ItemRow): RecordedItem => ({
  ...categoryOf(r),
  categoryCode: r.category_code,
  responsible: r.responsible,
});

const DATES = `to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to`;

/** Inserts a category version; false when a version of the code starting that day exists already. */
export async function insertCategory(em: EntityManager, c: CategoryDefinition, recordedBy: string): Promise<boolean> {
  return (
    (await sqlRun(
      em,
      `insert into complaints.taxonomy_category (code, valid_from, valid_to, name, source, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, now())
       on conflict do nothing`,
      [c.code, c.validFrom, c.validTo ?? null, c.name, c.source, recordedBy],
    )) === 1
  );
}

export async function insertItem(em: EntityManager, i: ItemDefinition, recordedBy: string): Promise<boolean> {
  return (
    (await sqlRun(
      em,
      `insert into complaints.taxonomy_item (code, valid_from, valid_to, category_code, name, source, responsible, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, now()) on conflict do nothing`,
      [
        i.code,
        i.validFrom,
        i.validTo ?? null,
        i.categoryCode,
        i.name,
        i.source,
        JSON.stringify(i.responsible),
        recordedBy,
      ],
    )) === 1
  );
}

/*
 * In force on a day: of each code's versions that had begun by then, the latest (a later version replaces the one
 * before from its own first day, whatever that one's validTo), unless it had ended by then. Before, every version
 * whose period held the day was in force, so an open-ended version and its successor were both, and which one
 * dispatched an order depended on row order.
 */

/** Categories in force on `day`, by code. */
export async function categoriesInForce(em: EntityManager, day: string): Promise<RecordedCategory[]> {
  const rows = await sqlRows<CategoryRow>(
    em,
    `select * from (select distinct on (code) code, name, ${DATES}, source, recorded_by, recorded_at
                      from complaints.taxonomy_category where valid_from <= ?::date order by code, valid_from desc) latest
      where valid_to is null or valid_to::date >= ?::date order by code`,
    [day, day],
  );
  return rows.map(categoryOf);
}

/** Items in force on `day` of the given categories (all when omitted), by code. */
export async function itemsInForce(em: EntityManager, day: string, categoryCode?: string): Promise<RecordedItem[]> {
  const rows = await sqlRows<ItemRow>(
    em,
    `select * from (select distinct on (category_code, code) code, name, ${DATES}, source, recorded_by, recorded_at, category_code, responsible
                      from complaints.taxonomy_item where valid_from <= ?::date and (?::text is null or category_code = ?)
                     order by category_code, code, valid_from desc) latest
      where valid_to is null or valid_to::date >= ?::date order by category_code, code`,
    [day, categoryCode ?? null, categoryCode ?? null, day],
  );
  return rows.map(itemOf);
}

export async function itemInForceOn(
  em: EntityManager,
  categoryCode: string,
  itemCode: string,
  day: string,
): Promise<RecordedItem | undefined> {
  return (await itemsInForce(em, day, categoryCode)).find((i) => i.code === itemCode);
}

/** Each item's versions' periods, keyed `category/item` (a backfill checks every order's day against them). */
export async function itemValidity(
  em: EntityManager,
): Promise<Map<string, { validFrom: string; validTo: string | null }[]>> {
  const rows = await sqlRows<{ key: string; valid_from: string; valid_to: string | null }>(
    em,
    `select category_code || '/' || code as key, ${DATES} from complaints.taxonomy_item`,
  );
  const versions = new Map<string, { validFrom: string; validTo: string | null }[]>();
  for (const r of rows)
    versions.set(r.key, [...(versions.get(r.key) ?? []), { validFrom: r.valid_from, validTo: r.valid_to }]);
  return versions;
}

/**
 * The organisation that recorded the first version of a category (or, with `categoryCode`, of an item of it): the
 * keeper of its later versions. Null for a code not recorded yet. Taken under a lock per code, held to the end of
 * the caller's transaction, so two first versions recorded at once cannot both be first.
 */
export async function taxonomyKeeper(em: EntityManager, code: string, categoryCode?: string): Promise<string | null> {
  await advisoryLock(
    em,
    categoryCode === undefined ? `taxonomy-category:${code}` : `taxonomy-item:${categoryCode}/${code}`,
  );
  const [row] = await sqlRows<{ recorded_by: string }>(
    em,
    categoryCode === undefined
      ? `select recorded_by from complaints.taxonomy_category where code = ? order by valid_from, recorded_at limit 1`
      : `select recorded_by from complaints.taxonomy_item where code = ? and category_code = ? order by valid_from, recorded_at limit 1`,
    categoryCode === undefined ? [code] : [code, categoryCode],
  );
  return row?.recorded_by ?? null;
}
