import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { SERVICE_COMPLAINTS_BASIS, ServiceComplaints, serviceComplaintWindow } from '../domain/service-complaints';
import { serviceComplaintsOf } from '../persistence/service-complaint.repository';

/** The complaints section of a package referred on `referredOn`: the compound's orders dispatched to the plaintiff. */
export async function serviceComplaints(
  em: EntityManager,
  accountId: string,
  companyId: string,
  referredOn: IsoDate,
): Promise<ServiceComplaints> {
  const { from, to } = serviceComplaintWindow(referredOn);
  return {
    from,
    to,
    basis: SERVICE_COMPLAINTS_BASIS,
    orders: await serviceComplaintsOf(em, accountId, companyId, from, to),
  };
}
