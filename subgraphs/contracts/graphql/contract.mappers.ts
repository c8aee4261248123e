import { currentFilingDeadline } from '../domain/filing-deadline';
import { formatYuan } from '../../../kernel/money';
import type { PublicServiceStandards } from '../application/public-service-standards';
import type { ContractTermsEntry } from '../domain/contract-terms';
import { type ClassFee, subsidyEndMonth } from '../domain/fee-schedule';
import type { Contract } from '../persistence/contract.entity';
import type { Filing, FilingTransition, FilingVersion } from '../persistence/filing.entity';
import {
  ContractTermsInput,
  ContractType,
  FilingTransitionType,
  FilingType,
  FilingVersionType,
  PublicFeeType,
  PublicServiceStandardsType,
} from './contract.type';

/**
 * Between the GraphQL types and the subgraph's own values. Each mapper is typed on both sides, so a field that
 * drifts apart in either is a compile error rather than a cast that hides it.
 */

/** The terms as the client entered them; the use cases normalise them (normaliseTerms) before anything else. */
export const contractTermsOf = (input: ContractTermsInput): ContractTermsEntry => input;

export const contractView = (contract: Contract): ContractType => ({ ...contract, area: { id: contract.areaId } });

export const filingView = (filing: Filing): FilingType => {
  const deadline = filing.deadline ? currentFilingDeadline(filing.deadlineFrom, filing.deadline) : null;
  return {
    ...filing,
    deadline: deadline?.date ?? null,
    deadlineProvisional: deadline?.provisional ?? false,
    deadlineAwaitsHolidayYear: deadline?.missingYear ?? null,
    area: { id: filing.areaId },
  };
};

export const versionView = (version: FilingVersion): FilingVersionType => version;

export const transitionView = (transition: FilingTransition): FilingTransitionType => transition;

/** What owners of a building class pay, in yuan, and who subsidises the rest. */
export const publicFee = (fee: ClassFee): PublicFeeType => ({
  buildingClass: fee.buildingClass,
  ownerRateYuan: formatYuan(fee.ownerRateFenPerM2Month),
  assessedRateYuan: formatYuan(fee.assessedRateFenPerM2Month),
  subsidisedBy: [...new Set(fee.subsidies.map((s) => s.payer))],
  subsidies: fee.subsidies.map((s) => ({
    payer: s.payer,
    rateYuan: formatYuan(s.rateFenPerM2Month),
    startMonth: s.startMonth,
    endMonth: subsidyEndMonth(s),
  })),
});

export const publicServiceStandardsView = ({
  feeClasses,
  performance,
  ...standards
}: PublicServiceStandards): PublicServiceStandardsType => ({
  ...standards,
  fees: feeClasses.map(publicFee),
  performance: performance && {
    dueFrom: performance.dueFrom,
    asOf: performance.asOf,
    months: performance.months,
    households: performance.households,
    paidHouseholds: performance.paidHouseholds,
    byHouseholdsPercent: performance.byHouseholdsPercent,
    byAmountPercent: performance.byAmountPercent,
    billedYuan: formatYuan(performance.billedFen),
    collectedYuan: formatYuan(performance.collectedFen),
  },
});
