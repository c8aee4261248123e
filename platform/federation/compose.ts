import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  sdl: string;
  url: string;
}

/** Composes the subgraphs' SDL into a supergraph; throws with every composition error listed. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: s.url })));
  if (result.errors && result.errors.length > 0) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}

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
