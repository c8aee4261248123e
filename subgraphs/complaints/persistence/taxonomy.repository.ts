import type { EntityManager } from '@mikro-orm/postgresql';
import { GovernanceModel, ResponsiblePartyKind } from '../../../catalog';
import { advisoryLock, sqlRows, sqlRun } from '../../../platform/db/sql';
import { RecordedCategory, RecordedItem, governingItem, versionInForce } from '../domain/taxonomy';

export type { RecordedCategory, RecordedItem };

type CategoryRow = {
  division: string;
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
  division: r.division,
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

type NewVersion<T extends RecordedCategory> = Omit<T, 'recordedBy' | 'recordedAt'>;

/** Inserts a category version; false when a version of the code starting that day exists already in its division. */
export async function insertCategory(
  em: EntityManager,
  c: NewVersion<RecordedCategory>,
  recordedBy: string,
): Promise<boolean> {
  return (
    (await sqlRun(
      em,
      `insert into complaints.taxonomy_category (division, code, valid_from, valid_to, name, source, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?, now()) on conflict do nothing`,
      [c.division, c.code, c.validFrom, c.validTo, c.name, c.source, recordedBy],
    )) === 1
  );
}

export async function insertItem(em: EntityManager, i: NewVersion<RecordedItem>, recordedBy: string): Promise<boolean> {
  return (
    (await sqlRun(
      em,
      `insert into complaints.taxonomy_item (division, code, valid_from, valid_to, category_code, name, source, responsible, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, now()) on conflict do nothing`,
      [
        i.division,
        i.code,
        i.validFrom,
        i.validTo,
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
 * In force on a day: of each code's versions in its division that had begun by then, the latest (a later version
 * replaces the one before from its own first day, whatever that one's validTo), unless it had ended by then. Before,
 * every version whose period held the day was in force, so an open-ended version and its successor were both, and
 * which one dispatched an order depended on row order.
 */

/** Categories in force on `day` (of one division or code, or of all), by division and code. */
export async function categoriesInForce(
  em: EntityManager,
  day: string,
  of: { division?: string; code?: string } = {},
): Promise<RecordedCategory[]> {
  const rows = await sqlRows<CategoryRow>(
    em,
    `select * from (select distinct on (division, code) division, code, name, ${DATES}, source, recorded_by, recorded_at
                      from complaints.taxonomy_category
                     where valid_from <= ?::date and (?::text is null or division = ?) and (?::text is null or code = ?)
                     order by division, code, valid_from desc) latest
      where valid_to is null or valid_to::date >= ?::date order by division, code`,
    [day, of.division ?? null, of.division ?? null, of.code ?? null, of.code ?? null, day],
  );
  return rows.map(categoryOf);
}

/** Items in force on `day` (of one division and category, or of all), by division, category and code. */
export async function itemsInForce(
  em: EntityManager,
  day: string,
  of: { division?: string; categoryCode?: string } = {},
): Promise<RecordedItem[]> {
  const rows = await sqlRows<ItemRow>(
    em,
    `select * from (select distinct on (division, category_code, code) division, code, name, ${DATES}, source, recorded_by, recorded_at, category_code, responsible
                      from complaints.taxonomy_item
                     where valid_from <= ?::date and (?::text is null or division = ?) and (?::text is null or category_code = ?)
                     order by division, category_code, code, valid_from desc) latest
      where valid_to is null or valid_to::date >= ?::date order by division, category_code, code`,
    [day, of.division ?? null, of.division ?? null, of.categoryCode ?? null, of.categoryCode ?? null, day],
  );
  return rows.map(itemOf);
}

/** The item in force on `day` in the category a street's orders of that day follow (domain governingCategories). */
export async function itemInForceOn(
  em: EntityManager,
  streetCode: string,
  categoryCode: string,
  itemCode: string,
  day: string,
): Promise<RecordedItem | undefined> {
  const [categories, items] = await Promise.all([
    categoriesInForce(em, day, { code: categoryCode }),
    itemsInForce(em, day, { categoryCode }),
  ]);
  return governingItem(categories, items, streetCode, itemCode);
}

/** The item of the division's category in force on `day`. */
export async function itemOfDivision(
  em: EntityManager,
  division: string,
  categoryCode: string,
  itemCode: string,
  day: string,
): Promise<RecordedItem | undefined> {
  return (await itemsInForce(em, day, { division, categoryCode })).find((i) => i.code === itemCode);
}

type Period = { validFrom: string; validTo: string | null };
type Versions = { division: string; code: string; versions: Period[] };

/**
 * Each division's category and item versions' periods, read once, and the item a street's order of a day may name
 * (a backfill checks every line against them, as itemInForceOn would).
 */
export async function taxonomyValidity(em: EntityManager): Promise<{
  /** The division of the item's category a street's order of the day follows, if it holds the item that day. */
  divisionOfItem(streetCode: string, categoryCode: string, itemCode: string, day: string): string | undefined;
}> {
  const rows = await sqlRows<{
    kind: 'c' | 'i';
    division: string;
    category_code: string;
    code: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    em,
    `select 'c' as kind, division, code as category_code, code, ${DATES} from complaints.taxonomy_category
     union all
     select 'i', division, category_code, code, ${DATES} from complaints.taxonomy_item`,
  );
  // Keyed by category code: each division's versions of the category, and of each of its items.
  const categories = new Map<string, Map<string, Versions>>();
  const items = new Map<string, Map<string, Versions>>();
  for (const r of rows) {
    const byKey = r.kind === 'c' ? categories : items;
    const ofCategory = byKey.get(r.category_code) ?? new Map<string, Versions>();
    byKey.set(r.category_code, ofCategory);
    const key = `${r.division}/${r.code}`;
    const versions = ofCategory.get(key) ?? { division: r.division, code: r.code, versions: [] };
    versions.versions.push({ validFrom: r.valid_from, validTo: r.valid_to });
    ofCategory.set(key, versions);
  }
  return {
    divisionOfItem(streetCode, categoryCode, itemCode, day) {
      const inForce = (versions?: Map<string, Versions>) =>
        [...(versions?.values() ?? [])].filter((v) => versionInForce(v.versions, day));
      const itemsInForce = inForce(items.get(categoryCode)).map((i) => ({ ...i, categoryCode }));
      return governingItem(inForce(categories.get(categoryCode)), itemsInForce, streetCode, itemCode)?.division;
    },
  };
}

/**
 * The organisation that recorded the first version of a category of the division (or, with `categoryCode`, of an
 * item of it): the keeper of its later versions. Null for a code not recorded there yet. Taken under a lock per code,
 * held to the end of the caller's transaction, so two first versions recorded at once cannot both be first.
 */
export async function taxonomyKeeper(
  em: EntityManager,
  division: string,
  code: string,
  categoryCode?: string,
): Promise<string | null> {
  await advisoryLock(
    em,
    categoryCode === undefined
      ? `taxonomy-category:${division}/${code}`
      : `taxonomy-item:${division}/${categoryCode}/${code}`,
  );
  const [row] = await sqlRows<{ recorded_by: string }>(
    em,
    categoryCode === undefined
      ? `select recorded_by from complaints.taxonomy_category where division = ? and code = ? order by valid_from, recorded_at limit 1`
      : `select recorded_by from complaints.taxonomy_item where division = ? and code = ? and category_code = ? order by valid_from, recorded_at limit 1`,
    categoryCode === undefined ? [division, code] : [division, code, categoryCode],
  );
  return row?.recorded_by ?? null;
}
