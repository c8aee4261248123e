import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Verification, supersededSince, verifyCertificate } from '../domain/filing-certificate';
import { asExistingContract } from '../domain/contract-terms';
import { lastDayServed } from '../domain/contract-overlap';
import { contractsEverAcceptedIn, findContract } from '../persistence/contract.repository';
import { certificateByRecordNumber } from '../persistence/filing-certificate.repository';
import { findFiling } from '../persistence/filing.repository';

/**
 * The public question (no token; rate-limited as anonymous at the gateway): is a certificate with this record
 * number and digest genuine, and is its filing in force today (China time), its contract still serving? Answers with public facts only (provider, area,
 * term); an unknown number or a digest that matches nothing says so, and nothing else.
 */
export async function verifyFilingCertificate(
  em: EntityManager,
  recordNumber: string,
  digest: string,
): Promise<Verification> {
  const number = typeof recordNumber === 'string' ? recordNumber.trim() : '';
  const certificate = /^[0-9]{6}-[0-9]{4}-[0-9]{4,}$/.test(number) ? await certificateByRecordNumber(em, number) : null;
  const filing = certificate && (await findFiling(em, certificate.filingId));
  const superseding = filing?.supersededByFilingId ? await findFiling(em, filing.supersededByFilingId) : null;
  const endingContract =
    superseding && filing && superseding.contractId !== filing.contractId
      ? await findContract(em, superseding.contractId)
      : null;
  // The last day its contract serves, by the area's contracts: a term run out, or a continuation ended (art. 948).
  const servedTo =
    filing?.status === 'ACCEPTED'
      ? lastDayServed((await contractsEverAcceptedIn(em, [filing.areaId])).map(asExistingContract), filing.contractId)
      : null;
  return verifyCertificate(
    certificate,
    filing
      ? {
          status: filing.status,
          supersededOn: supersededSince(filing, superseding ?? null, endingContract?.startsOn ?? null),
          terminatedOn: filing.terminatedOn ?? null,
          servedTo,
        }
      : null,
    digest,
    todayInChina(),
  );
}
