/**
 * Stock Hive Gateway runtime for bench/gateway-overhead.ts, in a thread of its own like ours: the same supergraph
 * with each subgraph's real URL and one plugin only, forwarding the caller's identity assertion and request id.
 * It verifies no token, limits nothing and signs nothing: the floor our edge is measured against.
 */
import { once } from 'node:events';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { threadCpuMicros } from './thread-cpu';

async function main() {
  const { supergraph } = workerData as { supergraph: string };
  const runtime = createGatewayRuntime({
    supergraph,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        'x-hub-identity': request.headers.get('x-hub-identity'),
        'x-request-id': request.headers.get('x-request-id'),
      }),
    },
  });
  const server = http.createServer(runtime);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  parentPort!.on('message', async (message) => {
    if (message === 'cpu') return parentPort!.postMessage({ cpuMicros: threadCpuMicros() });
    if (message !== 'stop') return;
    server.closeAllConnections();
    server.close();
    await runtime.dispose();
    parentPort!.postMessage('stopped');
  });
  parentPort!.postMessage({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` });
}

void main();
