import { Arg, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../../../platform/subgraph/context';
import { Key, Note } from '../../../platform/graphql/scalars';
import { cityHistory, listCitySettings } from '../application/list-city-settings';
import { setCitySettings } from '../application/set-city-settings';
import type { CitySettings, FilingReviewerRole } from '../domain/statutes';
import type { ContractKind, SelectionMethod } from '../../../catalog';
import type { CitySettingsRecord } from '../persistence/city-settings.entity';
import { CitySettingsChangeType, CitySettingsInput, CitySettingsType } from './city-settings.type';

const settingsView = (row: Pick<CitySettingsRecord, 'settings' | 'version' | 'changedAt'>): CitySettingsType => ({
  ...row.settings,
  materials: (row.settings.materials ?? []).map((m) => ({
    ...m,
    contractKinds: [...m.contractKinds],
    selectionMethods: m.selectionMethods ? [...m.selectionMethods] : null,
  })),
  // Settings entered before it was kept have the street office decide, as it did then.
  streetOfficeDecidesFilings: row.settings.streetOfficeDecidesFilings !== false,
  version: row.version,
  changedAt: row.changedAt,
});

/** The input as the domain's CitySettings; defineCitySettings checks it whole. */
const settingsOf = ({ materials, ...input }: CitySettingsInput): CitySettings => ({
  ...input,
  ...(materials
    ? {
        materials: materials.map((m) => ({
          ...m,
          contractKinds: m.contractKinds as ContractKind[],
          selectionMethods: (m.selectionMethods ?? null) as SelectionMethod[] | null,
          source: m.source ?? null,
        })),
      }
    : {}),
  filingDeadlineDays: input.filingDeadlineDays ?? null,
  agreementSelectionMaxFloorAreaCentiM2: input.agreementSelectionMaxFloorAreaCentiM2 ?? null,
  preliminaryContractMaxYears: input.preliminaryContractMaxYears ?? null,
  creditNoticePeriodDays: input.creditNoticePeriodDays ?? null,
  smallClaimsProvinceCode: input.smallClaimsProvinceCode ?? null,
  demandPeriodDays: input.demandPeriodDays ?? null,
  filingReviewerRole: input.filingReviewerRole as FilingReviewerRole,
  streetOfficeDecidesFilings: input.streetOfficeDecidesFilings ?? null,
  lateFilingPenalty: input.lateFilingPenalty ? { ...input.lateFilingPenalty } : null,
  sources: {
    ...input.sources,
    filingDeadline: input.sources.filingDeadline ?? null,
    preliminaryContractTerm: input.sources.preliminaryContractTerm ?? null,
    creditNoticePeriod: input.sources.creditNoticePeriod ?? null,
    smallClaimsProvince: input.sources.smallClaimsProvince ?? null,
    demandPeriod: input.sources.demandPeriod ?? null,
  },
});

@Resolver()
export class CitySettingsResolver {
  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [CitySettingsType], {
    description: "Every city's filing rules with their sources (any signed-in organisation).",
  })
  async citySettings(@Ctx() ctx: RequestContext): Promise<CitySettingsType[]> {
    return (await listCitySettings(ctx.em, ctx.identity)).map(settingsView);
  }

  @Directive('@listSize(assumedSize: 20)')
  @Query(() => [CitySettingsChangeType], { description: "Admin: the audit trail of a city's settings, oldest first." })
  async citySettingsHistory(
    @Arg('cityCode', () => Key) cityCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CitySettingsChangeType[]> {
    return (await cityHistory(ctx.em, ctx.identity, cityCode)).map((c) => ({ ...c, settings: settingsView(c) }));
  }

  @Mutation(() => CitySettingsType, {
    description: "Admin: enters or changes a city's settings as its next version, with the reason in the audit trail.",
  })
  async setCitySettings(
    @Arg('settings', () => CitySettingsInput) settings: CitySettingsInput,
    @Arg('reason', () => Note) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CitySettingsType> {
    return settingsView(await setCitySettings(ctx.em, ctx.identity, { settings: settingsOf(settings), reason }));
  }
}
