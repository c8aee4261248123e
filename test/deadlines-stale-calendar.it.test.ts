import { HolidayYearRecordedData } from '../catalog';
import { applyHolidayYear } from '../platform/read-models/holiday-calendar';
import { FICTITIOUS_2027 } from './support/fictitious-2027';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';

// A contract signed the day before: its 15-day filing deadline (Beijing art. 63) runs past the packaged holiday data.
pinTestToday('2026-12-21');

const company = identity('PROPERTY_COMPANY', '91110102MA0000STAL');
const DRAFT = `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`;

/**
 * A process that has not yet taken a holiday year another recorded (each installs the stored copy every 10 s): a
 * deadline it would announce undated is computed again from the stored copy. Before, its undated announcement, under
 * the next sequence, outranked the dated one the recording had just made, and the register kept it undated (a review
 * of 2026-12-07).
 */
describe('a deadline announced by a process whose calendar lags the recorded years', () => {
  let t: TestHub;
  const { ok } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is dated from the stored copy of the years, not announced undated', async () => {
    const { areaId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts'] });
    // 2027 recorded by another process: in the contracts subgraph's copy, not yet in this process's calendar.
    const recorded: HolidayYearRecordedData = {
      ...FICTITIOUS_2027,
      version: 1,
      supersedesVersion: null,
      recordedBy: 'hub-operator',
      recordedAt: '2026-12-21T02:00:00.000Z',
    };
    await t.hub.subgraphs.contracts!.orm.em.fork().transactional((tx) => applyHolidayYear(tx, 'contracts', recorded));
    const terms = hongjuTerms(company, '2027-01', { number: 'HJ6-STALE-01', signedOn: '2026-12-20' });
    const { id } = (await ok(company, DRAFT, { a: areaId, t: terms })).draftContract;
    const announced = await t.sql<{ due_on: string | null }>(
      `select payload->>'dueOn' as due_on from contracts.outbox
        where event_type = 'hub.contracts.deadline.changed' and subject = $1`,
      [id],
    );
    // Day 15 is Monday 2027-01-04, in the fictitious bridge of 31 December to 5 January: moved to the 6th (art. 203).
    expect(announced).toEqual([{ due_on: '2027-01-06' }]);
  });
});
