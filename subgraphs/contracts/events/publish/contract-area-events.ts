import type { ContractDraftedData } from '../../../../catalog';
import type { Contract } from '../../persistence/contract.entity';

/** A drafted contract as the areas subgraph takes it: whose contract of which area. */
export const contractDrafted = (contract: Pick<Contract, 'id' | 'companyId' | 'areaId'>): ContractDraftedData => ({
  contractId: contract.id,
  companyId: contract.companyId,
  areaId: contract.areaId,
});
