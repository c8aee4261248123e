import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { settingsCovering } from '../../../kernel/city-code';
import { Fen } from '../../../kernel/money';
import { ProcedureProposal, SmallClaimsQuestion, proposeProcedure, withoutProvince } from '../domain/procedure';
import { CityProvince } from '../persistence/city-province.repository';
import { recordedThresholds } from '../persistence/small-claims-threshold.repository';

/**
 * The hub's procedure proposal for claims of districts on `today` (Civil Procedure Law arts. 165–166): the threshold of
 * the province the district's city settings name, as recorded for `today`'s year (read once per province), applied
 * to the claim with the parties' consent and the exclusions. For a referral and for a package corrected before
 * docketing, whose amount may have crossed the threshold since.
 */
export function procedureProposer(tx: EntityManager, today: IsoDate, cities: readonly CityProvince[]) {
  const docketYear = Number(today.slice(0, 4));
  const thresholdsOf = new Map<string, Awaited<ReturnType<typeof recordedThresholds>>>();
  return async (districtCode: string, claimFen: Fen, question: SmallClaimsQuestion): Promise<ProcedureProposal> => {
    const provinceCode = settingsCovering(districtCode, cities)?.provinceCode ?? null;
    if (provinceCode === null) return withoutProvince(districtCode);
    if (!thresholdsOf.has(provinceCode))
      thresholdsOf.set(provinceCode, await recordedThresholds(tx, provinceCode, docketYear));
    return proposeProcedure({
      provinceCode,
      docketYear,
      docketOn: today,
      recordedThresholds: thresholdsOf.get(provinceCode),
      claimFen,
      ...question,
    });
  };
}
