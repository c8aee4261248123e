/**
 * The attacking client of bench/edge-under-attack.ts, in a worker thread of its own: it fires issue 12's refused
 * requests in a loop, one at a time, each with a unique x-request-id and a unique document text (so no parse or
 * validation cache serves a repeat), from 'start' to 'stop'; then it reports what it sent, what came back and how
 * long each refusal took (the issue asks for under 50 ms).
 */
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { deepListLiteral, householdLoop, manyAliasedArrears, nestedInlineFragments } from './edge-attacks';

interface AttackerData {
  url: string;
  token: string;
}

const { url, token } = workerData as AttackerData;
const json = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

/**
 * A request body per attack, built once: the attacker's own work (building a 60 KB document) is not the gateway's,
 * and in earnest it runs on another machine. Each request appends a unique comment to the document.
 */
const jsonBody = (fields: Record<string, string>, last: string, document: string) => {
  const prefix = JSON.stringify({ ...fields, [last]: `${document}\n` }).slice(0, -2); // ends inside the last string
  return (id: string) => `${prefix}# ${id}"}`;
};

const ATTACKS: { name: string; headers: Record<string, string>; body: (id: string) => string }[] = [
  { name: '1,000 aliases of arrears(first: 50)', headers: json, body: jsonBody({}, 'query', manyAliasedArrears(1000)) },
  { name: '400-level household loop', headers: json, body: jsonBody({}, 'query', householdLoop(400)) },
  { name: '2,000 nested inline fragments', headers: json, body: jsonBody({}, 'query', nestedInlineFragments(2000)) },
  { name: '10,000-deep list literal', headers: json, body: jsonBody({}, 'query', deepListLiteral(10_000)) },
  {
    name: 'arrears(first: 100000) (cost)',
    headers: json,
    body: jsonBody({}, 'query', '{ arrears(first: 100000) { items { household { unit } } } }'),
  },
  { name: '6-level household loop (depth)', headers: json, body: jsonBody({}, 'query', householdLoop(6)) },
  {
    name: 'content-type smuggling',
    headers: { 'content-type': 'application/x-www-form-urlencoded; x=application/json' },
    body: jsonBody(
      { query: '{ publicServiceStandards(compoundName: "x") { compoundName } }' },
      'x',
      '&query={ contracts { items { id } } }',
    ),
  },
];

let firing = false;

/** Fires until 'stop' arrives (every attack in turn, or only those named), then reports this phase's requests and outcomes. */
async function fire(only?: string[]) {
  const attacks = only ? ATTACKS.filter((a) => only.includes(a.name)) : ATTACKS;
  const outcomes = new Map<string, number>();
  const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  /** Each attack's time from sending the request to the refusal read whole, in ms. */
  const latencies: Record<string, number[]> = {};
  let sent = 0;
  while (firing) {
    const attack = attacks[sent % attacks.length];
    const id = randomUUID();
    try {
      const started = process.hrtime.bigint();
      const res = await fetch(url, {
        method: 'POST',
        headers: { ...attack.headers, 'x-request-id': id },
        body: attack.body(id),
      });
      const body = (await res.json().catch(() => ({}))) as { errors?: { extensions?: { code?: string } }[] };
      (latencies[attack.name] ??= []).push(Number(process.hrtime.bigint() - started) / 1e6);
      count(`${attack.name} → ${res.status} ${body.errors?.[0]?.extensions?.code ?? ''}`);
    } catch (error) {
      count(`${attack.name} → ${(error as Error).message}`);
    }
    sent++;
  }
  parentPort!.postMessage({ sent, outcomes: Object.fromEntries(outcomes), latencies });
}

parentPort!.on('message', (message: 'start' | 'stop' | 'names' | { start: string[] }) => {
  if (message === 'names') parentPort!.postMessage(ATTACKS.map((a) => a.name));
  else if (message === 'start' && !firing) {
    firing = true;
    void fire();
  } else if (typeof message === 'object' && !firing) {
    firing = true;
    void fire(message.start);
  } else if (message === 'stop') firing = false;
});
