import { FILING_ACCEPTED } from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import { ContractTerms } from '../../domain/contract-terms';
import type { Filing } from '../../persistence/filing.entity';
import { publishFiling } from './filing-events';

/** Seed 003's four-party contract of 2021-12-10, enough of it for the feed. */
const terms = (signedOn: string): ContractTerms =>
  ({
    kind: 'REGULAR',
    number: 'XYNL32-2021-01',
    title: '学院南路32号院物业服务合同',
    ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '学院南路32号院物业管理委员会' },
    selectionMethod: 'TENDER',
    approvalReference: null,
    signedOn,
    startsOn: '2022-01-01',
    endsOn: '2026-12-31',
    serviceItems: [{ item: '公共区域保洁', standard: '每日清扫' }],
    feeSchedule: {
      classes: [
        {
          buildingClass: 'LOW_RISE',
          assessedRateFenPerM2Month: 178,
          ownerRateFenPerM2Month: 100,
          subsidies: [{ payer: '北太平庄街道与首开集团', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 }],
        },
      ],
    },
    lateFee: null,
    parties: [{ role: 'PROVIDER', name: '天岳恒物业', registration: null, signatory: '张经理' }],
  }) as ContractTerms;

const filing = (deadlineFrom: string, deadline: string | null) =>
  ({
    id: '0b8f1d0e-6c1a-4a4e-9d1c-2b3c4d5e6f70',
    contractId: '1c9e2f1a-7d2b-4b5f-8e2d-3c4d5e6f7081',
    areaId: '2dae3a2b-8e3c-4c60-9f3e-4d5e6f708192',
    companyId: '91110108MA00000000',
    kind: 'INITIAL',
    amendsFilingId: null,
    status: 'ACCEPTED',
    currentVersion: 1,
    sequence: 2,
    recordNumber: '110108-2021-0001',
    deadlineFrom,
    submittedOn: deadlineFrom,
    deadline,
    late: false,
    lateConsequence: null,
    acceptedOn: deadlineFrom,
    supersededByFilingId: null,
    terminatedOn: null,
    handoverOn: null,
    terminationReason: null,
  }) as unknown as Filing;

describe('a filing as the feed carries it (contracts.filings.v1)', () => {
  it('carries the art. 203 deadline, firm: signed Friday 2021-12-10, day 15 a Saturday, due Monday 2021-12-27', () => {
    const data = publishFiling(filing('2021-12-10', '2021-12-27'), terms('2021-12-10'), []);
    expect(data).toMatchObject({ deadline: '2021-12-27', deadlineProvisional: false, deadlineAwaitsHolidayYear: null });
    expect(() => validateEventData(FILING_ACCEPTED.type, data)).not.toThrow();
  });

  it('flags a deadline past the holiday data provisional, with the year it awaits, as the API does', () => {
    // Signed Sunday 2026-12-20: day 15 is 2027-01-04, past the packaged data (to 2026-12-24).
    const data = publishFiling(filing('2026-12-20', '2027-01-04'), terms('2026-12-20'), []);
    expect(data).toMatchObject({ deadline: '2027-01-04', deadlineProvisional: true, deadlineAwaitsHolidayYear: 2027 });
    expect(() => validateEventData(FILING_ACCEPTED.type, data)).not.toThrow();
  });

  it('has no deadline, and nothing provisional, where the city sets none', () => {
    const data = publishFiling(filing('2026-12-20', null), terms('2026-12-20'), []);
    expect(data).toMatchObject({ deadline: null, deadlineProvisional: false, deadlineAwaitsHolidayYear: null });
  });

  it('still reads messages published before the flag (the fields are optional in v1)', () => {
    const older: Record<string, unknown> = {
      ...publishFiling(filing('2021-12-10', '2021-12-27'), terms('2021-12-10'), []),
    };
    delete older.deadlineProvisional;
    delete older.deadlineAwaitsHolidayYear;
    expect(() => validateEventData(FILING_ACCEPTED.type, older)).not.toThrow();
  });
});
