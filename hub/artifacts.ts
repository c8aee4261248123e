import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { DEFAULT_PORTS } from '../platform/config';
import { asyncApiDocument, eventSchemaDocument } from '../catalog/asyncapi';
import { EVENT_DEFINITIONS } from '../catalog';
import { composeSupergraph } from '../platform/federation/compose';
import { subgraphSchema } from '../platform/subgraph/runtime';
import { consumerTopicPrefixes, consumerTopics } from '../platform/events/consumer';
import { ALL_SUBGRAPHS } from './subgraphs';

/**
 * Everything under schemas/ is generated from code: subgraph SDL, the composed supergraph, event JSON Schemas and
 * the AsyncAPI document. `npm run compose` writes these files; a test fails when the checked-in copies differ.
 */
export async function generateSchemaArtifacts(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const sdl = [];
  for (const module of ALL_SUBGRAPHS) {
    const text = printSubgraphSchema(await subgraphSchema(module)).trim() + '\n';
    files.set(`${module.name}.graphql`, text);
    sdl.push({ name: module.name, sdl: text, url: `http://localhost:${DEFAULT_PORTS[module.name]}/graphql` });
  }
  files.set('supergraph.graphql', composeSupergraph(sdl).trim() + '\n');
  for (const definition of EVENT_DEFINITIONS) {
    files.set(
      path.join('events', `${definition.type}.json`),
      JSON.stringify(eventSchemaDocument(definition), null, 2) + '\n',
    );
  }
  files.set('asyncapi.yaml', asyncApiDocument(topicReaders()));
  return files;
}

/** The hub principals reading each topic (or per-party family), from the subgraphs' consumers: what their ACLs grant. */
function topicReaders(): Record<string, string[]> {
  const readers: Record<string, string[]> = {};
  for (const module of ALL_SUBGRAPHS) {
    const topics = module.consumers.flatMap((c) => [
      ...consumerTopics(c),
      ...consumerTopicPrefixes(c).map((p) => p.slice(0, -1)),
    ]);
    for (const topic of new Set(topics))
      (readers[topic] ??= []).push(`the ${module.name} subgraph (hub-${module.name})`);
  }
  return readers;
}
