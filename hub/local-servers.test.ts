import { StartedServers } from './local-servers';

describe('what a command started, stopped once', () => {
  it('stops the last started first, each even after one failed, once however often asked', async () => {
    const servers = new StartedServers();
    const stopped: string[] = [];
    servers.add('PostgreSQL', async () => void stopped.push('PostgreSQL'));
    servers.add('Kafka', async () => {
      stopped.push('Kafka');
      throw new Error('broker gone');
    });
    servers.add('hub', async () => void stopped.push('hub'));
    const [first, second] = await Promise.all([servers.stopAll(), servers.stopAll()]);
    expect(stopped).toEqual(['hub', 'Kafka', 'PostgreSQL']);
    expect([first, second]).toEqual([false, false]);
    expect(await servers.stopAll()).toBe(false);
    expect(stopped).toHaveLength(3);
  });

  it('reports all stopped cleanly when nothing failed, and when nothing had started', async () => {
    const servers = new StartedServers();
    expect(await servers.stopAll()).toBe(true);
    const later = new StartedServers();
    later.add('PostgreSQL', async () => undefined);
    expect(await later.stopAll()).toBe(true);
  });

  it('stops at once what finishes starting while the stop runs (a broker still starting at Ctrl-C)', async () => {
    const servers = new StartedServers();
    const stopped: string[] = [];
    servers.add('PostgreSQL', async () => void stopped.push('PostgreSQL'));
    const stopping = servers.stopAll();
    servers.add('Kafka', async () => void stopped.push('Kafka'));
    await stopping;
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toEqual(['PostgreSQL', 'Kafka']);
  });
});
