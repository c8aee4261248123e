import { SubgraphModule } from './module';
import { subgraphGrants } from './broker-access';
import {
  ACCOUNTS_TOPIC,
  CLAIMS_TOPIC,
  COURT_CASE_EVENT_REPORTED,
  FILINGS_TOPIC,
  REFERRAL_SUBMITTED,
} from '../../catalog';
import { on } from '../events/consumer';

const subgraph = (
  name: SubgraphModule['name'],
  producedTopics: string[],
  consumes: SubgraphModule['consumers'] = [],
): SubgraphModule => ({
  name,
  producedTopics,
  consumers: consumes,
  resolvers: [],
  entities: [],
  migrations: async () => [],
  errors: {},
});

describe("a subgraph's ACLs, derived from what it declares", () => {
  it('writes its topics, their party feeds and its dead-letter topic; reads what it consumes; joins its own groups', () => {
    const litigation = subgraph(
      'litigation',
      ['litigation.referrals.v1'],
      [
        { name: 'litigation.court-case-events', subscriptions: [on(COURT_CASE_EVENT_REPORTED, async () => undefined)] },
        { name: 'litigation.claims', subscriptions: [on(REFERRAL_SUBMITTED, async () => undefined)] },
      ],
    );
    const grants = subgraphGrants(litigation, 'hub-litigation', 't1.').map(
      (g) => `${g.operation} ${g.resource} ${g.name}${g.prefixed ? '*' : ''}`,
    );
    expect(grants).toEqual(
      expect.arrayContaining([
        'WRITE TOPIC t1.litigation.referrals.v1',
        'WRITE TOPIC t1.litigation.referrals.v1.*',
        'WRITE TOPIC t1.litigation.dead-letter.v1',
        'READ TOPIC t1.court.case-events.v1.*',
        // each court told on its own reply topic what was refused of the reports it sent
        'WRITE TOPIC t1.court.case-event-refusals.v1.*',
        'CREATE TOPIC t1.court.case-event-refusals.v1.*',
        'READ GROUP t1.litigation.*',
      ]),
    );
    expect(
      grants.every((g) =>
        g.startsWith('WRITE') ? g.includes('litigation') || g.includes('court.case-event-refusals.v1.') : true,
      ),
    ).toBe(true);
    expect(grants).not.toContain('WRITE TOPIC t1.court.case-events.v1.*');
    expect(grants.every((g) => g.includes('t1.'))).toBe(true);
  });

  it('gives no read of household, account or claim topics to a subgraph that does not consume them', () => {
    const contracts = subgraph('contracts', [FILINGS_TOPIC.name]);
    const read = subgraphGrants(contracts, 'hub-contracts')
      .filter((g) => g.operation === 'READ')
      .map((g) => g.name);
    for (const internal of [ACCOUNTS_TOPIC.name, CLAIMS_TOPIC.name, 'areas.households.v1'])
      expect(read).not.toContain(internal);
    expect(read).toEqual(['contracts.']);
  });
});
