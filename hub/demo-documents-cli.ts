import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { tokenSettings } from '../platform/config';
import { projectRoot } from '../platform/project-root';
import { dropDatabase, ensureDatabase, resolvePostgres } from '../tools/postgres/local-postgres';
import { downloadDemoBatch, loadDemoCompanyProfile } from './demo/demo-documents';
import { loadDemoArrears, loadDemoData } from './demo/demo-loader';
import { startHub } from './hub';
import { StartedServers, hubBroker } from './local-servers';

const servers = new StartedServers();
servers.stopOnSignals('stopping...');

/**
 * `npm run demo:documents [folder]`: starts the hub over the demo data (as `npm start` does), has the demo company
 * state its particulars, and writes what the Haidian court downloads for the demo batch (each defendant's complaint
 * as PDF and Word, the evidence files, the batch's ZIP bundle) to the folder (default .local/demo-documents). The
 * defendants are the demo's fictitious owners, as the street office entered them in the owners' register.
 */
async function main() {
  const root = projectRoot(__dirname);
  const folder = path.resolve(process.argv[2] ?? path.join(root, '.local', 'demo-documents'));
  const tokens = tokenSettings();
  const postgres = await resolvePostgres(root);
  servers.add('PostgreSQL', postgres.stop);
  // A fresh database each run: complaints are frozen once generated, so a second run would only show the first's.
  // Its own variable, and always a name ending in _documents: it read HUB_DATABASE, the one `npm start` uses, so
  // with that still exported a run dropped the hub's own database.
  const database = process.env.DEMO_DOCUMENTS_DATABASE ?? 'property_hub_documents';
  if (!/^[a-z0-9_]+_documents$/.test(database))
    throw new Error(`DEMO_DOCUMENTS_DATABASE must end in _documents (it is dropped each run), got ${database}`);
  await dropDatabase(postgres.adminUrl, database);
  const databaseUrl = await ensureDatabase(postgres.adminUrl, database);
  const broker = await hubBroker(root, servers);
  // Free ports, a database and topics of its own, so it runs beside `npm start` on the same servers.
  const hub = await startHub({
    databaseUrl,
    kafkaBrokers: broker.brokers,
    kafkaCredentials: broker.credentials,
    kafkaTls: broker.tls,
    tokens,
    ports: 'ephemeral',
    topicPrefix: 'demo-documents.',
  });
  servers.add('hub', () => hub.stop());
  try {
    await loadDemoData(hub.gatewayUrl, tokens);
    await loadDemoArrears(hub.gatewayUrl, tokens);
    await loadDemoCompanyProfile(hub.gatewayUrl, tokens);
    const files = await downloadDemoBatch(hub.gatewayUrl, tokens);
    for (const file of files) {
      const target = path.join(folder, file.name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.bytes);
      process.stdout.write(
        `${file.kind.padEnd(15)} ${String(file.bytes.length).padStart(8)} B  sha256 ${file.sha256}  ${path.relative(process.cwd(), target)}\n`,
      );
    }
  } finally {
    // Something that did not stop cleanly (logged) fails the command, as a failing hub.stop() did.
    if (!(await servers.stopAll())) process.exitCode = 1;
  }
}

servers.run(main);
