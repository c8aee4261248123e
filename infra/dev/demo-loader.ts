import { Identity } from '../auth/identity';
import { TokenSettings, mintUserToken } from '../auth/tokens';
import { DEMO_ADMIN, DEMO_COURTS, DEMO_DIVISIONS, DEMO_PMC, DEMO_STREETS, DemoCompound, DemoStreet, demoCompoundCsv } from './demo-data';

type Gql = (who: Identity, query: string, variables?: object) => Promise<Record<string, unknown>>;

export function gatewayClient(url: string, tokens: TokenSettings): Gql {
  return async (who, query, variables) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintUserToken(who, tokens, '5m')}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`demo data: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data!;
  };
}

async function loadCompound(gql: Gql, street: DemoStreet, compound: DemoCompound): Promise<void> {
  const { registerCompound } = (await gql(
    street.office,
    'mutation($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }',
    {
      i: {
        name: compound.name,
        districtCode: street.districtCode,
        streetCode: street.streetCode,
        kind: compound.kind,
        governanceModel: compound.governanceModel,
        yearBuilt: compound.yearBuilt,
        propertyRightsUnits: compound.propertyRightsUnits,
        maintenanceFund: compound.maintenanceFund,
      },
    },
  )) as { registerCompound: { id: string } };
  const compoundId = registerCompound.id;
  await gql(street.office, 'mutation($c: ID!, $csv: String!) { importCompoundCsv(compoundId: $c, csv: $csv) { householdsCreated } }', {
    c: compoundId,
    csv: demoCompoundCsv(compound),
  });
  const { registerArea } = (await gql(street.office, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
    i: { name: compound.name, districtCode: street.districtCode, streetCode: street.streetCode },
  })) as { registerArea: { id: string } };
  const { compound: loaded } = (await gql(street.office, 'query($c: ID!) { compound(id: $c) { buildings { id } } }', { c: compoundId })) as {
    compound: { buildings: { id: string }[] };
  };
  await gql(street.office, 'mutation($a: ID!, $b: [ID!]!) { assignBuildingsToArea(areaId: $a, buildingIds: $b) { id } }', {
    a: registerArea.id,
    b: loaded.buildings.map((b) => b.id),
  });
  if (compound.name === DEMO_PMC.compound) {
    const { formedOn, termEndsOn, chairIndex, members } = DEMO_PMC;
    await gql(street.office, 'mutation($i: FormPropertyManagementCommitteeInput!) { formPropertyManagementCommittee(input: $i) { id } }', {
      i: { areaId: registerArea.id, formedOn, termEndsOn, chairIndex, members },
    });
  }
}

/**
 * Loads the seed compounds (with their buildings and households, each compound its own area) and the courts
 * through the gateway, as their users would. Compounds already present are left as they are.
 */
export async function loadDemoData(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  const known = new Set<string>();
  for (const parent of [undefined, ...DEMO_DIVISIONS.map((d) => d.code)]) {
    const { divisions } = (await gql(DEMO_ADMIN, 'query($p: String) { divisions(parentCode: $p) { code } }', { p: parent })) as { divisions: { code: string }[] };
    divisions.forEach((d) => known.add(d.code));
  }
  for (const division of DEMO_DIVISIONS.filter((d) => !known.has(d.code))) {
    await gql(DEMO_ADMIN, 'mutation($i: RegisterDivisionInput!) { registerDivision(input: $i) { code } }', { i: division });
  }
  for (const street of DEMO_STREETS) {
    const { compounds } = (await gql(street.office, 'query($s: String) { compounds(streetCode: $s) { name } }', { s: street.streetCode })) as {
      compounds: { name: string }[];
    };
    const present = new Set(compounds.map((c) => c.name));
    for (const compound of street.compounds.filter((c) => !present.has(c.name))) await loadCompound(gql, street, compound);
  }
  const { courts } = (await gql(DEMO_ADMIN, '{ courts { courtId } }')) as { courts: { courtId: string }[] };
  const knownCourts = new Set(courts.map((c) => c.courtId));
  for (const court of DEMO_COURTS.filter((c) => !knownCourts.has(c.courtId))) {
    await gql(DEMO_ADMIN, 'mutation($i: RegisterCourtInput!) { registerCourt(input: $i) { courtId } }', { i: court });
  }
}
