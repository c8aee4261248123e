import {
  divisionsServed,
  hotlineSenderProblems,
  hotlineServing,
  overlappingSenders,
  sentByHotline,
} from './hotline-sender';

describe('hotline systems by division', () => {
  const city = { organisationId: 'hotline-12345', jurisdictions: ['1101'] };
  const xicheng = { organisationId: 'hotline-xicheng', jurisdictions: ['110102', '110105'] };

  it('finds another system whose divisions contain, or lie within, the ones registered', () => {
    expect(overlappingSenders('hotline-xicheng', ['110102'], [city])).toEqual([
      { organisationId: 'hotline-12345', divisions: ['1101'] },
    ]);
    expect(overlappingSenders('hotline-12345', ['1101'], [xicheng])).toEqual([
      { organisationId: 'hotline-xicheng', divisions: ['110102', '110105'] },
    ]);
    expect(overlappingSenders('hotline-xicheng', ['110102011'], [city, xicheng])).toEqual([
      { organisationId: 'hotline-12345', divisions: ['1101'] },
    ]);
  });

  it('lets a system change its own divisions, and neighbours register side by side', () => {
    expect(overlappingSenders('hotline-xicheng', ['110102', '110108'], [xicheng])).toEqual([]);
    expect(overlappingSenders('hotline-haidian', ['110108'], [xicheng])).toEqual([]);
    expect(overlappingSenders('hotline-sh', ['31'], [city, xicheng])).toEqual([]);
  });

  it('takes only an id its topic can carry', () => {
    // A helper's audit: `BJ-12345` was registered, and every order it sent was dead-lettered (SENDER_MISMATCH).
    const problems = (organisationId: string) =>
      hotlineSenderProblems({ organisationId, name: '12345', jurisdictions: ['110102'] });
    for (const id of ['BJ-12345', 'bj_12345', 'bj.12345', '-bj', 'b', 'b'.repeat(64), ' '])
      expect(problems(id)).toEqual({ organisationId: expect.stringContaining('lower-case') });
    expect(problems('bj-12345')).toEqual({});
    expect(
      hotlineSenderProblems({ organisationId: 'bj-12345', name: ' ', jurisdictions: ['1101001'.repeat(2)] }),
    ).toEqual({ name: 'must not be empty', jurisdictions: '1 to 100 division codes of 2–9 digits' });
  });

  it("finds the system sending a street's orders, whose later orders a backfill may not take", () => {
    const since = new Date('2026-12-01T00:00:00Z');
    const senders = [
      { ...city, served: [{ code: '1101', since }] },
      { organisationId: 'hotline-sh', jurisdictions: ['31'], served: [{ code: '31', since }] },
    ];
    expect(hotlineServing('110102020', senders)).toEqual({ organisationId: 'hotline-12345', since });
    expect(hotlineServing('310101001', senders)?.organisationId).toBe('hotline-sh');
    expect(hotlineServing('120101001', senders)).toBeUndefined();
    expect(
      sentByHotline({ streetCode: '110102020', receivedAt: '2026-11-30T23:59:59+08:00' }, senders),
    ).toBeUndefined();
    expect(sentByHotline({ streetCode: '110102020', receivedAt: '2026-12-01T08:00:00+08:00' }, senders)).toMatch(
      /^received since 2026-12-01T00:00:00.000Z, when the hotline system hotline-12345 began/,
    );
    expect(sentByHotline({ streetCode: '120101001', receivedAt: '2026-12-02T00:00:00Z' }, senders)).toBeUndefined();
  });

  it('starts a division when it is first registered, not when its system was', () => {
    // Before, one start a system: a district added a year later had its streets' whole history refused.
    const first = new Date('2025-12-01T00:00:00Z');
    const later = new Date('2026-12-01T00:00:00Z');
    const served = divisionsServed([], ['110102'], first);
    expect(served).toEqual([{ code: '110102', since: first }]);
    const widened = divisionsServed(served, ['110102', '110105'], later);
    expect(widened).toEqual([
      { code: '110102', since: first },
      { code: '110105', since: later },
    ]);
    const senders = [{ organisationId: 'hotline-bj', served: widened }];
    expect(sentByHotline({ streetCode: '110105001', receivedAt: '2026-06-01T00:00:00Z' }, senders)).toBeUndefined();
    expect(sentByHotline({ streetCode: '110102020', receivedAt: '2026-06-01T00:00:00Z' }, senders)).toMatch(
      /^received since 2025-12-01T00:00:00.000Z/,
    );
    // A street within a division it already serves keeps that start; a division dropped and registered again starts again.
    expect(divisionsServed(widened, ['110102020'], later)).toEqual([{ code: '110102020', since: first }]);
    // A street widened to its district keeps its own start beside the district's new one.
    const street = divisionsServed([], ['110102020'], first);
    const district = divisionsServed(street, ['110102'], later);
    expect(district).toEqual([
      { code: '110102', since: later },
      { code: '110102020', since: first },
    ]);
    const bySender = [{ organisationId: 'hotline-bj', served: district }];
    expect(hotlineServing('110102020', bySender)?.since).toEqual(first);
    expect(hotlineServing('110102017', bySender)?.since).toEqual(later);
    expect(divisionsServed(district, ['110102'], new Date('2027-01-01T00:00:00Z'))).toEqual(district);
    const dropped = divisionsServed(widened, ['110105'], later);
    expect(divisionsServed(dropped, ['110105', '110102'], new Date('2027-01-01T00:00:00Z'))).toEqual([
      { code: '110105', since: later },
      { code: '110102', since: new Date('2027-01-01T00:00:00Z') },
    ]);
  });
});
