import { latestVersions } from './latest-version';

describe('latestVersions', () => {
  type Item = { key: string; version: number; n?: number };
  const key = (i: Item) => i.key;
  const version = (i: Item) => i.version;

  it('keeps the highest version of each key, whatever the order they came in', () => {
    const items = [
      { key: 'a', version: 2, n: 1 },
      { key: 'b', version: 1, n: 2 },
      { key: 'a', version: 3, n: 3 },
      { key: 'a', version: 1, n: 4 },
    ];
    expect(latestVersions(items, key, version)).toEqual([
      { key: 'a', version: 3, n: 3 },
      { key: 'b', version: 1, n: 2 },
    ]);
  });

  it('keeps the first of equal versions, as one by one "replace when higher" would', () => {
    const items = [
      { key: 'a', version: 2, n: 1 },
      { key: 'a', version: 2, n: 2 },
    ];
    expect(latestVersions(items, key, version)).toEqual([{ key: 'a', version: 2, n: 1 }]);
  });

  it('returns nothing for nothing', () => {
    expect(latestVersions<Item>([], key, version)).toEqual([]);
  });
});
