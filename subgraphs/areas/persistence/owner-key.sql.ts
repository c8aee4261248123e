/**
 * kernel/owner-key.ts `ownerKey` in SQL, for an owner reference column: NFKC, trimmed, in upper case, so the register's
 * counts and comparisons in SQL take two spellings of one reference as the same owner, as its code does.
 */
export const ownerKeySql = (column: string): string => `upper(btrim(normalize(${column}, NFKC)))`;
