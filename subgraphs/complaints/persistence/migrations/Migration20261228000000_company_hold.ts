import { Migration } from '@mikro-orm/migrations';

/**
 * When an order reached the company it stays with and when it left it unanswered (companyHold): the company's
 * response rate counts an order only where the company held it at its respondBy. Before, an order dispatched after
 * its deadline had passed at the street office, or escalated away before it, was the company's late response
 * (a complaints audit, 2026-12-07). Filled for the orders held so far from their steps, each of which names the party holding
 * the order after it: since the order last went to another party by a dispatch or came back re-routed (before that it
 * was no hold of this company's), the company's hold is the latest run of steps naming it as the party that began
 * before its first acceptance; it left with the first step after that run naming another party, unless it accepted.
 */
export class Migration20261228000000_company_hold extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."complaint_order" add column "company_dispatched_at" timestamptz null,
      add column "company_released_at" timestamptz null`);
    this.addSql(
      `with base as (
         select o.id as order_id, o.company_organisation_id as company,
                coalesce((select max(t.sequence) from "complaints"."order_transition" t
                           where t.order_id = o.id and (t.step = 'REROUTE_BACK'
                             or (t.step = 'DISPATCH' and t.party_organisation_id is distinct from o.company_organisation_id))), 0) as since
           from "complaints"."complaint_order" o
          where o.company_organisation_id is not null),
       steps as (
         select t.order_id, t.sequence, t.step, t.at, t.actor_organisation, b.company,
                coalesce(t.party_organisation_id = b.company, false) as held,
                coalesce(lag(t.party_organisation_id = b.company) over (partition by t.order_id order by t.sequence), false) as held_before
           from "complaints"."order_transition" t join base b on b.order_id = t.order_id
          where t.sequence > b.since),
       accepted as (
         select order_id, min(sequence) as sequence from steps
          where step = 'ACCEPT' and actor_organisation = company group by order_id),
       reached as (
         select distinct on (s.order_id) s.order_id, s.sequence, s.at
           from steps s left join accepted a on a.order_id = s.order_id
          where s.held and not s.held_before and (a.sequence is null or s.sequence <= a.sequence)
          order by s.order_id, s.sequence desc),
       released as (
         select distinct on (r.order_id) r.order_id, s.at
           from reached r join steps s on s.order_id = r.order_id and s.sequence > r.sequence and not s.held
          where not exists (select 1 from accepted a where a.order_id = r.order_id)
          order by r.order_id, s.sequence)
       update "complaints"."complaint_order" o set "company_dispatched_at" = r.at, "company_released_at" = l.at
         from reached r left join released l on l.order_id = r.order_id
        where o.id = r.order_id`,
    );
  }
}
