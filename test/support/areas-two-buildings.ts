import { DEMO_STREETS } from '../../hub/demo/demo-data';

type Street = (typeof DEMO_STREETS)[number];
type Gql = (query: string, variables: Record<string, unknown>) => Promise<Record<string, { id: string }>>;

/**
 * A compound of the street with two low-rise buildings of three flats each, every flat its own owner
 * (`<ownerPrefix>-<building>-<room>`), registered through `gql` (the street office's calls): per building its id
 * and then its households' ids.
 */
export async function compoundOfTwoBuildings(gql: Gql, street: Street, name: string, ownerPrefix: string) {
  const { registerCompound } = await gql(
    'mutation($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }',
    {
      i: {
        name,
        districtCode: street.districtCode,
        streetCode: street.streetCode,
        kind: 'COMMERCIAL',
        governanceModel: 'CONTRACT_BASED',
        propertyRightsUnits: 1,
        maintenanceFund: 'ESTABLISHED',
      },
    },
  );
  const buildings: string[][] = [];
  for (const label of ['1号楼', '2号楼']) {
    const { registerBuilding } = await gql(
      'mutation($c: ID!, $l: Name!) { registerBuilding(compoundId: $c, input: { label: $l, buildingClass: LOW_RISE, floors: 6, elevators: 0 }) { id } }',
      { c: registerCompound.id, l: label },
    );
    const ids = [];
    for (const room of ['101', '102', '103']) {
      const { registerHousehold } = await gql(
        'mutation($b: ID!, $i: RegisterHouseholdInput!) { registerHousehold(buildingId: $b, input: $i) { id } }',
        {
          b: registerBuilding.id,
          i: { unit: '1', room, floorArea: '80.00', ownerReference: `${ownerPrefix}-${label}-${room}` },
        },
      );
      ids.push(registerHousehold.id);
    }
    buildings.push([registerBuilding.id, ...ids]);
  }
  return buildings;
}
