import 'reflect-metadata';
import { SUBGRAPH_NAMES } from '../catalog';
import { initOrm } from '../platform/db/orm';
import { loadOrCreateBrokerCredentials, localKafkaCredentialsFile } from '../platform/events/broker-credentials';
import { KafkaSettings, createKafka } from '../platform/events/kafka';
import { DeadLetter, MOST_LISTED, listDeadLetters, replayDeadLetter } from '../platform/subgraph/dead-letters';
import { projectRoot } from '../platform/project-root';
import { subgraphKafkaFromEnv } from '../platform/config';
import { localKafkaPorts } from '../tools/kafka/local-kafka';
import { ALL_SUBGRAPHS } from './subgraphs';

const USAGE = `usage:
  npm run dead-letters -- list <subgraph> [--last N] [--json]
  npm run dead-letters -- replay <subgraph> <partition>:<offset>...
<subgraph>: ${SUBGRAPH_NAMES.join(', ')}. --last: the last N (1 to ${MOST_LISTED}, 50 unless given) of each partition.
Run where the subgraph runs, with its environment (KAFKA_BROKERS, KAFKA_SASL_USERNAME/PASSWORD, KAFKA_TLS_CA_FILE,
KAFKA_TOPIC_PREFIX; replay also DATABASE_URL). Without KAFKA_BROKERS (development), the local broker of
\`npm start\` under the subgraph's principal in .local/kafka/credentials.json.`;

class UsageError extends Error {}

/** The subgraph's broker: its container's environment, or in development the local broker and its credentials. */
function brokerOf(subgraph: (typeof SUBGRAPH_NAMES)[number]): KafkaSettings {
  const clientId = `hub-${subgraph}-dead-letters`;
  if (process.env.KAFKA_BROKERS || process.env.NODE_ENV === 'production')
    return { ...subgraphKafkaFromEnv(), clientId };
  // The credentials `npm start` keeps for its local broker (hub/local-servers.ts hubBroker reads them the same way).
  const credentials = loadOrCreateBrokerCredentials(localKafkaCredentialsFile(projectRoot(__dirname)));
  return {
    clientId,
    brokers: [`127.0.0.1:${localKafkaPorts().port}`],
    sasl: credentials.subgraphs[subgraph],
    topicPrefix: process.env.KAFKA_TOPIC_PREFIX,
  };
}

const line = (d: DeadLetter) =>
  [
    `${d.partition}:${d.offset}`,
    d.failedAt,
    d.reasonCode,
    d.consumer,
    d.source ? `${d.source.topic} ${d.source.partition}:${d.source.offset}` : '(no source)',
    d.eventType ?? '(no type)',
    d.eventId ?? '(no id)',
    d.reason.replace(/\s+/g, ' '),
  ].join('\t');

async function main(argv: string[]): Promise<number> {
  const [command, subgraph, ...rest] = argv;
  const module = ALL_SUBGRAPHS.find((m) => m.name === subgraph);
  if (!module || (command !== 'list' && command !== 'replay')) throw new UsageError(USAGE);
  const settings = brokerOf(module.name);
  const kafka = createKafka(settings, { quiet: true });

  if (command === 'list') {
    let last = 50;
    let json = false;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--json') json = true;
      else if (rest[i] === '--last' && /^\d{1,4}$/.test(rest[i + 1] ?? '')) last = Number(rest[++i]);
      else throw new UsageError(USAGE);
    }
    if (last < 1 || last > MOST_LISTED) throw new UsageError(USAGE);
    const letters = await listDeadLetters(kafka, settings, module, last);
    if (json) process.stdout.write(JSON.stringify(letters, null, 2) + '\n');
    else {
      process.stdout.write('at\tfailed at\treason\tconsumer\tsource\ttype\tevent id\twhy\n');
      for (const letter of letters) process.stdout.write(line(letter) + '\n');
      process.stdout.write(`${letters.length} dead letters\n`);
    }
    return 0;
  }

  const places = rest.map((arg) => /^(\d{1,5}):(\d{1,19})$/.exec(arg));
  if (places.length === 0 || places.length > 100 || places.some((p) => !p)) throw new UsageError(USAGE);
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new UsageError('replay writes to the subgraph’s database: set DATABASE_URL');
  const orm = await initOrm({ databaseUrl, schema: module.name, entities: module.entities, poolMax: 2 });
  let replayed = true;
  try {
    for (const [, partition, offset] of places as RegExpExecArray[]) {
      const report = await replayDeadLetter({ kafka, settings, module, orm, partition: Number(partition), offset });
      const { result } = report;
      const why =
        result.outcome === 'REFUSED'
          ? `\t${result.reasonCode} ${result.reason}`
          : result.outcome === 'CANNOT_REPLAY'
            ? `\t${result.reason}`
            : '';
      process.stdout.write(`${partition}:${offset}\t${result.outcome}${why}\n`);
      if (result.outcome !== 'APPLIED' && result.outcome !== 'ALREADY_APPLIED') replayed = false;
    }
  } finally {
    await orm.close();
  }
  return replayed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
