/**
 * Of several versions of the same things (snapshots of one account, announcements of one deadline), the one each
 * keeps: the highest version, and of equal versions the first given, as applying them one by one with "replace only
 * when higher" would keep. Returns one per key, in the order each key first appears.
 */
export function latestVersions<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  versionOf: (item: T) => number,
): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    const held = latest.get(key);
    if (held === undefined || versionOf(held) < versionOf(item)) latest.set(key, item);
  }
  return [...latest.values()];
}
