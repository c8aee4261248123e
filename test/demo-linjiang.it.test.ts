import { DEMO_LINJIANG } from '../hub/demo/demo-data';
import { loadLinjiang } from '../hub/demo/demo-loader';
import { TestHub, identity, startTestHub, testTokens } from './support/hub-fixture';

/** The demo's 临江市 (seed 004), loaded twice as `npm start` would on a second start: nothing doubles. */
describe('demo: 临江市 beside Beijing', () => {
  let t: TestHub;
  const admin = identity('ADMIN', 'hub-operator');

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
    await loadLinjiang(t.hub.gatewayUrl, testTokens);
    await loadLinjiang(t.hub.gatewayUrl, testTokens);
  }, 180_000);

  afterAll(() => t?.stop());

  it('has the new estate filed by agreement and accepted by the enforcement bureau, the walk-ups without a provider', async () => {
    const settings = await t.gql(admin, `query($c: Key!) { citySettingsHistory(cityCode: $c) { version } }`, { c: '220681' });
    expect(settings.body.data.citySettingsHistory).toEqual([{ version: 1 }]);

    const queue = await t.gql(DEMO_LINJIANG.enforcementBureau, '{ filingReviewQueue(filter: { statuses: [ACCEPTED] }) { totalCount items { status kind recordNumber terms { selectionMethod approvalReference } } } }');
    expect(queue.body.errors).toBeUndefined();
    expect(queue.body.data.filingReviewQueue.items).toEqual([
      { status: 'ACCEPTED', kind: 'INITIAL', recordNumber: expect.stringMatching(/^220681-/), terms: { selectionMethod: 'AGREEMENT', approvalReference: DEMO_LINJIANG.preliminaryContract.approvalReference } },
    ]);

    const { street } = DEMO_LINJIANG;
    const areas = await t.gql(street.office, '{ areas(first: 10) { name } }');
    expect(areas.body.data.areas.map((a: { name: string }) => a.name).sort()).toEqual([DEMO_LINJIANG.newEstate, DEMO_LINJIANG.oldCompound].sort());
    const [{ n }] = await t.sql<{ n: number }>(`select count(*)::int as n from contracts.contract c join contracts.area_view a on a.area_id = c.area_id where a.name = $1`, [DEMO_LINJIANG.oldCompound]);
    expect(n).toBe(0);
  });
});
