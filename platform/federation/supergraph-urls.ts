/**
 * Where a supergraph's subgraphs listen, read and rewritten as text: what a running gateway needs of a supergraph
 * composed beforehand, without the composition library (platform/federation/compose.ts), which it never runs.
 */

/** The join__Graph enum is the one place a supergraph names its subgraphs' URLs. */
const JOIN_GRAPH = /@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g;

/**
 * The checked-in supergraph names development URLs; a running gateway points each subgraph at its real address.
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(JOIN_GRAPH, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

/** Each subgraph's URL as the supergraph names it (after `withSubgraphUrls`, where it really listens). */
export function subgraphUrlsOf(supergraphSdl: string): Record<string, string> {
  return Object.fromEntries([...supergraphSdl.matchAll(JOIN_GRAPH)].map((m) => [m[1], m[2]]));
}
