import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const REVIEW_SYSTEM_ROLES = ['STREET_OFFICE', 'CITY_BUREAU', 'ENFORCEMENT_BUREAU'] as const;
export type ReviewSystemRole = (typeof REVIEW_SYSTEM_ROLES)[number];

/** A bureau's own system allowed to send review decisions on the inbound topic, and the divisions it reviews for. */
export const ReviewSystemSchema = defineEntity({
  name: 'ReviewSystem',
  tableName: 'review_system',
  properties: (p) => ({
    organisationId: p.text().primary(),
    name: p.text(),
    role: p.text().$type<ReviewSystemRole>(),
    jurisdictions: p.json<string[]>(),
    registeredAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date()),
  }),
});

export type ReviewSystem = InferEntity<typeof ReviewSystemSchema>;
