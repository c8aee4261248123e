import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { governingCategories, holdsOneOf } from '../domain/taxonomy';
import { RecordedCategory, RecordedItem, categoriesInForce, itemsInForce } from '../persistence/taxonomy.repository';

/**
 * The taxonomy in force on a day (today by default): every division's, or, for a division or street code, the
 * categories its orders of that day follow (those holding items). Readable by every signed-in caller: it holds no personal data.
 */
export async function listTaxonomy(
  em: EntityManager,
  asOf?: string | null,
  divisionOrStreet?: string | null,
): Promise<{ category: RecordedCategory; items: RecordedItem[] }[]> {
  const day = asOf ?? todayInChina();
  const [inForce, items] = await Promise.all([categoriesInForce(em, day), itemsInForce(em, day)]);
  const categories = divisionOrStreet ? governingCategories(inForce, divisionOrStreet, holdsOneOf(items)) : inForce;
  return categories.map((category) => ({
    category,
    items: items.filter((i) => i.division === category.division && i.categoryCode === category.code),
  }));
}
