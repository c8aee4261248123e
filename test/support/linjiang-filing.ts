import { randomUUID } from 'node:crypto';
import { IsoDate, addDays } from '../../kernel/calendar';
import { LINJIANG_SETTINGS } from '../../subgraphs/contracts/domain/statutes';

/**
 * A 临江市 preliminary contract chosen by agreement with the enforcement bureau's approval (seed 004 §六(七)), signed
 * `signedDaysAgo` days before `today`, for `company`.
 */
export const linjiangPreliminaryTerms = (
  company: { organisationId: string },
  today: IsoDate,
  signedDaysAgo: number,
  overrides: Record<string, unknown> = {},
) => ({
  kind: 'PRELIMINARY',
  number: `LJ-${randomUUID().slice(0, 8)}`,
  title: '前期物业服务合同',
  ownersSide: { kind: 'DEVELOPER', name: '临江某房地产开发有限公司' },
  selectionMethod: 'AGREEMENT',
  approvalReference: '临城执批〔2026〕1号',
  projectBuildingAreaCentiM2: 2_850_000,
  signedOn: addDays(today, -signedDaysAgo),
  startsOn: addDays(today, 1),
  endsOn: addDays(today, 365),
  serviceItems: [{ item: '公共区域保洁', standard: '楼道每日清扫' }],
  feeSchedule: {
    classes: [
      { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 120, ownerRateFenPerM2Month: 120, subsidies: [] },
    ],
  },
  parties: [
    { role: 'PROVIDER', name: '临江示例物业服务有限公司', registration: company.organisationId, signatory: '王经理' },
    { role: 'DEVELOPER', name: '临江某房地产开发有限公司', signatory: '赵总' },
  ],
  ...overrides,
});

/** A city's settings as the API takes them (setCitySettings). */
export const citySettingsInput = ({ sources, lateFilingPenalty, ...rest }: typeof LINJIANG_SETTINGS) => ({
  ...rest,
  lateFilingPenalty: lateFilingPenalty && { ...lateFilingPenalty },
  sources: { ...sources },
});
