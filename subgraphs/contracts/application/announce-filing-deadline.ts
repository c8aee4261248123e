import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTRACT_DEADLINE_CHANGED } from '../../../catalog';
import type { IsoDate } from '../../../kernel/calendar';
import { recordEvent } from '../../../platform/events/outbox';
import { settingsCovering } from '../domain/statutes';
import { CONTRACTS_EVENT_SOURCE } from '../events/publish/filing-events';
import { publishFilingDeadline } from '../events/publish/deadline-events';
import { Contract } from '../persistence/contract.entity';
import { allCitySettings } from '../persistence/city-settings.repository';

/**
 * Tells the deadline register (feeds) where the contract's filing deadline stands, in the caller's transaction:
 * set when drafted, moved when the draft's signing date changes, met when the contract is filed. A city without a
 * filing deadline (or without settings: the filing itself will say CITY_NOT_CONFIGURED) announces nothing.
 */
export async function announceFilingDeadline(
  em: EntityManager,
  contract: Contract,
  change: { metOn?: IsoDate; cancelled?: boolean } = {},
): Promise<void> {
  const found = settingsCovering(contract.districtCode, await allCitySettings(em));
  if (!found) return;
  contract.deadlineSequence += 1;
  const data = publishFilingDeadline(contract, found.settings, { ...change, sequence: contract.deadlineSequence });
  if (!data) return;
  recordEvent(em, CONTRACT_DEADLINE_CHANGED, {
    source: CONTRACTS_EVENT_SOURCE,
    key: data.deadlineKey,
    subject: contract.id,
    data,
  });
}
