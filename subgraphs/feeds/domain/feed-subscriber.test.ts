import {
  FeedParty,
  feedPermissions,
  feedTopics,
  registrationProblems,
  reminderOwnerConflict,
  reminderTopicHeldByOther,
  reminderTopicConflict,
} from './feed-subscriber';

const court: FeedParty = {
  partyId: 'haidian-court-system',
  kind: 'COURT',
  courtId: 'bj-haidian-court',
  jurisdictions: [],
};
const bureau: FeedParty = {
  partyId: 'xicheng-housing-bureau',
  kind: 'BUREAU',
  courtId: null,
  jurisdictions: ['110102'],
};

describe('feed access of a registered party', () => {
  it('gives a court its referral feed to read and its report topic to write, nothing else', () => {
    expect(feedPermissions(court)).toEqual([
      { resource: 'TOPIC', name: 'litigation.referrals.v1.bj-haidian-court', prefixed: false, operation: 'READ' },
      { resource: 'TOPIC', name: 'litigation.referrals.v1.bj-haidian-court', prefixed: false, operation: 'DESCRIBE' },
      // Its own deadline reminders (a small claim's decision, a mediation window), by the court id that owns them.
      { resource: 'TOPIC', name: 'deadline.reminders.v1.bj-haidian-court', prefixed: false, operation: 'READ' },
      { resource: 'TOPIC', name: 'deadline.reminders.v1.bj-haidian-court', prefixed: false, operation: 'DESCRIBE' },
      // What the hub refused of the reports it sent (before, only the dead-letter topic, which no court reads, said).
      { resource: 'TOPIC', name: 'court.case-event-refusals.v1.bj-haidian-court', prefixed: false, operation: 'READ' },
      {
        resource: 'TOPIC',
        name: 'court.case-event-refusals.v1.bj-haidian-court',
        prefixed: false,
        operation: 'DESCRIBE',
      },
      { resource: 'TOPIC', name: 'court.case-events.v1.bj-haidian-court', prefixed: false, operation: 'WRITE' },
      { resource: 'TOPIC', name: 'court.case-events.v1.bj-haidian-court', prefixed: false, operation: 'DESCRIBE' },
      { resource: 'GROUP', name: 'haidian-court-system.', prefixed: true, operation: 'READ' },
    ]);
    expect(feedTopics(court)).toEqual([
      'litigation.referrals.v1.bj-haidian-court',
      'court.case-events.v1.bj-haidian-court',
      'court.case-event-refusals.v1.bj-haidian-court',
      'deadline.reminders.v1.bj-haidian-court',
    ]);
  });

  it('gives a bureau the filings and street work of the districts its codes prefix, and its own review topic', () => {
    const city = { ...bureau, partyId: 'beijing-housing-bureau', jurisdictions: ['11'] };
    expect(feedPermissions(city).filter((p) => p.operation === 'READ' && p.resource === 'TOPIC')).toEqual([
      { resource: 'TOPIC', name: 'contracts.filings.v1.11', prefixed: true, operation: 'READ' },
      { resource: 'TOPIC', name: 'areas.street-work.v1.11', prefixed: true, operation: 'READ' },
      { resource: 'TOPIC', name: 'deadline.reminders.v1.beijing-housing-bureau', prefixed: false, operation: 'READ' },
      {
        resource: 'TOPIC',
        name: 'city.filing-review-refusals.v1.beijing-housing-bureau',
        prefixed: false,
        operation: 'READ',
      },
    ]);
    const linjiang = {
      ...bureau,
      partyId: 'linjiang-enforcement',
      kind: 'ENFORCEMENT_BUREAU' as const,
      jurisdictions: ['220681'],
    };
    expect(feedPermissions(linjiang).filter((p) => p.operation === 'READ' && p.resource === 'TOPIC')).toEqual([
      { resource: 'TOPIC', name: 'contracts.filings.v1.220681', prefixed: true, operation: 'READ' },
      { resource: 'TOPIC', name: 'areas.street-work.v1.220681', prefixed: true, operation: 'READ' },
      { resource: 'TOPIC', name: 'deadline.reminders.v1.linjiang-enforcement', prefixed: false, operation: 'READ' },
      {
        resource: 'TOPIC',
        name: 'city.filing-review-refusals.v1.linjiang-enforcement',
        prefixed: false,
        operation: 'READ',
      },
    ]);
    expect(feedTopics(linjiang)).toEqual([
      'contracts.filings.v1.220681',
      'areas.street-work.v1.220681',
      'city.filing-reviews.v1.linjiang-enforcement',
      'city.filing-review-refusals.v1.linjiang-enforcement',
      'deadline.reminders.v1.linjiang-enforcement',
    ]);
    // 临江市's filings are reviewed by its enforcement bureau: its review system writes its decisions (before, nothing).
    expect(feedPermissions(linjiang).filter((p) => p.operation === 'WRITE')).toEqual([
      { resource: 'TOPIC', name: 'city.filing-reviews.v1.linjiang-enforcement', prefixed: false, operation: 'WRITE' },
    ]);
    expect(feedPermissions(bureau).filter((p) => p.operation === 'WRITE')).toEqual([
      { resource: 'TOPIC', name: 'city.filing-reviews.v1.xicheng-housing-bureau', prefixed: false, operation: 'WRITE' },
    ]);
    // A district's feed exists from registration; a city-wide code covers districts created later.
    expect(feedTopics(bureau)).toEqual([
      'contracts.filings.v1.110102',
      'areas.street-work.v1.110102',
      'city.filing-reviews.v1.xicheng-housing-bureau',
      'city.filing-review-refusals.v1.xicheng-housing-bureau',
      'deadline.reminders.v1.xicheng-housing-bureau',
    ]);
    expect(feedTopics(city)).toEqual([
      'city.filing-reviews.v1.beijing-housing-bureau',
      'city.filing-review-refusals.v1.beijing-housing-bureau',
      'deadline.reminders.v1.beijing-housing-bureau',
    ]);
  });

  it('gives a 12345 hotline system its own work-order topic to write, nothing to read, no consumer group', () => {
    const hotline: FeedParty = { partyId: 'bj-12345', kind: 'HOTLINE_SYSTEM', courtId: null, jurisdictions: [] };
    expect(registrationProblems(hotline)).toEqual({});
    expect(feedPermissions(hotline)).toEqual([
      { resource: 'TOPIC', name: 'city.hotline-orders.v1.bj-12345', prefixed: false, operation: 'WRITE' },
      { resource: 'TOPIC', name: 'city.hotline-orders.v1.bj-12345', prefixed: false, operation: 'DESCRIBE' },
    ]);
    expect(feedTopics(hotline)).toEqual(['city.hotline-orders.v1.bj-12345']);
    expect(Object.keys(registrationProblems({ ...hotline, jurisdictions: ['11'], courtId: 'x-court' })).sort()).toEqual(
      ['courtId', 'jurisdictions'],
    );
  });

  it('never lets a party near an internal topic', () => {
    for (const party of [court, bureau, { ...bureau, jurisdictions: ['11'] }]) {
      const names = feedPermissions(party)
        .filter((p) => p.resource === 'TOPIC')
        .map((p) => p.name);
      // Every topic a party reaches is a party topic (`<family>.<party>`), never a hub topic itself.
      for (const name of names)
        expect(name).toMatch(
          /^(litigation\.referrals|contracts\.filings|areas\.street-work|court\.case-events|court\.case-event-refusals|city\.filing-reviews|city\.filing-review-refusals|deadline\.reminders)\.v1\.[a-z0-9-]+$/,
        );
    }
  });

  it('reports every problem of a registration at once, with bounds', () => {
    expect(registrationProblems(court)).toEqual({});
    expect(registrationProblems(bureau)).toEqual({});
    expect(
      Object.keys(registrationProblems({ partyId: 'X', kind: 'COURT', courtId: null, jurisdictions: ['11'] })).sort(),
    ).toEqual(['courtId', 'jurisdictions', 'partyId']);
    expect(registrationProblems({ ...bureau, courtId: 'bj-haidian-court', jurisdictions: [] })).toEqual({
      courtId: 'only a court has a court id',
      jurisdictions: '1–50 division codes',
    });
    expect(Object.keys(registrationProblems({ ...bureau, jurisdictions: ['110102014'] }))).toEqual(['jurisdictions']);
    expect(Object.keys(registrationProblems({ ...bureau, partyId: 'a'.repeat(64) }))).toEqual(['partyId']);
    expect(Object.keys(registrationProblems({ ...bureau, kind: 'MINISTRY' as FeedParty['kind'] }))).toEqual(['kind']);
  });

  it("refuses a subgraph's name as a party id: its consumer groups would be the hub's", () => {
    for (const name of ['feeds', 'contracts', 'litigation', 'areas', 'arrears', 'complaints'])
      expect(Object.keys(registrationProblems({ ...bureau, partyId: name }))).toEqual(['partyId']);
    expect(registrationProblems({ ...bureau, partyId: 'feeds-bureau' })).toEqual({});
  });

  it("refuses a party id whose consumer groups hold the hub's under the deployment's topic prefix", () => {
    // Prefix `prod.`: the hub's groups are `prod.feeds.…`; a party `prod` joins `prod.*` (before: registered).
    expect(Object.keys(registrationProblems({ ...bureau, partyId: 'prod' }, 'prod.'))).toEqual(['partyId']);
    // Prefix `prod-`: the feeds subgraph's groups are `prod-feeds.…`, a party `prod-feeds` joins `prod-feeds.*`.
    expect(Object.keys(registrationProblems({ ...bureau, partyId: 'prod-feeds' }, 'prod-'))).toEqual(['partyId']);
    expect(Object.keys(registrationProblems({ ...bureau, partyId: 'feeds' }, 'prod.'))).toEqual(['partyId']);
    expect(registrationProblems({ ...bureau, partyId: 'prod-housing' }, 'prod.')).toEqual({});
    expect(registrationProblems({ ...bureau, partyId: 'pro' }, 'prod.')).toEqual({});
  });

  it("refuses a party of another kind whose reminder topic is an active party's", () => {
    // a bureau named as the court reads the court's reminders (deadline.reminders.v1.bj-haidian-court)
    const lookalike = { ...bureau, partyId: 'bj-haidian-court' };
    expect(reminderTopicConflict(lookalike, [court])).toEqual({ partyId: expect.any(String) });
    expect(reminderTopicConflict(court, [lookalike])).toEqual({ courtId: expect.any(String) });
    // two systems of one court share its reminders, as they share its referrals; other ids collide with nothing
    expect(reminderTopicConflict({ ...court, partyId: 'haidian-court-reader' }, [court])).toEqual({});
    expect(reminderTopicConflict(bureau, [court])).toEqual({});
  });

  it("refuses a party whose reminder topic is a deadline owner's of another kind", () => {
    const owners = [
      { ownerKind: 'PROPERTY_COMPANY', ownerOrganisationId: '91110108MA01DEMO32' },
      { ownerKind: 'STREET_OFFICE', ownerOrganisationId: 'street-office-guangwai' },
      { ownerKind: 'COURT', ownerOrganisationId: 'bj-haidian-court' },
      { ownerKind: 'CITY_BUREAU', ownerOrganisationId: 'haidian-housing' },
    ];
    // A bureau under a company's id in lower case read its reminders (before: registered).
    expect(reminderOwnerConflict({ ...bureau, partyId: '91110108ma01demo32' }, owners)).toEqual({
      partyId: expect.stringMatching(/property company/),
    });
    expect(reminderOwnerConflict({ ...bureau, partyId: 'street-office-guangwai' }, owners)).toEqual({
      partyId: expect.any(String),
    });
    expect(reminderOwnerConflict({ ...court, courtId: 'haidian-housing' }, owners)).toEqual({
      courtId: expect.any(String),
    });
    // Its own deadlines are its own: a court's by its court id, a bureau's by its party id.
    expect(reminderOwnerConflict(court, owners)).toEqual({});
    expect(reminderOwnerConflict({ ...bureau, partyId: 'haidian-housing' }, owners)).toEqual({});
    expect(reminderOwnerConflict(bureau, owners)).toEqual({});
  });

  it("leaves out a reminder's owner-topic copy that a party of another kind reads", () => {
    // Registered under a company's id before the company had a deadline, a bureau passed the registration's check.
    const lookalike = { ...bureau, partyId: '91110108ma01demo32' };
    const company = { ownerKind: 'PROPERTY_COMPANY', ownerOrganisationId: '91110108MA01DEMO32' };
    expect(reminderTopicHeldByOther([lookalike, court], company)).toBe(true);
    expect(reminderTopicHeldByOther([court], company)).toBe(false);
    // A court's own deadlines, by its court id, are its own.
    expect(reminderTopicHeldByOther([court], { ownerKind: 'COURT', ownerOrganisationId: court.courtId! })).toBe(false);
    expect(
      reminderTopicHeldByOther([{ ...bureau, partyId: 'haidian-housing' }], {
        ownerKind: 'CITY_BUREAU',
        ownerOrganisationId: 'haidian-housing',
      }),
    ).toBe(false);
  });

  it('leaves out the owner-topic copy of an organisation whose id is not its party id in lower case', () => {
    // Two bureaus whose ids squash to one party id, `bureau--`: the party registered under it read both's reminders.
    const squashed = { ...bureau, partyId: 'bureau--' };
    for (const ownerOrganisationId of ['Bureau-西城', 'Bureau-海淀', 'xc.bureau', 'XC_Bureau', `b${'x'.repeat(63)}`])
      expect(reminderTopicHeldByOther([squashed], { ownerKind: 'CITY_BUREAU', ownerOrganisationId })).toBe(true);
    // An id that is a party id but for its case keeps its copy (a company's credit code, a court's id).
    expect(
      reminderTopicHeldByOther([], { ownerKind: 'PROPERTY_COMPANY', ownerOrganisationId: '91110108MA01DEMO32' }),
    ).toBe(false);
    expect(reminderTopicHeldByOther([court], { ownerKind: 'COURT', ownerOrganisationId: court.courtId! })).toBe(false);
  });
});
