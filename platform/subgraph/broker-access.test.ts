import { SubgraphModule } from './module';
import { ownedByHub, subgraphGrants } from './broker-access';
import { Grant, staleGrants } from '../events/broker-admin';
import {
  ACCOUNTS_TOPIC,
  AREAS_TOPIC,
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
        // its own dead letters only, for an operator to list and replay (npm run dead-letters)
        'READ TOPIC t1.litigation.dead-letter.v1',
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
    expect(read).toEqual(['contracts.dead-letter.v1', 'contracts.']);
  });
});

const AREAS = AREAS_TOPIC.name;

describe("the ACLs a deployment revokes: its own names' beyond what it declares", () => {
  const grant = (name: string, operation: Grant['operation'] = 'WRITE'): Grant => ({
    principal: 'User:hub-areas',
    resource: 'TOPIC',
    name,
    operation,
  });
  const wanted = [grant(`${AREAS}`), grant('areas.', 'READ')];
  const held = [
    ...wanted,
    grant(FILINGS_TOPIC.name),
    grant(`t123.${FILINGS_TOPIC.name}`),
    grant(`demo.x.${FILINGS_TOPIC.name}`),
    { ...grant('kafka-cluster', 'IDEMPOTENT_WRITE'), resource: 'CLUSTER' as const },
  ];

  it('revokes, unprefixed, only names of the catalog’s families: never a prefixed hub’s beside it, nor the cluster', () => {
    // Before (review of this stop): an unprefixed run took every other hub's grants on the broker for its own.
    expect(staleGrants(held, wanted, ownedByHub(''))).toEqual([grant(FILINGS_TOPIC.name)]);
  });

  it('revokes under a prefix only that prefix’s own names, not a nested prefix’s', () => {
    const demo = [grant(`demo.${AREAS}`), grant(`demo.${FILINGS_TOPIC.name}`), grant(`demo.x.${FILINGS_TOPIC.name}`)];
    expect(staleGrants(demo, [grant(`demo.${AREAS}`)], ownedByHub('demo.'))).toEqual([
      grant(`demo.${FILINGS_TOPIC.name}`),
    ]);
  });
});
