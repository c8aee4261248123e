import { FORMER_OWNER_KEPT_YEARS_DEFAULT, formerOwnersKeptFrom } from './former-owner-retention';
import { SELLER_LIMITATION_PERIOD_SOURCE, SELLER_LIMITATION_PERIOD_YEARS, SHORTEST_RETENTION_SOURCE } from './statutes';

describe('how long a former owner no referral names is kept (PIPL art. 19)', () => {
  it('the seller’s limitation period (Civil Code art. 188 para. 1) and one year more, by default', () => {
    expect(SELLER_LIMITATION_PERIOD_YEARS).toBe(3);
    expect(SELLER_LIMITATION_PERIOD_SOURCE).toBe('Civil Code art. 188 para. 1');
    expect(SHORTEST_RETENTION_SOURCE).toMatch(/Personal Information Protection Law arts\. 19/);
    expect(FORMER_OWNER_KEPT_YEARS_DEFAULT).toBe(4);
  });

  it('keeps those succeeded on or after the day that many years before today', () => {
    expect(formerOwnersKeptFrom('2030-12-08', 4)).toBe('2026-12-08');
  });
});
