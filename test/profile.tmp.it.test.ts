import fs from 'node:fs';
import { startHub } from '../hub/hub';
import { adminPostgresUrl, kafkaBrokers, testTokens, uniqueSuffix } from './support/hub-fixture';
import { dropDatabase, ensureDatabase } from '../tools/postgres/local-postgres';

const brokerPid = Number(process.env.BROKER_PID);
const pgCpu = () => fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).reduce((sum, d) => { try { const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8'); if (!st.includes('(postgres)')) return sum; const f = st.split(') ')[1].split(' '); return sum + (Number(f[11]) + Number(f[12])) * 10; } catch { return sum; } }, 0);
const brokerCpu = () => { const f = fs.readFileSync(`/proc/${brokerPid}/stat`, 'utf8').split(' '); return (Number(f[13]) + Number(f[14])) * 10; };

for (const [wait, relay] of [[200, 50], [200, 200], [200, 1000], [1000, 1000]]) {
  it(`idle cost with maxWait ${wait} relay ${relay}`, async () => {
    const db = `hub_test_${uniqueSuffix()}`;
    const url = await ensureDatabase(adminPostgresUrl(), db);
    const hub = await startHub({ databaseUrl: url, kafkaBrokers: kafkaBrokers(), tokens: testTokens, topicPrefix: `t${uniqueSuffix()}.`, ports: 'ephemeral', relayPollIntervalMs: relay, consumerTuning: { consumerMaxWaitMs: wait } });
    await new Promise((r) => setTimeout(r, 1000));
    const c0 = process.cpuUsage(); const b0 = brokerCpu(); const p0 = pgCpu();
    await new Promise((r) => setTimeout(r, 10000));
    const c1 = process.cpuUsage(c0); const b1 = brokerCpu(); const p1 = pgCpu();
    process.stdout.write(`PROFILE wait ${wait} relay ${relay}: node ${(c1.user + c1.system) / 1000} ms, broker ${b1 - b0} ms, postgres ${p1 - p0} ms per 10 s\n`);
    const s = Date.now();
    await hub.stop();
    process.stdout.write(`PROFILE stop ${Date.now() - s}\n`);
    await dropDatabase(adminPostgresUrl(), db);
  }, 60000);
}
