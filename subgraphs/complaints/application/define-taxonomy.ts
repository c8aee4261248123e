import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import {
  CategoryDefinition,
  ItemDefinition,
  assertKeeps,
  assertMayMaintainTaxonomy,
  validateCategory,
  validateItem,
} from '../domain/taxonomy';
import {
  RecordedCategory,
  RecordedItem,
  categoriesInForce,
  insertCategory,
  insertItem,
  itemsInForce,
  taxonomyKeeper,
} from '../persistence/taxonomy.repository';

/** The city bureau records a category version (from its validFrom); a version is never changed, the next one replaces it. */
export async function defineCategory(
  em: EntityManager,
  identity: Identity,
  input: CategoryDefinition,
): Promise<RecordedCategory> {
  assertMayMaintainTaxonomy(identity);
  const category = validateCategory(input);
  return em.transactional(async (tx) => {
    assertKeeps(identity, `Category ${category.code}`, await taxonomyKeeper(tx, category.code));
    if (!(await insertCategory(tx, category, identity.organisationId))) {
      throw new DomainError('CONFLICT', `Category ${category.code} already has a version from ${category.validFrom}`);
    }
    return (await categoriesInForce(tx, category.validFrom)).find((c) => c.code === category.code)!;
  });
}

/** The city bureau records an item version with the party responsible under each governance model. */
export async function defineItem(em: EntityManager, identity: Identity, input: ItemDefinition): Promise<RecordedItem> {
  assertMayMaintainTaxonomy(identity);
  const item = validateItem(input);
  return em.transactional(async (tx) => {
    assertKeeps(identity, `Category ${item.categoryCode}`, await taxonomyKeeper(tx, item.categoryCode));
    assertKeeps(
      identity,
      `Item ${item.categoryCode}/${item.code}`,
      await taxonomyKeeper(tx, item.code, item.categoryCode),
    );
    if (!(await categoriesInForce(tx, item.validFrom)).some((c) => c.code === item.categoryCode)) {
      throw new DomainError('BAD_USER_INPUT', `No category ${item.categoryCode} is in force on ${item.validFrom}`, {
        fields: { categoryCode: 'no such category in force on validFrom' },
      });
    }
    if (!(await insertItem(tx, item, identity.organisationId))) {
      throw new DomainError('CONFLICT', `Item ${item.code} already has a version from ${item.validFrom}`);
    }
    return (await itemsInForce(tx, item.validFrom, item.categoryCode)).find((i) => i.code === item.code)!;
  });
}
