import { CONTRACT_DEADLINE_CHANGED } from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import { BEIJING } from '../../domain/statutes';
import type { Contract } from '../../persistence/contract.entity';
import { publishFilingDeadline } from './deadline-events';

const contract = (signedOn: string) =>
  ({
    id: '6f1d8c1e-2b0a-4c55-9a43-1c2d3e4f5a6b',
    companyId: '91110102MA0000DL01',
    districtCode: '110102',
    terms: { signedOn },
  }) as unknown as Contract;

describe("a contract's filing deadline as the register is told it", () => {
  it("is the contracts rule's day: signed 2026-09-16, day 15 is National Day, due 2026-10-08 (art. 203)", () => {
    const data = publishFilingDeadline(contract('2026-09-16'), BEIJING, { sequence: 1 });
    expect(data).toMatchObject({
      deadlineKey: 'contract-filing:6f1d8c1e-2b0a-4c55-9a43-1c2d3e4f5a6b',
      kind: 'CONTRACT_FILING',
      ownerKind: 'PROPERTY_COMPANY',
      ownerOrganisationId: '91110102MA0000DL01',
      districtCode: '110102',
      dueOn: '2026-10-08',
      metOn: null,
      cancelled: false,
    });
    expect(data?.legalBasis).toContain('art. 63');
    expect(data?.legalBasis).toContain('art. 203');
    expect(() => validateEventData(CONTRACT_DEADLINE_CHANGED.type, data)).not.toThrow();
  });

  it('has no due date yet past the held holiday data, and there is none where the city sets no deadline', () => {
    expect(publishFilingDeadline(contract('2035-06-01'), BEIJING, { sequence: 2 })?.dueOn).toBeNull();
    expect(
      publishFilingDeadline(contract('2026-09-16'), { ...BEIJING, filingDeadlineDays: null }, { sequence: 1 }),
    ).toBeNull();
  });
});
