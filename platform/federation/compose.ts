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

/**
 * The checked-in supergraph names development URLs; a running gateway points each subgraph at its real address.
 * The join__Graph enum is the one place the URLs live in a supergraph.
 */
export function withSubgraphUrls(supergraphSdl: string, urls: Record<string, string>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}
