import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_NAMES, SubgraphName } from '../../catalog';
import { newPassword } from './broker-admin';
import { SaslCredential } from './kafka';

/**
 * The principals of a hub running in one process (`npm start`, the tests): the broker's super user, for the hub's
 * administration only (creating topics, principals and ACLs), and one principal per subgraph. Split deployments
 * give each container its own KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD instead (docker-compose.yml).
 */
export interface BrokerCredentials {
  admin: SaslCredential;
  subgraphs: Record<SubgraphName, SaslCredential>;
}

/** `User:hub-<subgraph>` in the broker's ACLs. */
export const subgraphUsername = (subgraph: SubgraphName) => `hub-${subgraph}`;
export const ADMIN_USERNAME = 'hub-admin';

/**
 * Development credentials: read from the file, and whatever is missing generated (random passwords) and written
 * back, readable by the owner only. The file lives under `.local/` and never leaves the machine.
 */
export function loadOrCreateBrokerCredentials(file: string): BrokerCredentials {
  let stored: Partial<BrokerCredentials> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BrokerCredentials>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`cannot read the broker credentials in ${file}: ${(error as Error).message}`);
  }
  const credentials: BrokerCredentials = {
    admin: stored.admin ?? { username: ADMIN_USERNAME, password: newPassword() },
    subgraphs: Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [
        name,
        stored.subgraphs?.[name] ?? { username: subgraphUsername(name), password: newPassword() },
      ]),
    ) as Record<SubgraphName, SaslCredential>,
  };
  if (JSON.stringify(credentials) !== JSON.stringify(stored)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  }
  return credentials;
}

/** Credentials given to a one-process hub through `KAFKA_CREDENTIALS_FILE` (an outside secured broker). */
export function brokerCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): BrokerCredentials | undefined {
  const file = env.KAFKA_CREDENTIALS_FILE;
  if (!file) return undefined;
  const credentials = JSON.parse(fs.readFileSync(file, 'utf8')) as BrokerCredentials;
  if (!credentials.admin?.username || SUBGRAPH_NAMES.some((name) => !credentials.subgraphs?.[name]?.password)) {
    throw new Error(`${file} must name the admin and every subgraph's principal (${SUBGRAPH_NAMES.join(', ')})`);
  }
  return credentials;
}

/** Where `npm start`, `npm run kafka:start` and the test run keep the local brokers' development credentials. */
export const localKafkaCredentialsFile = (root: string) => path.join(root, '.local', 'kafka', 'credentials.json');
