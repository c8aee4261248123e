import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CliIo, run } from '../subgraphs/areas/cli/import-compound-csv';
import { TestHub, identity, startTestHub, tokenFor, uniqueSuffix } from './support/hub-fixture';

const guangwai = identity('STREET_OFFICE', 'street-office-guanganmenwai', ['110102020']);
const desheng = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);
const HEADER = 'building,building_class,floors,elevators,unit,room,floor_area_m2,owner_reference,owner_name';
const STATISTICS = 'query($c: ID!) { compound(id: $c) { statistics { buildings households } } }';

/** 2,000 households in four towers: 500 each, 5 units of 100 rooms. */
function householdsCsv(): string {
  const lines = [HEADER];
  for (let b = 1; b <= 4; b++) {
    for (let i = 0; i < 500; i++) {
      const unit = Math.floor(i / 100) + 1;
      const room = `${Math.floor((i % 100) / 4) + 1}0${(i % 4) + 1}`;
      lines.push(`${b}号楼,HIGH_RISE,25,2,${unit},${room},${(60 + (i % 40)).toFixed(2)},owner-${b}-${i},业主${b}${i}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('areas: the street office’s CSV import command', () => {
  let t: TestHub;
  let dir: string;

  /** Runs the command as a clerk would, against the test hub's gateway, capturing what it prints. */
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

  async function registerCompound(): Promise<string> {
    const res = await t.gql(guangwai, 'mutation($i: RegisterCompoundInput!) { registerCompound(input: $i) { id } }', {
      i: {
        name: `导入测试小区 ${uniqueSuffix()}`,
        districtCode: '110102',
        streetCode: '110102020',
        kind: 'COMMERCIAL',
        governanceModel: 'CONTRACT_BASED',
        propertyRightsUnits: 1,
        maintenanceFund: 'ESTABLISHED',
      },
    });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.registerCompound.id;
  }

  async function statistics(compoundId: string) {
    const res = await t.gql(guangwai, STATISTICS, { c: compoundId });
    return res.body.data.compound.statistics as { buildings: number; households: number };
  }

  async function file(name: string, csv: string): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, csv);
    return target;
  }

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas'] });
    dir = await mkdtemp(path.join(os.tmpdir(), 'areas-import-cli-'));
  });

  afterAll(async () => {
    await t?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('imports a whole compound in one call', async () => {
    const compoundId = await registerCompound();
    const csv = await file('households.csv', householdsCsv());

    const result = await cli(['--compound', compoundId, '--file', csv], await tokenFor(guangwai));

    expect(result.stderr).not.toMatch(/error|problem/i);
    expect(result.code).toBe(0);
    expect(result.calls).toHaveLength(1);
    expect(result.stdout).toMatch(/^imported 4 buildings and 2000 households in \d+\.\d s\n$/);
    // Not a terminal: a plain line per 10%, then the import stage.
    expect(result.stderr.match(/^validating \d+\/2000 \d+% \d+\/s$/gm)).toHaveLength(10);
    expect(result.stderr).toContain('importing 2000 rows…');
    expect(await statistics(compoundId)).toEqual({ buildings: 4, households: 2000 });
  });

  it('imports a file once however often it is sent: a retry gets the same summary', async () => {
    // Before, the command sent no idempotency key: a retry after a lost answer had every line refused as registered.
    const compoundId = await registerCompound();
    const csv = await file('retried.csv', householdsCsv());
    const token = await tokenFor(guangwai);
    const first = await cli(['--compound', compoundId, '--file', csv], token);
    const again = await cli(['--compound', compoundId, '--file', csv], token);
    expect([first.code, again.code]).toEqual([0, 0]);
    expect(again.stdout).toMatch(/^imported 4 buildings and 2000 households in \d+\.\d s\n$/);
    expect(await statistics(compoundId)).toEqual({ buildings: 4, households: 2000 });
  });

  it('tells the clerk how to send a file larger than the gateway takes', async () => {
    const compoundId = await registerCompound();
    const lines = [HEADER];
    for (let i = 0; i < 25_000; i++)
      lines.push(`${Math.floor(i / 1000) + 1}号楼,HIGH_RISE,25,2,1,${i % 1000},60.00,owner-big-${i},业主大${i}`);
    const csv = await file('big.csv', lines.join('\n') + '\n');
    const result = await cli(['--compound', compoundId, '--file', csv], await tokenFor(guangwai));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/send it in parts .*HUB_BODY_LIMIT_BYTES/);
    expect(await statistics(compoundId)).toEqual({ buildings: 0, households: 0 });
  });

  it('reports every bad line and sends nothing when the file has mistakes', async () => {
    const compoundId = await registerCompound();
    const rows = householdsCsv().trimEnd().split('\n');
    rows[2] = '1号楼,HIGH_RISE,25,2,1,102,-3,owner-x,王伟'; // line 3: negative area
    rows[501] = '2号楼,MID_RISE,25,2,1,101,60.00,owner-y,李娜'; // line 502: first row of 2号楼, unknown class
    for (let i = 1000; i < 1060; i++) rows[i] = rows[i].replace(/,owner-\d+-\d+,/, ',,'); // 60 rows without owner reference
    const csv = await file('bad.csv', rows.join('\n'));

    const result = await cli(['--compound', compoundId, '--file', csv], await tokenFor(guangwai));

    expect(result.code).toBe(2);
    expect(result.calls).toHaveLength(0);
    expect(result.stderr).toContain('has 62 problem(s); nothing was sent to the hub');
    expect(result.stderr).toContain('line 3, floor_area_m2: floor area must be a positive number');
    expect(result.stderr).toContain('line 502, building_class: must be LOW_RISE or HIGH_RISE');
    expect(result.stderr).toContain('line 1001, owner_reference: owner reference must have 1 to 64 characters');
    expect(result.stderr.match(/^line \d+, /gm)).toHaveLength(50);
    expect(result.stderr).toContain('... and 12 more');
    expect(await statistics(compoundId)).toEqual({ buildings: 0, households: 0 });
  });

  it('stops checking after the problems it can show, and refuses a file longer than the hub takes', async () => {
    const header = householdsCsv().split('\n')[0];
    const manyBad = await cli(['--file', await file('many-bad.csv', `${header}\n${'x\n'.repeat(5000)}`), '--dry-run']);
    expect(manyBad.code).toBe(2);
    expect(manyBad.stderr).toContain('has more than 500 problems; nothing was sent to the hub');
    expect(manyBad.stderr).toMatch(/\.\.\. and \d+ more; the lines after them were not checked\n$/);
    const tooLong = await cli([
      '--file',
      await file('too-long.csv', `${header}\n${'x\n'.repeat(200_001)}`),
      '--dry-run',
    ]);
    expect([tooLong.code, tooLong.calls.length]).toEqual([2, 0]);
    expect(tooLong.stderr).toBe(
      `${path.join(dir, 'too-long.csv')} has more than 200000 rows; the hub takes at most 200000 a file: split it by building\n`,
    );
  });

  it('prints the hub’s reasons when the hub refuses the file', async () => {
    const compoundId = await registerCompound();
    // Locally valid, but the rooms are already in the register: only the hub sees that.
    const first = await file(
      'first.csv',
      [HEADER, '1号楼,LOW_RISE,6,0,1,101,56.78,o-1,王伟', '1号楼,LOW_RISE,6,0,1,102,60.00,o-2,李娜'].join('\n'),
    );
    expect((await cli(['--compound', compoundId, '--file', first], await tokenFor(guangwai))).code).toBe(0);
    const again = await file(
      'again.csv',
      [HEADER, '1号楼,LOW_RISE,6,0,1,103,50.00,o-3,赵静', '1号楼,LOW_RISE,6,0,1,101,56.78,o-1,王伟'].join('\n'),
    );

    const result = await cli(['--compound', compoundId, '--file', again], await tokenFor(guangwai));

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The file has 1 problem(s); nothing was imported');
    expect(result.stderr).toContain('line 3, room: unit 1 room 101 of 1号楼 is already registered');
    expect(await statistics(compoundId)).toEqual({ buildings: 1, households: 2 });
  });

  it('catches a room repeated within the file before sending it', async () => {
    const compoundId = await registerCompound();
    const csv = await file(
      'twice.csv',
      [HEADER, '1号楼,LOW_RISE,6,0,1,101,56.78,o-1,王伟', '1号楼,LOW_RISE,6,0,1,101,60.00,o-2,李娜'].join('\n'),
    );
    const result = await cli(['--compound', compoundId, '--file', csv], await tokenFor(guangwai));
    expect(result.code).toBe(2);
    expect(result.calls).toHaveLength(0);
    expect(result.stderr).toContain('line 3, room: unit 1 room 101 of 1号楼 appears twice in the file');
  });

  it('refuses a compound of another street office, and a token the gateway does not accept', async () => {
    const compoundId = await registerCompound();
    const csv = await file('valid.csv', householdsCsv());

    const foreign = await cli(['--compound', compoundId, '--file', csv], await tokenFor(desheng));
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain(`Compound ${compoundId} was not found`);
    expect(foreign.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const forged = await cli(['--compound', compoundId, '--file', csv], 'not-a-jwt');
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('the gateway refused the token');

    expect(await statistics(compoundId)).toEqual({ buildings: 0, households: 0 });
  });
});
