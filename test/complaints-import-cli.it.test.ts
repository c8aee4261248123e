import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CliIo, run } from '../subgraphs/complaints/cli/import-orders-csv';
import { TestHub, identity, startTestHub, tokenFor } from './support/hub-fixture';
import { GUANGWAI_OFFICE, gqlExpectations } from './support/scenario';

const bureau = identity('CITY_BUREAU', 'xicheng-housing-bureau', ['110102']);
const desheng = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);
const HEADER =
  'order_number,received_at,caller_name,caller_phone,address,street_code,category_code,item_code,text,respond_by,resolve_by';

describe('complaints: the street office’s backfill command (npm run import:complaints)', () => {
  let t: TestHub;
  let dir: string;
  const { ok } = gqlExpectations(() => t);
  const runId = randomUUID().slice(0, 8);

  const ordersCsv = (prefix: string, n: number, item = 'C1.1') =>
    [
      HEADER,
      ...Array.from(
        { length: n },
        (_, i) =>
          `${runId}-${prefix}-${i},2021-03-0${1 + (i % 9)}T09:00:00+08:00,张三,1390000${String(i).padStart(4, '0')},某街${i}号,110102020,C1,${item},暖气不热,2021-03-10T11:00:00+08:00,2021-03-17T09:00:00+08:00`,
      ),
    ].join('\n');

  async function cli(args: string[], token?: string) {
    let stdout = '';
    let stderr = '';
    const calls: string[] = [];
    const io: CliIo = {
      readFile: (file) => readFile(file, 'utf8'),
      fetch: (url, init) => {
        calls.push(String(url));
        return fetch(url, init);
      },
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      isTTY: false,
      now: Date.now,
      env: {},
    };
    const code = await run(['--gateway', t.hub.gatewayUrl, ...(token ? ['--token', token] : []), ...args], io);
    return { code, stdout, stderr, calls };
  }
  const file = async (name: string, csv: string) => {
    const target = path.join(dir, name);
    await writeFile(target, csv);
    return target;
  };
  const held = async (prefix: string) =>
    (
      await t.sql<{ n: number }>(
        `select count(*)::int as n from complaints.complaint_order where order_number like $1`,
        [`${runId}-${prefix}-%`],
      )
    )[0].n;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'complaints'] });
    dir = await mkdtemp(path.join(os.tmpdir(), 'complaints-import-cli-'));
    await ok(bureau, `mutation($c: ComplaintCategoryInput!) { defineComplaintCategory(category: $c) { code } }`, {
      c: { code: 'C1', name: '测试大类', validFrom: '2019-01-01', source: 'test: not an official category' },
    });
    await ok(bureau, `mutation($i: ComplaintItemInput!) { defineComplaintItem(item: $i) { code } }`, {
      i: {
        code: 'C1.1',
        categoryCode: 'C1',
        name: '测试小项',
        validFrom: '2019-01-01',
        source: 'test: not an official item',
        responsible: {
          CONTRACT_BASED: 'PROPERTY_COMPANY',
          MULTI_PARTY_CO_GOVERNANCE: 'PROPERTY_RIGHTS_UNITS',
          GOVERNMENT_BACKSTOP: 'STREET_SERVICE_CENTRE',
        },
      },
    });
  });

  afterAll(async () => {
    await t?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a file in one call with a progress indicator, and applies a second run as duplicates', async () => {
    const csv = await file('orders.csv', ordersCsv('ok', 500));
    const token = await tokenFor(GUANGWAI_OFFICE);

    const result = await cli([csv], token);

    expect(result.code).toBe(0);
    expect(result.calls).toHaveLength(1);
    // Not a terminal: a plain line per 10%, then the import stage.
    expect(result.stderr.match(/^validating \d+\/500 \d+% \d+\/s$/gm)).toHaveLength(10);
    expect(result.stderr).toContain('importing 500 orders in one transaction…');
    expect(result.stdout).toMatch(
      /^imported 500 orders \(500 waiting for a compound match\) in \d+\.\d s; 0 order numbers already held were left alone\n$/,
    );
    expect(await held('ok')).toBe(500);

    const again = await cli([csv], token);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^imported 0 orders .* 500 order numbers already held were left alone\n$/);
    expect(await held('ok')).toBe(500);
  });

  it('reports every bad line without its values and sends nothing when the file has mistakes', async () => {
    const rows = ordersCsv('bad', 80).split('\n');
    rows[3] = rows[3].replace('110102020', '1101020'); // line 4: short street code
    rows[10] = rows[10].replace('2021-03-', '2021/03/'); // line 11: not an instant
    for (let i = 20; i < 80; i++) rows[i] = rows[i].replace(',C1,C1.1,', ',C1,,'); // 60 lines without an item
    const csv = await file('bad.csv', rows.join('\n'));

    const result = await cli([csv], await tokenFor(GUANGWAI_OFFICE));

    expect(result.code).toBe(2);
    expect(result.calls).toHaveLength(0);
    expect(result.stderr).toContain('has 62 bad line(s); nothing was sent to the hub');
    expect(result.stderr).toContain('line 4: street_code: a 9-digit street code');
    expect(result.stderr).toContain(
      'line 11: received_at: a real ISO 8601 instant with its offset, in the years 1000–9999',
    );
    expect(result.stderr.match(/^line \d+: /gm)).toHaveLength(50);
    expect(result.stderr).toContain('... and 12 more');
    expect(result.stderr).not.toContain('张三');
    expect(await held('bad')).toBe(0);
  });

  it('stops reading after the bad lines it can show, and refuses a file longer than the hub takes', async () => {
    const header = ordersCsv('long', 1).split('\n')[0];
    const manyBad = await cli([await file('many-bad.csv', `${header}\n${'x\n'.repeat(5000)}`), '--dry-run']);
    expect(manyBad.code).toBe(2);
    expect(manyBad.stderr).toContain('has more than 1000 bad lines; nothing was sent to the hub');
    expect(manyBad.stderr).toContain('... and 951 more; the lines after them were not read');
    const tooLong = await cli([await file('too-long.csv', `${header}\n${'x\n'.repeat(200_001)}`), '--dry-run']);
    expect([tooLong.code, tooLong.calls.length]).toEqual([2, 0]);
    expect(tooLong.stderr).toBe(
      `${path.join(dir, 'too-long.csv')} has more than 200000 lines of orders; the hub takes at most 200000: split it by period\n`,
    );
  });

  it('prints the hub’s reasons and imports nothing when the hub refuses a line (all or nothing)', async () => {
    const rows = ordersCsv('hub', 30).split('\n');
    rows[7] = rows[7].replace(',C1,C1.1,', ',C1,C1.9,'); // line 8: locally valid, not in the taxonomy
    const csv = await file('hub.csv', rows.join('\n'));

    const result = await cli([csv], await tokenFor(GUANGWAI_OFFICE));

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 line(s) of the file are invalid; nothing was imported');
    expect(result.stderr).toContain('line 8: item_code: not in the taxonomy on the day received');
    expect(await held('hub')).toBe(0);
  });

  it('refuses another street’s orders, a token the gateway does not accept, and a missing token', async () => {
    const csv = await file('street.csv', ordersCsv('street', 5));
    const foreign = await cli([csv], await tokenFor(desheng));
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('line 2: street_code: not a street of yours');
    expect(foreign.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const forged = await cli([csv], 'not-a-jwt');
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('the gateway refused the token');

    const missing = await cli([csv]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^usage: import:complaints/);
    expect((await cli([csv, '--dry-run'])).stdout).toBe('5 orders are valid; dry run, nothing imported\n');
    expect(await held('street')).toBe(0);
  });
});
