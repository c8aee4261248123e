import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { RecordedCategory, RecordedItem, categoriesInForce, itemsInForce } from '../persistence/taxonomy.repository';

/** The taxonomy in force on a day (today by default): readable by every signed-in caller, it holds no personal data. */
export async function listTaxonomy(
  em: EntityManager,
  asOf?: string | null,
): Promise<{ category: RecordedCategory; items: RecordedItem[] }[]> {
  const day = asOf ?? todayInChina();
  const [categories, items] = await Promise.all([categoriesInForce(em, day), itemsInForce(em, day)]);
  return categories.map((category) => ({ category, items: items.filter((i) => i.categoryCode === category.code) }));
}
