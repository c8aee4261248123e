import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRun } from '../../../platform/db/sql';

/** That a company has a contract of an area, from contracts.contract-areas.v1. */
export interface ContractArea {
  contractId: string;
  companyId: string;
  areaId: string;
}

/** Records a contract's area once: a redelivered message changes nothing. */
export async function insertContractArea(em: EntityManager, row: ContractArea): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.contract_area (contract_id, company_id, area_id) values (?, ?, ?) on conflict do nothing`,
    [row.contractId, row.companyId, row.areaId],
  );
}

/** Forgets a discarded draft's area: the company reads it no more, unless another contract of its gives it. */
export async function deleteContractArea(em: EntityManager, contractId: string): Promise<void> {
  await sqlRun(em, `delete from areas.contract_area where contract_id = ?`, [contractId]);
}
