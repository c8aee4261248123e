import { TestHub, startTestHub } from './hub-fixture';
import { HONGJU, scenario } from './scenario';

/** The GraphQL the amendment tests send: amend a contract, accept its filing (version 1), read the contract's days. */
export const AMEND = `mutation($c: ID!, $k: Key!, $on: LocalDate!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) {
  amendContract(contractId: $c, idempotencyKey: $k, amendedOn: $on, terms: $t, documents: $d) { id } }`;
export const ACCEPT = `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id status } }`;
export const CONTRACT = `query($id: ID!) { contract(id: $id) { status startsOn endsOn } }`;
/** The amendment's text, the one document an amendment is filed with. */
export const AMENDMENT_TEXT = [
  { name: '补充协议.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'c'.repeat(64) },
];

export interface AmendmentHub {
  t: TestHub;
  /** 宏聚 and 阳光丽景's area ids, known to contracts. */
  hongju: string;
  yangguang: string;
}

/**
 * Within a describe: a hub of the areas and contracts subgraphs with 宏聚 and 阳光丽景 known to contracts, started
 * before the file's tests and stopped after them. Its fields are set once the hooks ran.
 */
export function amendmentHub(): AmendmentHub {
  const hub = {} as AmendmentHub;
  beforeAll(async () => {
    hub.t = await startTestHub({ subgraphs: ['areas', 'contracts'] });
    ({ areaId: hub.hongju } = await scenario(hub.t).compound(HONGJU, { knownTo: ['contracts'] }));
    ({ areaId: hub.yangguang } = await scenario(hub.t).compound('阳光丽景', { knownTo: ['contracts'] }));
  });
  afterAll(() => hub.t?.stop());
  return hub;
}
