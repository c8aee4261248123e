import { TokenSettings } from '../../platform/auth/tokens';
import { Identity } from '../../kernel/identity';
import { DEMO_COMPANY, DEMO_REFERRALS } from './demo-data';
import { gatewayClient, untilKnown } from './demo-loader';

/**
 * The demo company's particulars as plaintiff. Invented for the demo, like the company itself: the credit code
 * 91110108MA01DEM037 is not a real company's, only one whose check character is right (GB 32100).
 */
export const DEMO_COMPANY_PROFILE = {
  legalName: '北京学苑物业服务有限公司',
  domicile: '北京市海淀区学院南路32号院物业服务中心',
  creditCode: '91110108MA01DEM037',
  legalRepresentative: '赵某某',
  legalRepresentativeTitle: '执行董事',
  phone: '010-62000032',
  agent: {
    name: '钱某某',
    employer: '北京学苑物业服务有限公司',
    title: '法务专员',
    phone: '13800000032',
    authority: 'SPECIAL',
  },
  serviceAddress: null,
  serviceRecipient: '钱某某',
  acceptsElectronicService: true,
  electronicServiceAddress: 'legal@xueyuan-demo.example.cn',
};

export const DEMO_COURT: Identity = {
  subject: `${DEMO_REFERRALS.courtId}-clerk`,
  role: 'COURT',
  organisationId: DEMO_REFERRALS.courtId,
  jurisdictions: ['110108'],
};

/** The demo company states its particulars (what every complaint it files names as plaintiff). */
export async function loadDemoCompanyProfile(url: string, tokens: TokenSettings): Promise<void> {
  const gql = gatewayClient(url, tokens);
  await gql(DEMO_COMPANY, 'mutation($p: CompanyProfileInput!) { updateCompanyProfile(profile: $p) { companyId } }', {
    p: DEMO_COMPANY_PROFILE,
  });
}

export interface DownloadedFile {
  name: string;
  kind: string;
  sha256: string;
  bytes: Buffer;
}

/**
 * Asks again while the owners' register has not yet learnt of the referral (DEFENDANT_IDENTITY_PENDING: the areas
 * subgraph reads litigation.referrals.v1), 30 s at most: `npm run demo:documents` asked once, right after the demo's
 * referrals, and failed whenever the feed had not caught up.
 */
const whenDisclosed = <T>(ask: () => Promise<T>): Promise<T> =>
  untilKnown((error) => ((error as { codes?: unknown[] }).codes ?? []).includes('DEFENDANT_IDENTITY_PENDING'), ask);

/** What the Haidian court downloads for the demo batch: each referral's documents, then the batch's ZIP bundle. */
export async function downloadDemoBatch(url: string, tokens: TokenSettings): Promise<DownloadedFile[]> {
  const gql = gatewayClient(url, tokens);
  const FILE = 'name kind sha256 contentBase64';
  const { consolidatedBatches } = (await gql(DEMO_COURT, `{ consolidatedBatches { batchKey referralIds } }`)) as {
    consolidatedBatches: { batchKey: string; referralIds: string[] }[];
  };
  const files: DownloadedFile[] = [];
  const take = (f: { name: string; kind: string; sha256: string; contentBase64: string }, folder: string) =>
    files.push({
      name: `${folder}${f.name}`,
      kind: f.kind,
      sha256: f.sha256,
      bytes: Buffer.from(f.contentBase64, 'base64'),
    });
  for (const batch of consolidatedBatches) {
    for (const id of batch.referralIds) {
      const { referral } = (await whenDisclosed(() =>
        gql(DEMO_COURT, `query($id: ID!) { referral(id: $id) { documents { ${FILE} } } }`, { id }),
      )) as {
        referral: { documents: { name: string; kind: string; sha256: string; contentBase64: string }[] };
      };
      for (const d of referral.documents) take(d, `${id}/`);
    }
    const { consolidatedBatches: withBundle } = (await gql(
      DEMO_COURT,
      `{ consolidatedBatches { batchKey bundle { ${FILE} } } }`,
    )) as {
      consolidatedBatches: {
        batchKey: string;
        bundle: { name: string; kind: string; sha256: string; contentBase64: string };
      }[];
    };
    const bundle = withBundle.find((b) => b.batchKey === batch.batchKey);
    if (bundle) take(bundle.bundle, '');
  }
  return files;
}
