/**
 * An owner reference as the hub compares them: trimmed, in NFKC form, so full-width Ａ－１ is A-1. The areas register
 * counts owners by it and tells a change of owner from a correction by it; litigation asks by it whether the register's
 * owner is still the one a referral names.
 */
export const ownerKey = (reference: string): string => reference.normalize('NFKC').trim();
