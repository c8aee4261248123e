import { MACHINE_POSTGRES_URL } from '../../tools/postgres/local-postgres';
import { dropRunDatabases } from './run-databases';

/**
 * Drops the databases this run's files left (a file drops its own without waiting; a killed worker may not have), and
 * stops the broker global-setup started (by its own PID); a broker given through KAFKA_BROKERS is left alone.
 */
export default async function globalTeardown(): Promise<void> {
  const kafka = (globalThis as { __hubKafka?: { stop(): Promise<void> } }).__hubKafka;
  await Promise.all([dropRunDatabases(process.env.DATABASE_URL ?? MACHINE_POSTGRES_URL), kafka?.stop()]);
}
