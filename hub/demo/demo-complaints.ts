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
/**
 * Seed 003: 学院南路32号院 "长期存在基础设施薄弱、物业管理水平低、停车秩序混乱、接诉即办案件量大等诸多问题", and its
 * buildings 16 and 17 had 4 over-age elevators "故障频发、居民反映强烈". The seed gives no number of cases and no date,
 * so the demo ships a handful (the word), one per problem the seed names, in 2021 before the four-party
 * agreement of 2021-12-10 while the street backstopped the compound; their dates and callers are the hub's own.
 */
export const DEMO_XUEYUAN_ORDERS = 6;
const DEMO_SOURCE =
  'Demo data of the hub, not the Xicheng guideline: seed 001 names none of its 12 categories and 45 items.';
const DEMO_ITEMS = ['DEMO.1', 'DEMO.2', 'DEMO.3'];
const HEADER =
  'order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by';

interface DemoOrder {
  number: string;
  day: string;
  caller: number;
  address: string;
  item: string;
  text: string;
}

const csvOf = (orders: DemoOrder[], streetCode: string): string =>
  [
    HEADER,
    ...orders.map((o) =>
      [
        o.number,
        `${o.day}T09:00:00+08:00`,
        `演示来电人${o.caller + 1}`,
        `1390000000${o.caller}`,
        o.address,
        streetCode,
        'DEMO',
        o.item,
        o.text,
        `${o.day}T11:00:00+08:00`,
        `${addDays(o.day, 7)}T09:00:00+08:00`,
      ].join(','),
    ),
  ].join('\n');

export function demoComplaintCsv(): string {
  const compound = '广安门北街20号院';
  return csvOf(
    Array.from({ length: DEMO_COMPLAINT_ORDERS }, (_, i) => ({
      number: `DEMO-GAMBJ20-${String(i + 1).padStart(3, '0')}`,
      day: addDays('2019-01-15', i * 10),
      caller: i % 7, // seven callers, so some calls repeat a caller and item
      address: `西城区${compound}${(i % 4) + 1}号楼`,
      item: DEMO_ITEMS[i % DEMO_ITEMS.length],
      text: '演示工单，非真实来电',
    })),
    '110102017',
  );
}

/** 学院南路32号院's handful: one order per problem seed 003 names, the text saying which and that it is a demo. */
export function demoXueyuanComplaintCsv(): string {
  const compound = '学院南路32号院';
  const subjects: [string, string, string][] = [
    ['2021-01-18', '3号楼', '停车秩序混乱（演示工单，据种子003所列问题，非真实来电）'],
    ['2021-03-09', '16号楼', '电梯故障频发（演示工单，据种子003所列问题，非真实来电）'],
    ['2021-04-26', '平房2区', '基础设施薄弱（演示工单，据种子003所列问题，非真实来电）'],
    ['2021-06-15', '17号楼', '电梯故障频发（演示工单，据种子003所列问题，非真实来电）'],
    ['2021-08-23', '9号楼', '物业管理水平低（演示工单，据种子003所列问题，非真实来电）'],
    ['2021-11-02', '12号楼', '停车秩序混乱（演示工单，据种子003所列问题，非真实来电）'],
  ];
  return csvOf(
    subjects.map(([day, building, text], i) => ({
      number: `DEMO-XYNL32-${String(i + 1).padStart(3, '0')}`,
      day,
      caller: i,
      address: `海淀区${compound}${building}`,
      item: DEMO_ITEMS[i % DEMO_ITEMS.length],
      text,
    })),
    '110108009',
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The demo taxonomy (marked as such) and the demo orders of each demo compound loaded. */
export async function loadDemoComplaints(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
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
  await importDemoOrders(gql, '110102017', '广安门北街20号院', demoComplaintCsv());
  await importDemoOrders(gql, '110108009', '学院南路32号院', demoXueyuanComplaintCsv());
}

/** Imports a demo compound's orders once the complaints subgraph knows its households; nothing when it is not loaded. */
async function importDemoOrders(
  gql: ReturnType<typeof gatewayClient>,
  streetCode: string,
  name: string,
  csv: string,
): Promise<void> {
  const office = DEMO_STREETS.find((s) => s.streetCode === streetCode)!.office;
  const { compounds } = (await gql(office, `query($s: Key!) { compounds(streetCode: $s) { id name } }`, {
    s: streetCode,
  })) as {
    compounds: { id: string; name: string }[];
  };
  const compound = compounds.find((c) => c.name === name);
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
    csv,
  });
}
