import { addDays } from '../../kernel/calendar';
import type { TokenSettings } from '../../platform/auth/tokens';
import { DEMO_BUREAU, DEMO_STREETS } from './demo-data';
import { gatewayClient } from './demo-loader';

/**
 * Seed 000: 广安门北街20号院 had 49 calls to the 12345 hotline since 2019 before the district acted (its 物管会 was
 * formed 2020-05-30). The seed gives neither the dates nor the subjects, so the demo's 49 orders are the hub's own:
 * spread every ten days from 2019-01-15, under a demo category that says it is not Xicheng's taxonomy (seed 001 names
 * none of its 12 categories and 45 items), imported with `demo: true`; callers are fictitious.
 */
export const DEMO_COMPLAINT_ORDERS = 49;
const COMPOUND = '广安门北街20号院';
const DEMO_SOURCE =
  'Demo data of the hub, not the Xicheng guideline: seed 001 names none of its 12 categories and 45 items.';
const DEMO_ITEMS = ['DEMO.1', 'DEMO.2', 'DEMO.3'];

export function demoComplaintCsv(): string {
  const header =
    'order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by';
  const lines = Array.from({ length: DEMO_COMPLAINT_ORDERS }, (_, i) => {
    const day = addDays('2019-01-15', i * 10);
    const caller = i % 7; // seven callers, so some calls repeat a caller and item
    return [
      `DEMO-GAMBJ20-${String(i + 1).padStart(3, '0')}`,
      `${day}T09:00:00+08:00`,
      `演示来电人${caller + 1}`,
      `1390000000${caller}`,
      `西城区${COMPOUND}${(i % 4) + 1}号楼`,
      '110102017',
      'DEMO',
      DEMO_ITEMS[i % DEMO_ITEMS.length],
      '演示工单，非真实来电',
      `${day}T11:00:00+08:00`,
      `${addDays(day, 7)}T09:00:00+08:00`,
    ].join(',');
  });
  return [header, ...lines].join('\n');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The demo taxonomy (marked as such) and the 49 orders, once the complaints subgraph knows the compound's households. */
export async function loadDemoComplaints(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  const office = DEMO_STREETS.find((s) => s.streetCode === '110102017')!.office;
  const { complaintTaxonomy } = (await gql(
    DEMO_BUREAU,
    `query { complaintTaxonomy(asOf: "2019-01-15") { code } }`,
  )) as { complaintTaxonomy: { code: string }[] };
  if (!complaintTaxonomy.some((c) => c.code === 'DEMO')) {
    await gql(DEMO_BUREAU, `mutation($c: ComplaintCategoryInput!) { defineComplaintCategory(category: $c) { code } }`, {
      c: { code: 'DEMO', name: '演示分类（非官方）', validFrom: '2019-01-01', source: DEMO_SOURCE },
    });
    for (const [n, code] of DEMO_ITEMS.entries()) {
      await gql(DEMO_BUREAU, `mutation($i: ComplaintItemInput!) { defineComplaintItem(item: $i) { code } }`, {
        i: {
          code,
          categoryCode: 'DEMO',
          name: `演示小项 ${n + 1}（非官方）`,
          validFrom: '2019-01-01',
          source: DEMO_SOURCE,
          responsible: {
            CONTRACT_BASED: 'PROPERTY_COMPANY',
            MULTI_PARTY_CO_GOVERNANCE: 'PROPERTY_RIGHTS_UNITS',
            GOVERNMENT_BACKSTOP: 'STREET_SERVICE_CENTRE',
          },
        },
      });
    }
  }
  const { compounds } = (await gql(office, `query { compounds(streetCode: "110102017") { id name } }`)) as {
    compounds: { id: string; name: string }[];
  };
  const compound = compounds.find((c) => c.name === COMPOUND);
  if (!compound) return;
  // Orders are matched by address against the complaints subgraph's copy of the register: wait until it holds the compound.
  for (let attempt = 0; attempt < 120; attempt++) {
    const { compound: c } = (await gql(
      office,
      `query($id: ID!) { compound(id: $id) { complaintStatistics { perHundredHouseholds { denominator } } } }`,
      { id: compound.id },
    )) as {
      compound: { complaintStatistics: { perHundredHouseholds: { denominator: number } } };
    };
    if (c.complaintStatistics.perHundredHouseholds.denominator > 0) break;
    await sleep(500);
  }
  await gql(office, `mutation($csv: CsvText!) { importComplaintOrdersCsv(csv: $csv, demo: true) { received } }`, {
    csv: demoComplaintCsv(),
  });
}
