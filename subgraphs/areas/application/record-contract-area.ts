import type { EntityManager } from '@mikro-orm/postgresql';
import { ContractArea, deleteContractArea, insertContractArea } from '../persistence/contract-area.repository';

/** A company that drafted a contract of an area reads that area's identifying facts from now on. */
export async function recordContractArea(em: EntityManager, row: ContractArea): Promise<void> {
  await insertContractArea(em, row);
}

/** A draft the company discarded gives it its area to read no more. */
export async function forgetContractArea(em: EntityManager, contractId: string): Promise<void> {
  await deleteContractArea(em, contractId);
}
