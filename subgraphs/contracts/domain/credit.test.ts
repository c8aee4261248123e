import { Identity, Role } from '../../../kernel/identity';
import {
  CreditEntryFacts,
  decideObjection,
  isCityBureauOf,
  entryNoticeDays,
  entryNoticeEndsOn,
  isDueForPublication,
  mayObjectToCreditEntry,
  mayReadCreditEntry,
  noticeEndsOn,
  objectTo,
} from './credit';
import { LINJIANG_SETTINGS, defineCitySettings } from './statutes';

const who = (role: Role, jurisdictions: string[] = [], organisationId = 'org'): Identity => ({
  subject: 's',
  role,
  organisationId,
  jurisdictions,
});
const company: CreditEntryFacts = {
  subjectKind: 'COMPANY',
  companyId: '91220681MA0DEMO01A',
  streetCode: '220681001',
  districtCode: '220681',
  status: 'RECORDED',
  publishedOn: null,
};
const owner: CreditEntryFacts = { ...company, subjectKind: 'OWNER', companyId: null };

describe('the notice period before a credit entry is published (Civil Code arts. 201, 203)', () => {
  it('ends the given number of days after the entry, moved past rest days', () => {
    // 2026-09-18 + 15 days = Saturday 3 October, in the National Day holiday: the period ends on Thursday 8 October.
    expect(noticeEndsOn('2026-09-18', 15)).toBe('2026-10-08');
    expect(noticeEndsOn('2026-06-01', 15)).toBe('2026-06-16');
  });

  it('has no end where the city gives no period, or past the holiday data', () => {
    expect(noticeEndsOn('2026-06-01', null)).toBeNull();
    expect(noticeEndsOn('2026-06-01', undefined)).toBeNull();
    expect(noticeEndsOn('2026-12-20', 15)).toBeNull();
  });

  it('publishes the day after the period ends, never on its last day, never while objected or without a period', () => {
    const entry = { status: 'RECORDED' as const, recordedOn: '2026-06-01', noticeDays: null };
    expect(isDueForPublication(entry, 15, '2026-06-16')).toBe(false);
    expect(isDueForPublication(entry, 15, '2026-06-17')).toBe(true);
    expect(isDueForPublication({ ...entry, status: 'OBJECTED' }, 15, '2026-07-01')).toBe(false);
    expect(isDueForPublication({ ...entry, status: 'PUBLISHED' }, 15, '2026-07-01')).toBe(false);
    expect(isDueForPublication(entry, null, '2027-06-01')).toBe(false);
  });

  it('runs the period from the day the entry was recorded, however long before the conduct or listing was', () => {
    // A finding of conduct on 5 January recorded on 1 March under 10 days: due on 12 March, not at once (before,
    // counted from 5 January, it was published the day it was recorded, leaving no time to object).
    const late = { status: 'RECORDED' as const, occurredOn: '2026-01-05', recordedOn: '2026-03-01', noticeDays: 10 };
    expect(entryNoticeEndsOn(late, 10)).toBe('2026-03-11');
    expect(isDueForPublication(late, 10, '2026-03-01')).toBe(false);
    expect(isDueForPublication(late, 10, '2026-03-11')).toBe(false);
    expect(isDueForPublication(late, 10, '2026-03-12')).toBe(true);
  });

  it('runs an entry by the notice period of the day it was recorded, whatever the city set since', () => {
    // Recorded under a 15-day period; the city shortened it to 5 and then lengthened it to 30.
    const entry = { status: 'RECORDED' as const, recordedOn: '2026-06-01', noticeDays: 15 };
    expect(isDueForPublication(entry, 5, '2026-06-10')).toBe(false);
    expect(isDueForPublication(entry, 5, '2026-06-17')).toBe(true);
    expect(isDueForPublication(entry, 30, '2026-06-17')).toBe(true);
    // Recorded while the city set none (or before the period was kept): the city's current period.
    expect(entryNoticeDays({ noticeDays: null }, 30)).toBe(30);
    expect(entryNoticeDays({ noticeDays: null }, undefined)).toBeNull();
    expect(entryNoticeDays({ noticeDays: 15 }, null)).toBe(15);
  });
});

describe('who reads and objects to credit entries', () => {
  it.each<[string, Identity, CreditEntryFacts, boolean]>([
    ['the company, its own entry', who('PROPERTY_COMPANY', [], company.companyId!), company, true],
    ['another company, nothing', who('PROPERTY_COMPANY', [], '91220681MA0DEMO02B'), company, false],
    ['a company, never an owner’s entry', who('PROPERTY_COMPANY', [], company.companyId!), owner, false],
    ['the city’s bureau', who('ENFORCEMENT_BUREAU', ['220681']), company, true],
    ['a Beijing bureau, nothing of 临江市', who('CITY_BUREAU', ['110102']), company, false],
    ['the street office, its owners’ entries', who('STREET_OFFICE', ['220681001']), owner, true],
    ['the street office, not a company’s record', who('STREET_OFFICE', ['220681001']), company, false],
    ['another street office, nothing', who('STREET_OFFICE', ['110102014']), owner, false],
    ['a court, nothing', who('COURT', ['220681']), owner, false],
    ['the admin', who('ADMIN'), owner, true],
  ])('%s', (_, identity, entry, may) => {
    expect(mayReadCreditEntry(identity, entry)).toBe(may);
  });

  it('lets the company object to its own entries and the street office for an owner, nobody else', () => {
    expect(mayObjectToCreditEntry(who('PROPERTY_COMPANY', [], company.companyId!), company)).toBe(true);
    expect(mayObjectToCreditEntry(who('PROPERTY_COMPANY', [], 'other'), company)).toBe(false);
    expect(mayObjectToCreditEntry(who('STREET_OFFICE', ['220681001']), owner)).toBe(true);
    expect(mayObjectToCreditEntry(who('ENFORCEMENT_BUREAU', ['220681']), company)).toBe(false);
    expect(mayObjectToCreditEntry(who('ADMIN'), company)).toBe(false);
  });

  it('has objections decided by the city’s own bureau role over the district', () => {
    expect(isCityBureauOf(who('ENFORCEMENT_BUREAU', ['220681']), company, 'ENFORCEMENT_BUREAU')).toBe(true);
    expect(isCityBureauOf(who('CITY_BUREAU', ['220681']), company, 'ENFORCEMENT_BUREAU')).toBe(false);
    expect(isCityBureauOf(who('ENFORCEMENT_BUREAU', ['110102']), company, 'ENFORCEMENT_BUREAU')).toBe(false);
  });
});

describe('objections', () => {
  it('hold an entry until decided: upheld withdraws it, dismissed restores where it was', () => {
    expect(objectTo({ status: 'RECORDED' })).toBe('OBJECTED');
    expect(objectTo({ status: 'PUBLISHED' })).toBe('OBJECTED');
    expect(decideObjection({ status: 'OBJECTED', publishedOn: null }, true)).toBe('WITHDRAWN');
    expect(decideObjection({ status: 'OBJECTED', publishedOn: null }, false)).toBe('RECORDED');
    expect(decideObjection({ status: 'OBJECTED', publishedOn: '2026-06-20' }, false)).toBe('PUBLISHED');
  });

  it('refuses a second pending objection, one to a withdrawn entry, and a decision with none pending', () => {
    expect(() => objectTo({ status: 'OBJECTED' })).toThrow(
      expect.objectContaining({ code: 'CREDIT_OBJECTION_NOT_ALLOWED' }),
    );
    expect(() => objectTo({ status: 'WITHDRAWN' })).toThrow(
      expect.objectContaining({ code: 'CREDIT_OBJECTION_NOT_ALLOWED' }),
    );
    expect(() => decideObjection({ status: 'RECORDED', publishedOn: null }, true)).toThrow(
      expect.objectContaining({ code: 'NO_PENDING_OBJECTION' }),
    );
  });
});

describe('the credit notice period in a city’s settings', () => {
  it('needs a source, and stays unset (null) where none is given', () => {
    expect(defineCitySettings(LINJIANG_SETTINGS).creditNoticePeriodDays ?? null).toBeNull();
    expect(() => defineCitySettings({ ...LINJIANG_SETTINGS, creditNoticePeriodDays: 15 })).toThrow(
      expect.objectContaining({ details: { fields: { sources: expect.any(String) } } }),
    );
    const set = defineCitySettings({
      ...LINJIANG_SETTINGS,
      creditNoticePeriodDays: 15,
      sources: { ...LINJIANG_SETTINGS.sources, creditNoticePeriod: 'the city’s notice' },
    });
    expect(set.creditNoticePeriodDays).toBe(15);
    expect(() =>
      defineCitySettings({
        ...LINJIANG_SETTINGS,
        creditNoticePeriodDays: 0,
        sources: { ...LINJIANG_SETTINGS.sources, creditNoticePeriod: 'x' },
      }),
    ).toThrow(expect.objectContaining({ details: { fields: { creditNoticePeriodDays: expect.any(String) } } }));
  });
});
