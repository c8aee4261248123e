import { topicsFromEnv } from './filings-subscriber';

describe("the reference subscriber's FILINGS_TOPICS", () => {
  it('takes topic names and /patterns/, comma-separated', () => {
    expect(topicsFromEnv(' contracts.filings.v1.110102, /^contracts\\.filings\\.v1\\.11\\d{4}$/ ,')).toEqual([
      'contracts.filings.v1.110102',
      /^contracts\.filings\.v1\.11\d{4}$/,
    ]);
    const [, pattern] = topicsFromEnv('a,/^contracts\\.filings\\.v1\\.11\\d{4}$/') as [string, RegExp];
    expect(
      ['contracts.filings.v1.110105', 'contracts.filings.v1.120105', 'contracts.filings.v1'].map((t) =>
        pattern.test(t),
      ),
    ).toEqual([true, false, false]);
    expect(topicsFromEnv('')).toEqual([]);
    // A pattern may hold a comma (a quantifier) or an escaped slash.
    expect(topicsFromEnv('/^contracts\\.filings\\.v1\\.\\d{2,6}$/,b,/a\\/b/')).toEqual([
      /^contracts\.filings\.v1\.\d{2,6}$/,
      'b',
      /a\/b/,
    ]);
  });
});
