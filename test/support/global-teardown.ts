import { MACHINE_POSTGRES_URL } from '../../tools/postgres/local-postgres';
import { dropRunDatabases } from './run-databases';
import type { RunBroker } from './global-setup';

/**
 * Drops the databases this run's files left (a file drops its own without waiting; a killed worker may not have), and
 * gives back the run's lease on the broker global-setup started or reused, stopping it (by its PID) when no other run
 * holds one; a broker given through KAFKA_BROKERS is left alone.
 */
export default async function globalTeardown(): Promise<void> {
  const kafka = (globalThis as { __hubKafka?: RunBroker }).__hubKafka;
  await Promise.all([dropRunDatabases(process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL), kafka?.stop()]);
}
