import { serviceTermOf } from './referral';

/** The service term a complaint states, for a contract continuing after its term (Civil Code art. 948) too. */
describe('serviceTermOf', () => {
  const terms = { startsOn: '2024-01-01', endsOn: '2026-12-31' } as Parameters<typeof serviceTermOf>[0]['terms'];

  it('states the agreed term, or its termination within it, as before', () => {
    expect(serviceTermOf({ terms, terminatedOn: null, servedTo: '2026-12-31' }, '2027-05-10')).toEqual({
      startsOn: '2024-01-01',
      endsOn: '2026-12-31',
      agreedEndsOn: '2026-12-31',
    });
    expect(serviceTermOf({ terms, terminatedOn: '2026-06-30', servedTo: '2026-06-30' }, '2027-05-10').endsOn).toBe(
      '2026-06-30',
    );
    expect(serviceTermOf({ terms, terminatedOn: null }, '2027-05-10').endsOn).toBe('2026-12-31');
  });

  it('runs a continuation to the day the amounts are stated as of, or to its end once known', () => {
    expect(serviceTermOf({ terms, terminatedOn: null, servedTo: '9999-12-31' }, '2027-05-10')).toEqual({
      startsOn: '2024-01-01',
      endsOn: '2027-05-10',
      agreedEndsOn: '2026-12-31',
      continuedFrom: '2027-01-01',
    });
    expect(serviceTermOf({ terms, terminatedOn: '2027-03-31', servedTo: '2027-03-31' }, '2027-05-10')).toMatchObject({
      endsOn: '2027-03-31',
      continuedFrom: '2027-01-01',
    });
  });
});
