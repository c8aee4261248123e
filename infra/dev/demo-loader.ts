import { Identity } from '../auth/identity';
import { TokenSettings, mintUserToken } from '../auth/tokens';
import { DEMO_ADMIN, DEMO_CONTRACT, DEMO_COURTS, DEMO_DIVISIONS, DEMO_PMC, DEMO_STREETS, DemoCompound, DemoStreet, demoCompoundCsv } from './demo-data';

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

/** The contracts subgraph learns areas from the areas feed; a contract can be drafted once it has. */
async function waitForContractsToKnow(gql: Gql, areaId: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const { area } = (await gql(DEMO_ADMIN, 'query($a: ID!) { area(id: $a) { filingReviewers { streetCode } } }', { a: areaId })) as { area: { filingReviewers: unknown } };
    if (area.filingReviewers) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`demo data: the contracts subgraph did not receive area ${areaId} within 30 s`);
}

/** Seed 003's contract, filed and accepted, unless the company already has a contract there. */
async function loadContract(gql: Gql): Promise<void> {
  const { areas } = (await gql(DEMO_ADMIN, '{ areas(first: 100) { id name } }')) as { areas: { id: string; name: string }[] };
  const areaId = areas.find((a) => a.name === DEMO_CONTRACT.compound)!.id;
  const { contracts } = (await gql(DEMO_CONTRACT.company, 'query($a: ID) { contracts(areaId: $a) { totalCount } }', { a: areaId })) as { contracts: { totalCount: number } };
  if (contracts.totalCount > 0) return;
  await waitForContractsToKnow(gql, areaId);
  const { draftContract } = (await gql(DEMO_CONTRACT.company, 'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }', {
    a: areaId,
    t: DEMO_CONTRACT.terms,
  })) as { draftContract: { id: string } };
  const { submitFiling } = (await gql(
    DEMO_ADMIN,
    'mutation($c: ID!, $k: String!, $d: [FilingDocumentInput!]!, $on: String, $co: String) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d, submittedOn: $on, companyId: $co) { id } }',
    { c: draftContract.id, k: DEMO_CONTRACT.idempotencyKey, d: DEMO_CONTRACT.documents, on: DEMO_CONTRACT.receivedOn, co: DEMO_CONTRACT.company.organisationId },
  )) as { submitFiling: { id: string } };
  const reviewer = DEMO_STREETS.find((s) => s.office.organisationId === DEMO_CONTRACT.reviewer)!.office;
  await gql(reviewer, 'mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id } }', { f: submitFiling.id });
}

/**
 * Loads the seed compounds (with their buildings and households, each compound its own area) and the courts
 * through the gateway, as their users would, then seed 003's filed contract. What is already present is left as it is.
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
  await loadContract(gql);
}
