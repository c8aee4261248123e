import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { DEFAULT_REMINDER_LEADS, ReminderLeads, checkReminderLeads, deadlineScopeOf } from '../domain/deadlines';
import { DEFAULT_LEADS_KEY, allReminderLeads, saveReminderLeads } from '../persistence/deadline.repository';

/** The leads that apply to an organisation: its own, else the admin's default, else 7 days, 1 day and overdue. */
export const leadsOf = (settings: Map<string, ReminderLeads>, organisationId: string): ReminderLeads =>
  settings.get(organisationId) ?? settings.get(DEFAULT_LEADS_KEY) ?? DEFAULT_REMINDER_LEADS;

/**
 * Sets the reminder leads: the admin for any organisation or, without one, the default of every party; a party
 * with deadlines for itself alone.
 */
export async function setDeadlineReminderLeads(
  em: EntityManager,
  identity: Identity,
  input: ReminderLeads & { organisationId?: string | null },
): Promise<ReminderLeads> {
  const leads = checkReminderLeads(input);
  let organisationId: string;
  if (identity.role === 'ADMIN') organisationId = input.organisationId ?? DEFAULT_LEADS_KEY;
  else {
    if (!deadlineScopeOf(identity)) throw new ForbiddenError('Your role has no deadlines in the register');
    if (input.organisationId && input.organisationId !== identity.organisationId)
      throw new ForbiddenError("Only the admin sets another organisation's reminder leads");
    organisationId = identity.organisationId;
  }
  await em.transactional((tx) => saveReminderLeads(tx, organisationId, leads, identity.subject));
  return leads;
}

/** The leads that apply to the caller's organisation (the admin: the default). */
export async function deadlineReminderLeads(em: EntityManager, identity: Identity): Promise<ReminderLeads> {
  if (identity.role !== 'ADMIN' && !deadlineScopeOf(identity))
    throw new ForbiddenError('Your role has no deadlines in the register');
  const key = identity.role === 'ADMIN' ? DEFAULT_LEADS_KEY : identity.organisationId;
  return leadsOf(await allReminderLeads(em), key);
}
