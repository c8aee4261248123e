import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError } from '../../../kernel/errors';
import { ClassFee, runningSubsidies } from '../domain/fee-schedule';
import { CollectionPerformance, collectionPerformance, performanceWindowStart } from '../domain/performance';
import { collectionMonthsDue } from '../persistence/collection-month.repository';
import { ServiceItem, asExistingContract } from '../domain/contract-terms';
import { areaViewsNamedLike } from '../persistence/area-view.repository';
import { OPEN_END, contractsServingOn, lastDayServed } from '../domain/contract-overlap';
import { Contract } from '../persistence/contract.entity';
import { contractsEverAcceptedIn } from '../persistence/contract.repository';
import { lastAcceptedFilingsOfContracts } from '../persistence/filing.repository';

export interface PublicServiceStandards {
  compoundName: string;
  /** The day everything below is as of: the contract, the subsidies and the fees in force that day. */
  asOf: string;
  providerName: string | null;
  /** The provider's signatory on the filed contract: the person answerable to the owners (Civil Code art. 943 负责人员). */
  personInCharge: string | null;
  filingRecordNumber: string | null;
  serviceStartsOn: string | null;
  /**
   * The last day the provider serves, by the dates (lastDayServed): the term's end, or sooner its termination or, for a
   * preliminary contract, the day before the owners' contract takes effect; for a contract continuing after its term
   * (Civil Code art. 948, 不定期) its termination or the day before the owners' next contract, null while neither is known.
   */
  serviceEndsOn: string | null;
  /** The contract continues after its term for an unfixed term (art. 948): `continuedFrom` is its first day. */
  unfixedTerm: boolean;
  continuedFrom: string | null;
  serviceStandards: ServiceItem[];
  /** Fee items and rates in force, with only the subsidies running in the month of `asOf`. */
  feeClasses: ClassFee[];
  /** The provider's collection rate over the twelve months of charges due before `asOf`; null when none fell due. */
  performance: CollectionPerformance | null;
}

/**
 * Publicity (双晒) of what Civil Code art. 943 has the provider make public that the hub holds, for each area whose
 * name matches, as of today: the provider and its person in charge, the service items and their quality standards,
 * the fee items and rates in force with only the subsidies running this month (a subsidy that has ended is no longer
 * why owners pay less), and its performance: the collection rate of the charges due in the last twelve months, from
 * the arrears subgraph's monthly summaries (arrears.collection.v1). The hub records no maintenance-fund use and no
 * income from common parts, the rest of art. 943, so none is shown. Public record only: no households, no internal
 * ids of parties, no other signatories. The provider is the one serving today by the dates (contractsServingOn): a
 * preliminary provider to the day before the owners' regular contract takes effect, a terminated one to its
 * termination day, though their contracts show SUPERSEDED or TERMINATED from the day that end was recorded; and the
 * service's end is that last day too (lastDayServed), none for a contract continuing for an unfixed term with no end
 * known (art. 948), which `unfixedTerm` and `continuedFrom` say.
 */
export async function publicServiceStandards(
  em: EntityManager,
  compoundName: string,
): Promise<PublicServiceStandards[]> {
  const name = compoundName?.trim() ?? '';
  if (name.length < 2 || name.length > 100)
    throw new InvalidInputError('Give at least two characters of the compound name', {
      fields: { compoundName: '2–100 characters' },
    });
  const areas = await areaViewsNamedLike(em, name, 20);
  if (areas.length === 0) return [];
  const today = todayInChina();
  const everAccepted = await contractsEverAcceptedIn(
    em,
    areas.map((a) => a.areaId),
  );
  const contracts = servingOn(everAccepted, today);
  const filings = await lastAcceptedFilingsOfContracts(
    em,
    contracts.map((c) => c.id),
  );
  const months = await collectionMonthsDue(
    em,
    contracts.map((c) => ({ areaId: c.areaId, companyId: c.companyId })),
    performanceWindowStart(today),
    today,
  );
  return areas.map((area) => {
    const contract = contracts.find((c) => c.areaId === area.areaId) ?? null;
    const filing = contract ? (filings.get(contract.id) ?? null) : null;
    const provider = contract?.terms.parties.find((p) => p.role === 'PROVIDER');
    const existing = contract ? asExistingContract(contract) : null;
    const lastDay = contract
      ? lastDayServed(everAccepted.filter((c) => c.areaId === contract.areaId).map(asExistingContract), contract.id)
      : null;
    return {
      compoundName: area.name,
      asOf: today,
      providerName: provider?.name ?? null,
      personInCharge: provider?.signatory ?? null,
      filingRecordNumber: filing?.recordNumber ?? null,
      serviceStartsOn: contract?.startsOn ?? null,
      // As served (Beijing art. 70 如实公示、及时更新): before, the term's end, even for a contract terminated sooner or
      // continuing past it for an unfixed term.
      serviceEndsOn: lastDay === OPEN_END ? null : lastDay,
      unfixedTerm: existing?.continuedFrom != null,
      continuedFrom: existing?.continuedFrom ?? null,
      serviceStandards: contract?.terms.serviceItems ?? [],
      feeClasses: (contract?.terms.feeSchedule.classes ?? []).map((fee) => ({
        ...fee,
        subsidies: runningSubsidies(fee, today.slice(0, 7)),
      })),
      performance: contract
        ? collectionPerformance(
            months.filter((m) => m.areaId === contract.areaId && m.companyId === contract.companyId),
            today,
          )
        : null,
    };
  });
}

/** Of each area's contracts ever accepted, those serving on `day` by their dates (contractsServingOn). */
function servingOn(contracts: readonly Contract[], day: string): Contract[] {
  const areaIds = [...new Set(contracts.map((c) => c.areaId))];
  const serving = new Set(
    areaIds.flatMap((areaId) =>
      contractsServingOn(contracts.filter((c) => c.areaId === areaId).map(asExistingContract), day).map((c) => c.id),
    ),
  );
  return contracts.filter((c) => serving.has(c.id));
}
