import { loadDemoArrears, loadDemoData } from '../hub/demo/demo-loader';
import { describeArrearsDemo } from './demo/arrears-demo';
import { describeDemoSeedFacts } from './demo/demo-seed-facts';
import { describeEdgeDashboards } from './demo/edge-dashboards';
import { describeLitigationDocuments } from './demo/litigation-documents';
import { EVERY_SUBGRAPH, TestHub, pinTestToday, startTestHub, testTokens } from './support/hub-fixture';

// The demo dates its billing, letters and referrals from today: a letter 20 days ago has its 15-day reasonable period
// past the holiday data the hub holds from 2026-12-30 (until 2027 is recorded), and the referral would be refused.
pinTestToday('2026-12-01');

/**
 * Every test over the whole demo data shares one hub and one load of it (a minute or more), instead of each file
 * loading it again. The describes run in this order: those that only add their own rows first, the seed facts last,
 * because the billed years they load add past charges the arrears and litigation tests do not expect.
 */
describe('the demo data, loaded once', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: EVERY_SUBGRAPH });
    await loadDemoData(t.hub.gatewayUrl, testTokens);
    await loadDemoArrears(t.hub.gatewayUrl, testTokens);
  }, 300_000);

  afterAll(async () => {
    await t?.stop();
  });

  describeArrearsDemo(() => t);
  describeEdgeDashboards(() => t);
  describeLitigationDocuments(() => t);
  describeDemoSeedFacts(() => t);
});
