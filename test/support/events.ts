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

/** A port nobody listens on right now (for a broker of the test's own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
