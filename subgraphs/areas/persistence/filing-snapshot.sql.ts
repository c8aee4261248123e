/**
 * SQL over areas.filing_snapshot (unaliased): a provider serving under an accepted filing whose contract has not
 * ended on the day bound to its one placeholder (China time). A contract reaching its end date changes no filing's
 * status, so `status = 'ACCEPTED'` alone kept an area served, and a company reading it, for good.
 */
export const FILED_PROVIDER = `status = 'ACCEPTED' and ends_on >= ?::date`;
