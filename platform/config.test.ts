import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { demandPeriodDaysFromEnv, ownerDataKey } from './config';

describe('the owner data key', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'owner-key-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('comes from OWNER_DATA_KEY, 32 bytes in base64', () => {
    const key = randomBytes(32);
    expect(ownerDataKey({ OWNER_DATA_KEY: key.toString('base64'), NODE_ENV: 'production' }, root).equals(key)).toBe(
      true,
    );
    expect(() => ownerDataKey({ OWNER_DATA_KEY: randomBytes(16).toString('base64') }, root)).toThrow(/32 bytes/);
  });

  it('is required in production', () => {
    expect(() => ownerDataKey({ NODE_ENV: 'production' }, root)).toThrow(/OWNER_DATA_KEY must be set/);
    expect(fs.existsSync(path.join(root, '.local'))).toBe(false);
  });

  it('is generated once under .local/ on a development machine, readable only by its owner', () => {
    const first = ownerDataKey({}, root);
    const file = path.join(root, '.local', 'owner-data.key');
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(ownerDataKey({}, root).equals(first)).toBe(true);
  });
});

describe("the city's reasonable period after a demand (HUB_DEMAND_PERIOD_DAYS; Civil Code art. 944 para. 2 fixes none)", () => {
  it('is unset by default, so the stated default applies, and whole days 0–365 when set', () => {
    expect(demandPeriodDaysFromEnv({})).toBeUndefined();
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: ' ' })).toBeUndefined();
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: '30' })).toBe(30);
    expect(demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: '0' })).toBe(0);
  });

  it.each(['-1', '1.5', '366', 'fifteen'])('refuses %s at start-up', (value) => {
    expect(() => demandPeriodDaysFromEnv({ HUB_DEMAND_PERIOD_DAYS: value })).toThrow(/HUB_DEMAND_PERIOD_DAYS/);
  });
});
