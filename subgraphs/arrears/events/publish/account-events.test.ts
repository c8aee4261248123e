import { COLLECTION_ACTION_RECORDED } from '../../../../catalog';
import { validateEventData } from '../../../../platform/events/cloudevent';
import { Account } from '../../domain/account';
import { CollectionAction } from '../../domain/collection-action';
import { collectionActionRecorded } from './account-events';

const account: Account = {
  id: '7e2a1c4b-3d5f-4a6b-8c9d-0e1f2a3b4c5d',
  householdId: '0b6f5a1e-2c3d-4e5f-8a9b-1c2d3e4f5a6b',
  areaId: '1c7f6b2e-3d4e-4f5a-9b0c-2d3e4f5a6b7c',
  buildingId: '2d8a7c3f-4e5f-4a6b-8c1d-3e4f5a6b7c8d',
  companyId: '91110102MA0000LIMA',
  streetCode: '110102010',
  districtCode: '110102',
  status: 'IN_COLLECTION',
  statusChangedOn: '2024-03-01',
  creditFen: 0,
  judgedFen: null,
  settledFen: null,
};
const base = { on: '2024-03-05', chargeIds: ['3e9b8d4a-5f6a-4b7c-9d2e-4f5a6b7c8d9e'], note: null };

describe("a collection step's event says whether it demanded payment of the owner, as the claim lists demands", () => {
  it.each<[string, boolean, CollectionAction]>([
    ['a notice that reached the owner', true, { ...base, kind: 'NOTICE_POSTED', reached: true }],
    ['a notice at the building entrance only', false, { ...base, kind: 'NOTICE_POSTED', reached: false }],
    ['a notice recorded before reached was asked', true, { ...base, kind: 'NOTICE_POSTED' }],
    ['a letter', true, { ...base, kind: 'LETTER', deliveredOn: null }],
    ['a message', true, { ...base, kind: 'MESSAGE', channel: 'SMS' }],
    ['a call answered', true, { ...base, kind: 'CALL', reached: true }],
    ['an unanswered call', false, { ...base, kind: 'CALL', reached: false }],
    ['a visit finding no one', false, { ...base, kind: 'VISIT', reached: false }],
    ['a promise', false, { ...base, kind: 'PAYMENT_PROMISE', promisedBy: '2024-04-01' }],
  ])('%s: demand %p', (_, demand, action) => {
    const data = collectionActionRecorded(
      account,
      '4fac9e5b-6a7b-4c8d-8e3f-5a6b7c8d9e0f',
      action,
      'PROPERTY_COMPANY',
      10_000,
    );
    expect(data.demand).toBe(demand);
    expect(() => validateEventData(COLLECTION_ACTION_RECORDED.type, data)).not.toThrow();
  });
});
