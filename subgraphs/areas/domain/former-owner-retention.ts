import { IsoDate, addYears } from '../../../kernel/calendar';
import { LONGEST_PROTECTION_YEARS } from '../../../kernel/limitation-period';
import { SELLER_LIMITATION_PERIOD_YEARS } from './statutes';

/**
 * How long the register keeps a former owner (persistence/former-owner.repository.ts) no referral names: their
 * particulars serve one purpose, the court of a referral against them (domain/access.ts ownerInFull), and are kept no
 * longer than it needs (statutes.ts SHORTEST_RETENTION_SOURCE). A referral of the seller's months comes within their
 * limitation period, three years from each month's due date (SELLER_LIMITATION_PERIOD_YEARS): the seller's last month
 * (the month of the transfer, theirs whole) falls due by its billing term after the sale, and a demand made then
 * restarts the period (art. 195), so the horizon is that period and one year more, counted from the day they were
 * succeeded. A referral may still come later (a period interrupted again): its court then gets the owner now masked
 * and the complaint DEFENDANT_NO_LONGER_OWNER, as for owners replaced before the register kept any.
 */
export const FORMER_OWNER_KEPT_YEARS_DEFAULT = SELLER_LIMITATION_PERIOD_YEARS + 1;

/** Bounds of the setting: never shorter than the limitation period itself, at most twenty years (art. 188 para. 2). */
export const FORMER_OWNER_KEPT_YEARS_BOUNDS = {
  min: SELLER_LIMITATION_PERIOD_YEARS,
  max: LONGEST_PROTECTION_YEARS,
} as const;

/**
 * The day from which former owners are kept on `today`: one succeeded before it, kept `keptYears` and more, and named
 * by no court's grant, is erased.
 */
export const formerOwnersKeptFrom = (today: IsoDate, keptYears: number): IsoDate => addYears(today, -keptYears);
