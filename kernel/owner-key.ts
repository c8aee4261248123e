/**
 * An owner reference as the hub compares them: trimmed, in NFKC form, so full-width Ａ－１ is A-1, and in upper case,
 * so a resident ID's check character typed x is X (GB 11643 writes it upper case; before, …002x and …002X counted as
 * two owners of a joint decision, against 法释〔2009〕7号 art. 9, per a legal audit, 2026-12-07). The areas register
 * counts owners by it (and `ownerCountsOfAreas` in SQL alike) and tells a change of owner from a correction by it;
 * litigation asks by it whether the register's owner is still the one a referral names.
 */
export const ownerKey = (reference: string): string => reference.normalize('NFKC').trim().toUpperCase();
