import { Fen } from '../../../kernel/money';
import { isSmallClaims } from './procedure';
import {
  BATCH_ACCEPTANCE_FEE_SOURCE,
  CASE_ACCEPTANCE_FEE_BANDS,
  CASE_ACCEPTANCE_FEE_MINIMUM_FEN,
  CASE_ACCEPTANCE_FEE_SOURCE,
  SIMPLE_PROCEDURE_HALF_FEE_SOURCE,
} from './statutes';

/**
 * The case acceptance fee (案件受理费) a referred claim costs the company, which pays it in advance (诉讼费用交纳办法
 * art. 20) and asks that the owner bear it (art. 29): a finance team budgets it per referral. The court assesses it;
 * this is the statute's figure for the amount in dispute, so that the company knows it before the court's notice.
 */
export interface CaseAcceptanceFee {
  /** Art. 13 item 1 on the amount in dispute, in whole fen (rounded half up once). */
  fullFen: Fen;
  /** What the company pays on docketing: half under the small-claims (simple) procedure, art. 16; else the full fee. */
  onDocketingFen: Fen;
  /** The article halving it, or null. */
  halvedUnder: string | null;
  legalBasis: string;
}

/**
 * Art. 13 item 1's bands, summed exactly in ten-thousandths of a fen and rounded half up to the fen once: ¥50 a case
 * up to ¥10,000, then each band's rate on the part of the amount within it.
 */
export function caseAcceptanceFeeFen(amountInDisputeFen: Fen): Fen {
  if (!Number.isSafeInteger(amountInDisputeFen) || amountInDisputeFen < 0)
    throw new RangeError('the amount in dispute is whole fen, 0 or more');
  let tenThousandths = BigInt(CASE_ACCEPTANCE_FEE_MINIMUM_FEN) * 10_000n;
  CASE_ACCEPTANCE_FEE_BANDS.forEach((band, i) => {
    const upTo = CASE_ACCEPTANCE_FEE_BANDS[i + 1]?.aboveFen ?? Number.MAX_SAFE_INTEGER;
    const within = Math.min(amountInDisputeFen, upTo) - band.aboveFen;
    if (within > 0) tenThousandths += BigInt(within) * BigInt(band.perTenThousand);
  });
  return Number((tenThousandths + 5_000n) / 10_000n);
}

/** Half a fee, in whole fen rounded half up (art. 15 or 16: "减半"). */
const halfOf = (fen: Fen): Fen => Math.floor((fen + 1) / 2);

/**
 * The fee of a referral whose procedure is `procedure` (the court's once docketed, else the hub's proposal): halved on
 * docketing for a small claim, tried under the simple procedure (art. 16). SIMPLE_OR_ORDINARY does not say which,
 * so the full fee, which the court halves if it tries the case under the simple procedure; a small claim converted
 * to the ordinary procedure pays the rest (SPC interpretation of the Civil Procedure Law art. 199). A settlement by
 * mediation or a withdrawal after docketing halves it too (art. 15), only once (interpretation art. 206): the court
 * refunds that.
 */
export function caseAcceptanceFee(amountInDisputeFen: Fen, procedure: string | null): CaseAcceptanceFee {
  const fullFen = caseAcceptanceFeeFen(amountInDisputeFen);
  const halved = isSmallClaims(procedure);
  return {
    fullFen,
    onDocketingFen: halved ? halfOf(fullFen) : fullFen,
    halvedUnder: halved ? SIMPLE_PROCEDURE_HALF_FEE_SOURCE : null,
    legalBasis: CASE_ACCEPTANCE_FEE_SOURCE,
  };
}

/** The case acceptance fees of a consolidated batch's cases, added up: what the company prepays for the batch. */
export interface CaseAcceptanceFeeTotal {
  /** The cases counted: every referral of the batch (a batch holds only cases still before the court). */
  caseCount: number;
  /** The cases whose fee is halved on docketing (art. 16). */
  halvedCaseCount: number;
  /** The sum of each case's full fee. */
  fullFen: Fen;
  /** The sum of what each case pays on docketing. */
  onDocketingFen: Fen;
  legalBasis: string;
}

/**
 * The fee of each case on its own amount under its own procedure (caseAcceptanceFee), then added up: the fee is per
 * case (art. 13 item 1: "每件"), and a joint hearing combines no amounts (BATCH_ACCEPTANCE_FEE_SOURCE), so this is not
 * the scale applied to the batch's combined amount. Each case is rounded to the fen on its own, as the court assesses
 * it. Throws a RangeError where a total would leave the integers a number holds exactly (never, for claims of at most
 * ¥100,000,000 each: a case's fee is then at most ¥541,800).
 */
export function caseAcceptanceFeeTotal(
  cases: readonly { amountInDisputeFen: Fen; procedure: string | null }[],
): CaseAcceptanceFeeTotal {
  const total = cases.reduce(
    (sum, c) => {
      const fee = caseAcceptanceFee(c.amountInDisputeFen, c.procedure);
      return {
        halvedCaseCount: sum.halvedCaseCount + (fee.halvedUnder ? 1 : 0),
        fullFen: sum.fullFen + fee.fullFen,
        onDocketingFen: sum.onDocketingFen + fee.onDocketingFen,
      };
    },
    { halvedCaseCount: 0, fullFen: 0, onDocketingFen: 0 },
  );
  if (!Number.isSafeInteger(total.fullFen)) throw new RangeError('the fees add up past whole fen a number holds');
  return { caseCount: cases.length, ...total, legalBasis: BATCH_ACCEPTANCE_FEE_SOURCE };
}
