import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import {
  CategoryDefinition,
  ItemDefinition,
  assertKeeps,
  assertMayMaintainTaxonomy,
  taxonomyDivision,
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

/**
 * The city bureau records a category version (from its validFrom) for its division; a version is never changed, the
 * next one replaces it.
 */
export async function defineCategory(
  em: EntityManager,
  identity: Identity,
  input: CategoryDefinition,
): Promise<RecordedCategory> {
  assertMayMaintainTaxonomy(identity);
  const category = { ...validateCategory(input), division: taxonomyDivision(identity, input.division) };
  return em.transactional(async (tx) => {
    assertKeeps(identity, `Category ${category.code}`, await taxonomyKeeper(tx, category.division, category.code));
    if (!(await insertCategory(tx, category, identity.organisationId))) {
      throw new DomainError('CONFLICT', `Category ${category.code} already has a version from ${category.validFrom}`);
    }
    return (await categoriesInForce(tx, category.validFrom, category)).find((c) => c.code === category.code)!;
  });
}

/** The city bureau records an item version with the party responsible under each governance model. */
export async function defineItem(em: EntityManager, identity: Identity, input: ItemDefinition): Promise<RecordedItem> {
  assertMayMaintainTaxonomy(identity);
  const item = { ...validateItem(input), division: taxonomyDivision(identity, input.division) };
  const { division, categoryCode } = item;
  return em.transactional(async (tx) => {
    assertKeeps(identity, `Category ${categoryCode}`, await taxonomyKeeper(tx, division, categoryCode));
    assertKeeps(
      identity,
      `Item ${categoryCode}/${item.code}`,
      await taxonomyKeeper(tx, division, item.code, categoryCode),
    );
    if ((await categoriesInForce(tx, item.validFrom, { division, code: categoryCode })).length === 0) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `No category ${categoryCode} of division ${division} is in force on ${item.validFrom}`,
        { fields: { categoryCode: 'no such category of the division in force on validFrom' } },
      );
    }
    if (!(await insertItem(tx, item, identity.organisationId))) {
      throw new DomainError('CONFLICT', `Item ${item.code} already has a version from ${item.validFrom}`);
    }
    return (await itemsInForce(tx, item.validFrom, { division, categoryCode })).find((i) => i.code === item.code)!;
  });
}
