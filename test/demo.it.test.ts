import { loadDemoArrears, loadDemoData } from '../hub/demo/demo-loader';
import { describeArrearsDemo } from './demo/arrears-demo';
import { describeDemoSeedFacts } from './demo/demo-seed-facts';
import { describeEdgeDashboards } from './demo/edge-dashboards';
import { describeLitigationDocuments } from './demo/litigation-documents';
import { TestHub, pinTestToday, startTestHub, testTokens } from './support/hub-fixture';

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
    // No describe or dashboard reads the feeds or the complaints subgraph (one that did would get
    // SUBGRAPH_NOT_RUNNING), and the loader enters no hotline order: without them, five consumers fewer apply the
    // rosters (complaints), the deadline every payment announces and the events webhooks fan out (feeds).
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears', 'litigation'] });
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
