import { InvalidInputError } from '../../../kernel/errors';
import { AssessedDecision } from '../application/joint-decisions-of-areas';
import { DecisionInput } from '../application/record-joint-decision';
import { parseSquareMetres } from '../domain/floor-area';
import { DecisionTally, RatioView } from '../domain/joint-decision';
import { JointDecisionType, RatioType, RecordJointDecisionInput, TallyInput } from './governance.type';

/** A meeting's reported tally, areas from m² with two decimals; BAD_USER_INPUT names every area that is not one. */
export function decisionTallyOf(t: TallyInput): DecisionTally {
  const totalAreaCentiM2 = parseSquareMetres(t.totalArea);
  const participatingAreaCentiM2 = parseSquareMetres(t.participatingArea);
  const consentingAreaCentiM2 = parseSquareMetres(t.consentingArea);
  if (totalAreaCentiM2 === undefined || participatingAreaCentiM2 === undefined || consentingAreaCentiM2 === undefined) {
    const fields = Object.fromEntries(
      Object.entries({
        totalArea: totalAreaCentiM2,
        participatingArea: participatingAreaCentiM2,
        consentingArea: consentingAreaCentiM2,
      })
        .filter(([, v]) => v === undefined)
        .map(([k]) => [k, 'not an area']),
    );
    throw new InvalidInputError('Areas must be m² with at most two decimals', { fields });
  }
  return {
    totalOwners: t.totalOwners,
    totalAreaCentiM2,
    participatingOwners: t.participatingOwners,
    participatingAreaCentiM2,
    consentingOwners: t.consentingOwners,
    consentingAreaCentiM2,
  };
}

/** The decision as reported; the use case refuses both or neither of a tally and ballots. */
export function decisionInputOf(input: RecordJointDecisionInput): DecisionInput {
  return {
    areaId: input.areaId,
    matter: input.matter,
    heldOn: input.heldOn,
    agendaItem: input.agendaItem ?? null,
    tally: input.tally ? decisionTallyOf(input.tally) : undefined,
    ballots: input.ballots ?? undefined,
  };
}

export const ratioType = (r: RatioView): RatioType => ({
  numerator: String(r.numerator),
  denominator: String(r.denominator),
  percent: r.display,
});

export function jointDecisionType({ decision, outcome }: AssessedDecision): JointDecisionType {
  return {
    id: decision.id,
    areaId: decision.areaId,
    matter: decision.matter,
    heldOn: decision.heldOn,
    agendaItem: decision.agendaItem ?? null,
    tallySource: decision.tallySource ?? null,
    valid: outcome.valid,
    reasons: outcome.reasons,
    participationOwners: ratioType(outcome.ratios.participationOwners),
    participationArea: ratioType(outcome.ratios.participationArea),
    consentOwners: outcome.ratios.consentOwners && ratioType(outcome.ratios.consentOwners),
    consentArea: outcome.ratios.consentArea && ratioType(outcome.ratios.consentArea),
  };
}
