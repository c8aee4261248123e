import { DeadlineKind, DeadlineOwnerKind, DeadlineReminderData, partyIdOfOrganisation } from '../../../../catalog';
import type { IsoDate } from '../../../../kernel/calendar';
import type { RegisteredDeadline } from '../../domain/deadlines';

export const FEEDS_EVENT_SOURCE = '/property-governance-hub/feeds';

/** A reminder of a registered deadline at one lead, as deadline.reminders.v1 carries it (no personal data). */
export function publishReminder(
  deadline: RegisteredDeadline & { dueOn: IsoDate },
  lead: string,
  remindedOn: IsoDate,
): DeadlineReminderData {
  return {
    deadlineKey: deadline.deadlineKey,
    kind: deadline.kind as DeadlineKind,
    subjectId: deadline.subjectId,
    ownerKind: deadline.ownerKind as DeadlineOwnerKind,
    ownerOrganisationId: deadline.ownerOrganisationId,
    partyId: partyIdOfOrganisation(deadline.ownerOrganisationId),
    districtCode: deadline.districtCode,
    legalBasis: deadline.legalBasis,
    dueOn: deadline.dueOn,
    lead,
    remindedOn,
  };
}
