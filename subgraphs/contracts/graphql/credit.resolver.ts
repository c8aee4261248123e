import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { Key, Note } from '../../../platform/graphql/scalars';
import { CreditEntry, creditEntries } from '../application/list-credit-entries';
import { decideCreditObjection } from '../application/decide-credit-objection';
import { objectToCreditEntry } from '../application/object-to-credit-entry';
import { recordCreditFinding } from '../application/record-credit-finding';
import { creditCityOf } from '../application/credit-entry.record';
import { entryNoticeEndsOn } from '../domain/credit';

import { CreditEntryFilter, CreditEntryType, CreditFindingInput } from './credit.type';

/** The entry as the API shows it, with the end of its notice period under its city's settings as they stand. */
async function creditEntryView(ctx: RequestContext, e: CreditEntry): Promise<CreditEntryType> {
  const city = await creditCityOf(ctx.em, e.districtCode);
  return { ...e, noticeEndsOn: entryNoticeEndsOn(e, city?.creditNoticePeriodDays) };
}

@Resolver(() => CreditEntryType)
export class CreditResolver {
  @Directive('@listSize(slicingArguments: ["first"])')
  @Query(() => [CreditEntryType], {
    description:
      "Credit entries you may read, newest first: a company its own record, the bureaus their districts', a street office the owner entries of its streets, the admin all.",
  })
  async creditEntries(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => CreditEntryFilter, { nullable: true }) filter?: CreditEntryFilter,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<CreditEntryType[]> {
    const entries = await creditEntries(ctx.em, ctx.identity, { ...filter, first });
    return Promise.all(entries.map((e) => creditEntryView(ctx, e)));
  }

  @Mutation(() => CreditEntryType, {
    description:
      "The city's bureau records a finding against a company that filed a contract of the area (an unlawful collection measure, or another finding), with its legal basis.",
  })
  async recordCreditFinding(
    @Arg('finding', () => CreditFindingInput) finding: CreditFindingInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => Key, {
      nullable: true,
      description: 'Your id of this finding (8–128 of A–Z a–z 0–9 . _ : -): a retry with it returns the same entry.',
    })
    idempotencyKey?: string | null,
  ): Promise<CreditEntryType> {
    return creditEntryView(ctx, await recordCreditFinding(ctx.em, ctx.identity, finding, idempotencyKey));
  }

  @Mutation(() => CreditEntryType, {
    description:
      "The company objects to an entry of its record (the street office to an owner's entry for the owner): held from the feed until the bureau decides.",
  })
  async objectToCreditEntry(
    @Arg('entryId', () => ID) entryId: string,
    @Arg('grounds', () => Note) grounds: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CreditEntryType> {
    return creditEntryView(ctx, await objectToCreditEntry(ctx.em, ctx.identity, { entryId, grounds }));
  }

  @Mutation(() => CreditEntryType, {
    description: "The city's bureau decides a pending objection: upheld withdraws the entry, dismissed restores it.",
  })
  async decideCreditObjection(
    @Arg('entryId', () => ID) entryId: string,
    @Arg('upheld') upheld: boolean,
    @Arg('reason', () => Note) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CreditEntryType> {
    return creditEntryView(ctx, await decideCreditObjection(ctx.em, ctx.identity, { entryId, upheld, reason }));
  }
}
