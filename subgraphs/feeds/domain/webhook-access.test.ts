import {
  FILING_ACCEPTED,
  REFERRAL_PACKAGE_CORRECTED,
  REFERRAL_SUBMITTED,
  ACCOUNT_STATUS_CHANGED,
  CLAIM_UPDATED,
  BUILDING_ROSTER_CHANGED,
  BATCH_FORMED,
  FILING_EVENTS,
} from '../../../catalog';
import {
  aggregateKeyOf,
  audienceOf,
  mayReceive,
  mayUseWebhooks,
  refusedEventTypes,
  reminderPartiesBesidesOwner,
  subscribableEventTypes,
  WEBHOOK_EVENT_TYPES,
} from './webhook-access';

const areas: Record<string, string> = {
  'area-haidian': '110108',
  'area-xicheng': '110102',
  'area-linjiang': '220681',
};
const districtOf = (id: string) => areas[id];
const haidianCourt = { role: 'COURT', organisationId: 'bj-haidian-court', jurisdictions: ['110108'] };
const xichengCourt = { role: 'COURT', organisationId: 'bj-xicheng-court', jurisdictions: ['110102'] };
const xichengBureau = { role: 'CITY_BUREAU', organisationId: 'xicheng-housing', jurisdictions: ['110102'] };
const cityBureau = { role: 'CITY_BUREAU', organisationId: 'beijing-housing', jurisdictions: ['11'] };
// 临江市城市管理行政执法局: reviews the filings of its city (220681), seed 004 §六(七).
const linjiangEnforcement = {
  role: 'ENFORCEMENT_BUREAU',
  organisationId: 'linjiang-enforcement',
  jurisdictions: ['220681'],
};

describe('who receives which event by webhook', () => {
  it('gives a court the referrals addressed to it and no other court', () => {
    const audience = audienceOf(REFERRAL_SUBMITTED.type, { courtId: 'bj-haidian-court' }, districtOf);
    expect(audience).toEqual({ kind: 'COURT', courtId: 'bj-haidian-court' });
    expect(mayReceive(haidianCourt, audience)).toBe(true);
    expect(mayReceive(xichengCourt, audience)).toBe(false);
    expect(mayReceive({ ...xichengBureau, jurisdictions: ['11'] }, audience)).toBe(false);
    // A package corrected before docketing goes to that court alike (before, to nobody).
    const corrected = audienceOf(REFERRAL_PACKAGE_CORRECTED.type, { courtId: 'bj-haidian-court' }, districtOf);
    expect(corrected).toEqual({ kind: 'COURT', courtId: 'bj-haidian-court' });
    expect(mayReceive(xichengCourt, corrected)).toBe(false);
    expect(subscribableEventTypes('COURT')).toContain(REFERRAL_PACKAGE_CORRECTED.type);
    expect(subscribableEventTypes('CITY_BUREAU')).not.toContain(REFERRAL_PACKAGE_CORRECTED.type);
  });

  it("gives a bureau the filings of its districts' areas, the city bureau every district of the city", () => {
    const haidianFiling = audienceOf(FILING_ACCEPTED.type, { areaId: 'area-haidian' }, districtOf);
    const xichengFiling = audienceOf(FILING_ACCEPTED.type, { areaId: 'area-xicheng' }, districtOf);
    expect(haidianFiling).toEqual({ kind: 'DISTRICT', districtCode: '110108' });
    expect(mayReceive(xichengBureau, xichengFiling)).toBe(true);
    expect(mayReceive(xichengBureau, haidianFiling)).toBe(false);
    expect(mayReceive(cityBureau, haidianFiling)).toBe(true);
    expect(mayReceive(xichengCourt, xichengFiling)).toBe(false);
  });

  it("gives an enforcement bureau the filings of its city's areas and nothing else", () => {
    const linjiangFiling = audienceOf(FILING_ACCEPTED.type, { areaId: 'area-linjiang' }, districtOf);
    const xichengFiling = audienceOf(FILING_ACCEPTED.type, { areaId: 'area-xicheng' }, districtOf);
    expect(linjiangFiling).toEqual({ kind: 'DISTRICT', districtCode: '220681' });
    expect(mayReceive(linjiangEnforcement, linjiangFiling)).toBe(true);
    expect(mayReceive(linjiangEnforcement, xichengFiling)).toBe(false);
    expect(mayReceive(cityBureau, linjiangFiling)).toBe(false);
    expect(mayReceive({ ...linjiangEnforcement, jurisdictions: [] }, linjiangFiling)).toBe(false);
    // A referral names a court, never a bureau: even one to a court of its city does not reach it.
    const referral = audienceOf(
      REFERRAL_SUBMITTED.type,
      { courtId: 'linjiang-court', areaId: 'area-linjiang' },
      districtOf,
    );
    expect(mayReceive({ ...linjiangEnforcement, organisationId: 'linjiang-court' }, referral)).toBe(false);
  });

  it('gives nobody a filing whose area is not known yet, nor an event of another type', () => {
    expect(audienceOf(FILING_ACCEPTED.type, { areaId: 'area-unknown' }, districtOf)).toEqual({ kind: 'NOBODY' });
    expect(
      audienceOf(ACCOUNT_STATUS_CHANGED.type, { areaId: 'area-xicheng', courtId: 'bj-xicheng-court' }, districtOf),
    ).toEqual({ kind: 'NOBODY' });
    expect(mayReceive(cityBureau, { kind: 'NOBODY' })).toBe(false);
  });

  it('never offers an event type carrying owner or household data', () => {
    for (const type of [ACCOUNT_STATUS_CHANGED.type, CLAIM_UPDATED.type, BUILDING_ROSTER_CHANGED.type])
      expect(WEBHOOK_EVENT_TYPES).not.toContain(type);
  });

  it('lets courts and bureaus subscribe only to their own kinds of event (and reminders), owners committees to none', () => {
    expect(subscribableEventTypes('COURT')).toContain(REFERRAL_SUBMITTED.type);
    expect(refusedEventTypes('COURT', [FILING_ACCEPTED.type, REFERRAL_SUBMITTED.type])).toEqual([FILING_ACCEPTED.type]);
    expect(refusedEventTypes('CITY_BUREAU', [FILING_ACCEPTED.type])).toEqual([]);
    expect(subscribableEventTypes('PROPERTY_COMPANY')).toEqual(['hub.deadlines.reminder.due']);
    expect(mayUseWebhooks({ subject: 's', role: 'OWNERS_COMMITTEE', organisationId: 'o', jurisdictions: [] })).toBe(
      false,
    );
    expect(mayUseWebhooks({ subject: 's', role: 'COURT', organisationId: 'o', jurisdictions: [] })).toBe(true);
  });

  it('lets an enforcement bureau subscribe to the filing events (and deadline reminders) only', () => {
    expect(mayUseWebhooks({ subject: 's', role: 'ENFORCEMENT_BUREAU', organisationId: 'o', jurisdictions: [] })).toBe(
      true,
    );
    expect(subscribableEventTypes('ENFORCEMENT_BUREAU')).toEqual([
      ...FILING_EVENTS.map((e) => e.type),
      'hub.deadlines.reminder.due',
    ]);
    expect(
      refusedEventTypes('ENFORCEMENT_BUREAU', [
        FILING_ACCEPTED.type,
        REFERRAL_SUBMITTED.type,
        BATCH_FORMED.type,
        ACCOUNT_STATUS_CHANGED.type,
      ]),
    ).toEqual([REFERRAL_SUBMITTED.type, BATCH_FORMED.type, ACCOUNT_STATUS_CHANGED.type]);
  });
});

describe('the order key of a webhook', () => {
  it("is the event's aggregate: the filing, the referral or the batch", () => {
    expect(aggregateKeyOf(FILING_ACCEPTED.type, { filingId: 'f1', areaId: 'a' })).toBe('f1');
    expect(aggregateKeyOf(REFERRAL_SUBMITTED.type, { referralId: 'r1', courtId: 'c' })).toBe('r1');
    expect(aggregateKeyOf('hub.litigation.batch.formed', { batchKey: 'b1', courtId: 'c' })).toBe('b1');
    expect(() => aggregateKeyOf(FILING_ACCEPTED.type, {})).toThrow('no aggregate key');
  });
});

describe('deadline reminders by webhook (issue 21)', () => {
  const company = { role: 'PROPERTY_COMPANY', organisationId: '91110102MA0000DL01', jurisdictions: [] };
  const otherCompany = { role: 'PROPERTY_COMPANY', organisationId: '91110102MA0000DL02', jurisdictions: [] };
  const haidianBureau = { role: 'CITY_BUREAU', organisationId: 'haidian-housing', jurisdictions: ['110108'] };
  const reminder = {
    deadlineKey: 'contract-filing:6f1d8c1e-2b0a-4c55-9a43-1c2d3e4f5a6b',
    ownerOrganisationId: '91110102MA0000DL01',
    districtCode: '110102',
    kind: 'CONTRACT_FILING',
  };

  it('lets companies and street offices subscribe to reminders alone, and courts and bureaus besides their events', () => {
    expect(subscribableEventTypes('PROPERTY_COMPANY')).toEqual(['hub.deadlines.reminder.due']);
    expect(subscribableEventTypes('STREET_OFFICE')).toEqual(['hub.deadlines.reminder.due']);
    expect(refusedEventTypes('PROPERTY_COMPANY', [FILING_ACCEPTED.type])).toEqual([FILING_ACCEPTED.type]);
    expect(subscribableEventTypes('COURT')).toContain('hub.deadlines.reminder.due');
    expect(subscribableEventTypes('CITY_BUREAU')).toContain('hub.deadlines.reminder.due');
    expect(subscribableEventTypes('OWNERS_COMMITTEE')).toEqual([]);
  });

  it("sends a reminder to its owner and its district's bureaus, to no other company or district", () => {
    const audience = audienceOf('hub.deadlines.reminder.due', reminder, districtOf);
    expect(audience).toEqual({
      kind: 'DEADLINE_OWNER',
      organisationId: '91110102MA0000DL01',
      districtCode: '110102',
      deadlineKind: 'CONTRACT_FILING',
    });
    expect(mayReceive(company, audience)).toBe(true);
    expect(mayReceive(xichengBureau, audience)).toBe(true);
    expect(mayReceive(cityBureau, audience)).toBe(true);
    expect(mayReceive(otherCompany, audience)).toBe(false);
    expect(mayReceive(haidianBureau, audience)).toBe(false);
    expect(mayReceive(xichengCourt, audience)).toBe(false);
    expect(aggregateKeyOf('hub.deadlines.reminder.due', reminder)).toBe(reminder.deadlineKey);
    // A committee's deadlines are its street office's: the district's bureau does not review them.
    const committee = audienceOf(
      'hub.deadlines.reminder.due',
      { ...reminder, kind: 'COMMITTEE_RECORDING', ownerOrganisationId: 'street-office-guangwai' },
      districtOf,
    );
    expect(mayReceive(xichengBureau, committee)).toBe(false);
    expect(
      mayReceive({ role: 'STREET_OFFICE', organisationId: 'street-office-guangwai', jurisdictions: [] }, committee),
    ).toBe(true);
  });
});

describe('the Kafka parties told of a deadline besides its owner', () => {
  const parties = [
    { partyId: 'xicheng-housing', kind: 'BUREAU', jurisdictions: ['110102'] },
    { partyId: 'beijing-housing', kind: 'BUREAU', jurisdictions: ['11'] },
    { partyId: 'haidian-housing', kind: 'BUREAU', jurisdictions: ['110108'] },
    { partyId: 'linjiang-enforcement', kind: 'ENFORCEMENT_BUREAU', jurisdictions: ['220681'] },
    { partyId: 'bj-xicheng-court', kind: 'COURT', jurisdictions: [] },
    { partyId: 'hotline-xicheng', kind: 'HOTLINE_SYSTEM', jurisdictions: [] },
  ];
  const filing = (districtCode: string | null, ownerOrganisationId = '91110102MA0000HOOK') => ({
    ownerOrganisationId,
    districtCode,
    kind: 'CONTRACT_FILING',
  });

  it("names the bureaus covering a contract filing's district, as their webhooks would receive it", () => {
    expect(reminderPartiesBesidesOwner(filing('110102'), parties)).toEqual(['beijing-housing', 'xicheng-housing']);
    expect(reminderPartiesBesidesOwner(filing('220681'), parties)).toEqual(['linjiang-enforcement']);
  });

  it('names nobody for another kind of deadline, an undistricted one, or its own owner', () => {
    expect(
      reminderPartiesBesidesOwner(
        { ownerOrganisationId: 'bj-xicheng-court', districtCode: '110102', kind: 'SMALL_CLAIM_DECISION' },
        parties,
      ),
    ).toEqual([]);
    expect(reminderPartiesBesidesOwner(filing(null), parties)).toEqual([]);
    expect(reminderPartiesBesidesOwner(filing('110108', 'Haidian-Housing'), parties)).toEqual(['beijing-housing']);
  });
});
