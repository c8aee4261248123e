import { ComplaintOrder, OrderTransition } from '../domain/order';
import { RecordedCategory, RecordedItem } from '../domain/taxonomy';
import {
  ComplaintCategoryType,
  ComplaintItemType,
  ComplaintOrderType,
  ComplaintTransitionType,
} from './complaint.type';

export const itemView = (i: RecordedItem): ComplaintItemType => ({
  division: i.division,
  code: i.code,
  categoryCode: i.categoryCode,
  name: i.name,
  validFrom: i.validFrom,
  validTo: i.validTo,
  source: i.source,
  responsible: i.responsible,
});

export const categoryView = (c: RecordedCategory, items: RecordedItem[]): ComplaintCategoryType => ({
  division: c.division,
  code: c.code,
  name: c.name,
  validFrom: c.validFrom,
  validTo: c.validTo,
  source: c.source,
  items: items.map(itemView),
});

export const orderView = (o: ComplaintOrder): ComplaintOrderType => ({
  id: o.id,
  orderNumber: o.orderNumber,
  receivedAt: o.receivedAt,
  callerName: o.callerNameMasked,
  callerPhone: o.callerPhoneMasked,
  addressText: o.addressText,
  streetCode: o.streetCode,
  compoundId: o.compoundId,
  categoryCode: o.categoryCode,
  itemCode: o.itemCode,
  taxonomyDivision: o.taxonomyDivision,
  text: o.text,
  respondBy: o.respondBy,
  resolveBy: o.resolveBy,
  status: o.status,
  responsiblePartyKind: o.responsiblePartyKind,
  partyOrganisationId: o.partyOrganisationId,
  respondedAt: o.respondedAt,
  resolvedAt: o.resolvedAt,
  closedAt: o.closedAt,
  resolvedByCaller: o.resolvedByCaller,
  satisfaction: o.satisfaction,
  demo: o.demo,
});

export const transitionView = (t: OrderTransition): ComplaintTransitionType => ({
  sequence: t.sequence,
  step: t.step,
  fromStatus: t.fromStatus,
  toStatus: t.toStatus,
  actorRole: t.actorRole,
  actorOrganisation: t.actorOrganisation,
  at: t.at,
  note: t.note,
  evidenceSha256: t.evidenceSha256,
  partyKind: t.partyKind,
  partyOrganisationId: t.partyOrganisationId,
});
