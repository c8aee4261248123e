import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import axeCore from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { addDays, addMonths } from '../kernel/calendar';
import { todayInChina } from '../kernel/clock';
import type { DevIdentity } from '../gateway/console';
import { launchChromium } from '../tools/browser/chromium';
import { openScreen, screensOf, signInAs } from '../tools/browser/console-pages';
import { TestHub, identity, startTestHub } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

/**
 * The web console in a real headless Chromium against a running hub: each role signs in with the development
 * sign-in and runs its main path; another company sees none of it; axe-core finds no serious violation on any screen.
 */
const ROOT = path.resolve(__dirname, '..');
const STATIC_DIR = path.join(ROOT, 'dist', 'console');

const company = identity('PROPERTY_COMPANY', '91110102MA0000CONS1');
const otherCompany = identity('PROPERTY_COMPANY', '91110102MA0000CONS2');
const bureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const court = identity('COURT', 'bj-xicheng-court', ['110102']);
const DEV_IDENTITIES: DevIdentity[] = [
  { key: 'bureau', label: '西城区住房城乡建设委员会', identity: bureau },
  { key: 'street-office', label: '广安门外街道办事处', identity: GUANGWAI_OFFICE },
  { key: 'company', label: '红居物业（财务）', identity: company },
  { key: 'other-company', label: '另一家物业', identity: otherCompany },
  { key: 'court', label: '西城区人民法院（立案庭）', identity: court },
];

const today = todayInChina();
const firstMonth = addMonths(today.slice(0, 7), -4);
const billed = [addMonths(today.slice(0, 7), -3), addMonths(today.slice(0, 7), -2)];

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeCore.source);
  const results = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run(),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the web console in headless Chromium', () => {
  let t: TestHub;
  let browser: Browser;
  let consoleUrl: string;
  let areaId: string;
  let filingId: string;
  const { ok } = gqlExpectations(() => t);

  const newPage = async () => {
    // bypassCSP only so that the test can inject axe-core; the console itself runs under the hub's CSP.
    const context = await browser.newContext({
      locale: 'zh-CN',
      bypassCSP: true,
      viewport: { width: 1440, height: 900 },
    });
    return context.newPage();
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) {
      const built = spawnSync('npm', ['run', 'console:build'], { cwd: ROOT, stdio: 'inherit' });
      if (built.status !== 0) throw new Error('npm run console:build failed');
    }
    browser = await launchChromium();
    t = await startTestHub({
      subgraphs: ['areas', 'contracts', 'arrears', 'litigation'],
      console: { staticDir: STATIC_DIR, devIdentities: DEV_IDENTITIES },
    });
    consoleUrl = new URL('/console/', t.hub.gatewayUrl).toString();
    const given = scenario(t);
    await given.courts();
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    const { draftContract } = await ok(
      company,
      `mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }`,
      { a: areaId, t: hongjuTerms(company, firstMonth, { number: 'HJ6-CONSOLE-01' }) },
    );
    const { submitFiling } = await ok(
      company,
      `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) { id } }`,
      {
        c: draftContract.id,
        k: `console-${t.topicPrefix}`,
        d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
      },
    );
    filingId = submitFiling.id;
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('serves the console with a strict CSP and no development sign-in for unknown identities', async () => {
    const page = await fetch(consoleUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    const refused = await fetch(new URL('/console/dev/token', consoleUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'admin' }),
    });
    expect(refused.status).toBe(400);
    expect((await fetch(new URL('/console/..%2f..%2fpackage.json', consoleUrl))).headers.get('content-type')).toMatch(
      /text\/html/,
    );
  });

  it('a bureau reviewer finds the filing in the review queue and accepts it', async () => {
    const page = await newPage();
    await signInAs(page, consoleUrl, '西城区住房城乡建设委员会');
    expect((await screensOf(page)).map((s) => s.title)).toEqual(['备案审核', '收缴率', '诉讼统计']);
    await openScreen(page, 'filings');
    const row = page.getByRole('row', { name: /红居南街6号院/ });
    await row.getByText('待审核').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await row.getByRole('button', { name: /受理/ }).click();
    await page.getByText(/已备案：110102-/).waitFor();
    await page.close();

    // The accepted filing reaches the arrears subgraph, which bills by its fee schedule.
    await waitFor(
      'arrears to hold the accepted filing',
      async () =>
        (
          await t.sql<{ n: number }>(`select count(*)::int as n from arrears.filing_snapshot where status = 'ACCEPTED'`)
        )[0].n === 1,
    );
  });

  it('anyone verifies the accepted filing’s certificate on the page its QR code leads to, without signing in', async () => {
    const { filingCertificate } = await ok(
      company,
      `query($f: ID!) { filingCertificate(filingId: $f) { recordNumber contentSha256 verificationUrl } }`,
      { f: filingId },
    );
    expect(new URL(filingCertificate.verificationUrl).pathname).toBe('/console/verify-filing');
    const page = await newPage();
    const query = (digest: string) =>
      `verify-filing?recordNumber=${encodeURIComponent(filingCertificate.recordNumber)}&digest=${digest}`;
    await page.goto(new URL(query(filingCertificate.contentSha256), consoleUrl).toString());
    await page.getByRole('status').getByText('备案证明有效').waitFor();
    await page.getByText(HONGJU).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(new URL(query('0'.repeat(64)), consoleUrl).toString());
    await page
      .getByRole('status')
      .getByText(/可能被篡改/)
      .waitFor();
    await page.close();
  });

  it('the company sees its arrears aged in a chart and opens an account statement; another company sees none', async () => {
    const page = await newPage();
    await signInAs(page, consoleUrl, '红居物业（财务）');
    await openScreen(page, 'contracts');
    const contract = page.getByRole('row', { name: /HJ6-CONSOLE-01/ });
    await contract.getByText(/已备案 110102-/).waitFor();
    for (const month of billed) {
      const picker = contract.getByLabel(`开账月份 ${HONGJU}`);
      await picker.click();
      await picker.fill(month);
      await picker.press('Enter');
      await contract.getByRole('button', { name: '开账' }).click();
      await contract
        .getByText(new RegExp(`^${Number(month.slice(0, 4))}年${Number(month.slice(5))}月：本次开账 72 户`))
        .waitFor();
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await openScreen(page, 'arrears');
    await page.getByText(/欠费户数 72，欠费合计 [\d,]+\.\d\d元/).waitFor();
    await page.getByRole('img', { name: /^账龄分布/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '查看对账单' }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer
      .getByText(/^\d{4}年\d{1,2}月$/)
      .first()
      .waitFor();
    expect(await drawer.getByText('欠费', { exact: true }).count()).toBeGreaterThan(0);
    await page.close();

    const other = await newPage();
    await signInAs(other, consoleUrl, '另一家物业');
    await openScreen(other, 'arrears');
    await other.getByText('欠费户数 0，欠费合计 0.00元').waitFor();
    await other.close();
  });

  it('the court finds the referred case, sees its package verified, and reports docketing', async () => {
    const [account] = await t.sql<{ id: string; charge_ids: string[] }>(
      `select a.id, json_agg(c.id) as charge_ids from arrears.account a join arrears.charge c on c.account_id = a.id
        where a.area_id = $1 and a.company_id = $2 group by a.id order by a.id limit 1`,
      [areaId, company.organisationId],
    );
    await ok(
      company,
      `mutation($a: ID!, $x: CollectionActionInput!) { recordCollectionAction(accountId: $a, action: $x) { status } }`,
      {
        a: account.id,
        x: { kind: 'LETTER', on: addDays(today, -20), chargeIds: account.charge_ids, note: '催缴函' },
      },
    );
    await waitFor(
      'litigation to hold the demanded claim',
      async () =>
        (
          await t.sql<{ n: number }>(
            `select count(*)::int as n from litigation.claim_account where account_id = $1 and jsonb_array_length(claim->'demands') = 1`,
            [account.id],
          )
        )[0].n === 1,
    );
    await ok(company, `mutation($r: ReferralInput!) { referArrears(referral: $r) { id eligible } }`, {
      r: {
        courtId: 'bj-xicheng-court',
        accountIds: [account.id],
        mediationWaivedOn: today,
        evidence: [{ name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64) }],
      },
    });

    const page = await newPage();
    await signInAs(page, consoleUrl, '西城区人民法院（立案庭）');
    await openScreen(page, 'cases');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^查看 红居南街6号院/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText(/案件材料第 1 版校验通过/).waitFor();
    await drawer.getByLabel('案号').fill('(2026)京0102民初90001号');
    await drawer.getByRole('button', { name: '提交报告' }).click();
    await drawer.getByText('已立案').waitFor();
    await drawer.getByText('(2026)京0102民初90001号').first().waitFor();
    await page.close();
  });

  it('the street office lists its compounds and pages through a compound’s households by keyboard', async () => {
    const page = await newPage();
    await page.goto(consoleUrl);
    // Keyboard only: Tab to the street office's sign-in button and press Enter.
    const button = page.getByRole('button', { name: /^广安门外街道办事处/ });
    for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: '功能菜单' }).waitFor();
    await openScreen(page, 'compounds');
    await page.getByRole('link', { name: HONGJU }).click();
    await page.getByRole('heading', { name: `${HONGJU} 住户` }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(10);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('a token that is not the hub’s is refused at sign-in with a message', async () => {
    const page = await newPage();
    await page.goto(consoleUrl);
    await page.getByLabel('访问令牌').fill('not-a-token');
    await page.getByRole('button', { name: '登录' }).click();
    await page
      .getByRole('alert')
      .getByText(/令牌无效/)
      .waitFor();
    await page.close();
  });
});
