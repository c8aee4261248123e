import { addDays } from '../../kernel/calendar';
import { todayInChina } from '../../kernel/clock';
import type { Identity } from '../../kernel/identity';
import type { SubgraphName } from '../../platform/config';
import { TestHub, startTestHub } from './hub-fixture';
import { probeTopics } from './kafka-probe';
import { HONGJU, hongjuTerms, scenario } from './scenario';

/**
 * A test hub of `subgraphs` where `company` has drafted a contract at 红居南街6号院 (this month's terms, signed by its
 * first day), with a probe on the filings topic: what a file needs to submit a filing and follow it onto Kafka.
 */
export async function draftedContractHub(
  subgraphs: readonly SubgraphName[],
  company: Identity,
): Promise<{ t: TestHub; contractId: string; probe: Awaited<ReturnType<typeof probeTopics>> }> {
  const t = await startTestHub({ subgraphs });
  const today = todayInChina();
  const { areaId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts'] });
  const contractId = await scenario(t).draftContract(
    company,
    areaId,
    // Signed five days ago, or on the first of the month if that is earlier: signed on or before the first day of
    // service, whatever the day of the month (signed five days ago failed SIGNED_AFTER_START from the 7th on).
    hongjuTerms(company, today.slice(0, 7), { signedOn: [addDays(today, -5), `${today.slice(0, 7)}-01`].sort()[0] }),
  );
  const probe = await probeTopics(t.brokers, [`${t.topicPrefix}contracts.filings.v1`]);
  return { t, contractId, probe };
}
