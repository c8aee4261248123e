import dgram from 'node:dgram';

/**
 * A DNS server on loopback UDP for tests that resolve receivers' hosts: `answers` maps a name to the IPv4 address
 * of its A record, or to 'silent' for a server that never answers it; AAAA has no record; any other name is NXDOMAIN.
 * `asked` lists every question's name and type as they came.
 */
export async function startFakeDns(answers: Record<string, string | 'silent'>) {
  const socket = dgram.createSocket('udp4');
  const asked: string[] = [];
  socket.on('message', (query, from) => {
    let at = 12;
    const labels: string[] = [];
    while (query[at] !== 0) {
      labels.push(query.toString('latin1', at + 1, at + 1 + query[at]));
      at += query[at] + 1;
    }
    const qtype = query.readUInt16BE(at + 1);
    const question = query.subarray(12, at + 5);
    const name = labels.join('.').toLowerCase();
    asked.push(`${name} ${qtype === 1 ? 'A' : qtype === 28 ? 'AAAA' : qtype}`);
    const answer = answers[name];
    if (answer === 'silent') return;
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    const record = answer !== undefined && qtype === 1;
    header.writeUInt16BE(answer === undefined ? 0x8183 : 0x8180, 2); // a response; NXDOMAIN for an unknown name
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(record ? 1 : 0, 6);
    const rr = record
      ? Buffer.concat([
          Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]),
          Buffer.from(answer.split('.').map(Number)),
        ])
      : Buffer.alloc(0);
    socket.send(Buffer.concat([header, question, rr]), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    asked,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
