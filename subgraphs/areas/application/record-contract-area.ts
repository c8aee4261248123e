import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractArea, insertContractArea } from '../persistence/contract-area.repository';

/** A company that drafted a contract of an area reads that area's identifying facts from now on. */
export async function recordContractArea(em: EntityManager, row: ContractArea): Promise<void> {
  await insertContractArea(em, row);
}
