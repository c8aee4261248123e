import { Client, ClientConfig, Pool, PoolClient } from 'pg';
import { transientCode } from '../../platform/db/transient';

/**
 * Connects again while PostgreSQL refuses a connection for now (too many clients, as when three test files' hubs, the
 * topology tests' processes and a benchmark share the server; or starting up): the hub's pools wait the same way
 * (platform/db/orm.ts), and no statement ran, so asking again is safe. Gives up after 20 s.
 */
async function whenAdmitted<T>(connect: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await connect();
    } catch (error) {
      const code = transientCode(error);
      if ((code !== '53300' && code !== '57P03') || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** A connection of a test's own pool, asked for again while PostgreSQL refuses it for now. */
export function connectWhenAdmitted(pool: Pool): Promise<PoolClient> {
  return whenAdmitted(() => pool.connect());
}

/**
 * A test's own connected client, asked for again while PostgreSQL refuses it for now (a CI run failed demo.it on
 * "sorry, too many clients already" from a bare `new Client().connect()`). A refused client cannot connect again, so
 * each try is a new one.
 */
export function connectedClient(config: string | ClientConfig): Promise<Client> {
  return whenAdmitted(async () => {
    const client = new Client(typeof config === 'string' ? { connectionString: config } : config);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  });
}
