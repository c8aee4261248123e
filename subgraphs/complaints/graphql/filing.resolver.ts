import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDate } from '../../../platform/graphql/scalars';
import { RequestContext } from '../../../platform/subgraph/context';
import { companyComplaintRecordLoader, companyRecordKey } from './complaint-statistics.loaders';
import { ComplaintStatisticsType, FilingRef } from './complaint.type';

/** The contracts subgraph's Filing, beside which the reviewing bureau reads the company's hotline record. */
@Resolver(() => FilingRef)
export class FilingComplaintsResolver {
  @Directive('@requires(fields: "companyId")')
  @FieldResolver(() => ComplaintStatisticsType, {
    nullable: true,
    description:
      'The filing company’s hotline record: orders dispatched to it as the responsible property company, their three rates and repeat orders, over the orders you may read (a bureau or street office: its jurisdiction; the company: its own). Null for a role that reads no hotline orders.',
  })
  async companyComplaintRecord(
    @Root() filing: FilingRef,
    @Arg('receivedFrom', () => LocalDate, { nullable: true }) receivedFrom: string | null,
    @Arg('receivedTo', () => LocalDate, { nullable: true }) receivedTo: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplaintStatisticsType | null> {
    return companyComplaintRecordLoader(ctx).load(companyRecordKey(filing.companyId, receivedFrom, receivedTo));
  }
}
