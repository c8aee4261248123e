import type { ContractDraftedData } from '../../../../catalog';
import type { Contract } from '../../persistence/contract.entity';

/** A contract drafted or discarded, as the areas subgraph takes it: whose contract of which area. */
export const contractAreaOf = (contract: Pick<Contract, 'id' | 'companyId' | 'areaId'>): ContractDraftedData => ({
  contractId: contract.id,
  companyId: contract.companyId,
  areaId: contract.areaId,
});
