import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError } from '../../../kernel/errors';
import { ClassFee } from '../domain/fee-schedule';
import { ServiceItem } from '../domain/contract-terms';
import { areaViewsNamedLike } from '../persistence/area-view.repository';
import { contractsInForce } from '../persistence/contract.repository';
import { acceptedFilingsOfContracts } from '../persistence/filing.repository';

export interface PublicServiceStandards {
  compoundName: string;
  providerName: string | null;
  filingRecordNumber: string | null;
  serviceStartsOn: string | null;
  serviceEndsOn: string | null;
  serviceStandards: ServiceItem[];
  feeClasses: ClassFee[];
}

/**
 * Publicity (双晒): for each area whose name matches, the provider, the service standards and the owner fee rates
 * of the contract in force today. Public record only: no signatories, no households, no internal ids of parties.
 */
export async function publicServiceStandards(em: EntityManager, compoundName: string): Promise<PublicServiceStandards[]> {
  const name = compoundName?.trim() ?? '';
  if (name.length < 2 || name.length > 100) throw new InvalidInputError('Give at least two characters of the compound name', { fields: { compoundName: '2–100 characters' } });
  const areas = await areaViewsNamedLike(em, name, 20);
  if (areas.length === 0) return [];
  const contracts = await contractsInForce(em, areas.map((a) => a.areaId), todayInChina());
  const filings = await acceptedFilingsOfContracts(em, contracts.map((c) => c.id));
  return areas.map((area) => {
    const contract = contracts.find((c) => c.areaId === area.areaId) ?? null;
    const filing = contract ? (filings.find((f) => f.contractId === contract.id) ?? null) : null;
    return {
      compoundName: area.name,
      providerName: contract?.terms.parties.find((p) => p.role === 'PROVIDER')?.name ?? null,
      filingRecordNumber: filing?.recordNumber ?? null,
      serviceStartsOn: contract?.startsOn ?? null,
      serviceEndsOn: contract?.endsOn ?? null,
      serviceStandards: contract?.terms.serviceItems ?? [],
      feeClasses: contract?.terms.feeSchedule.classes ?? [],
    };
  });
}
