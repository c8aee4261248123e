import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { AREA_REGISTERED, AreaRegisteredData } from '../../catalog';
import { HubEvent, encodeHeaders } from '../../platform/events/cloudevent';

/** A well-formed area.registered CloudEvent as another producer would send it. */
export function areaRegisteredEvent(overrides: Partial<AreaRegisteredData> = {}): HubEvent<AreaRegisteredData> {
  const areaId = overrides.areaId ?? randomUUID();
  return {
    id: randomUUID(),
    type: AREA_REGISTERED.type,
    source: '/property-governance-hub/areas',
    subject: areaId,
    time: new Date().toISOString(),
    data: {
      areaId,
      name: '润枫欣尚',
      districtCode: '110114',
      streetCode: '110114012',
      registeredBy: 'street-office-tiantongyuan-south',
      registeredAt: new Date().toISOString(),
      ...overrides,
    },
  };
}

export const asKafkaMessage = (event: HubEvent, key: string) => ({
  key,
  value: JSON.stringify(event.data),
  headers: encodeHeaders(event),
});

/** Ports freePort has returned in this process, so two calls never return the same one. */
const handedOut = new Set<number>();

/**
 * A port nobody listens on right now (for a broker of the test's own), below Linux's ephemeral range (32768+): a port
 * the kernel hands out (listen on 0) can be taken by any outgoing connection of the other Jest worker between this
 * check and the broker's bind seconds later (CI saw "Address already in use" for the failover file's broker).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 12_000 + Math.floor(Math.random() * 7_000);
    if (handedOut.has(port) || !(await portFree(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error('no free port between 12000 and 19000');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
