import { overlappingSenders } from './hotline-sender';

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
});
