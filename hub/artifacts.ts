import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { DEFAULT_PORTS } from '../platform/config';
import { asyncApiDocument, eventSchemaDocument } from '../catalog/asyncapi';
import { EVENT_DEFINITIONS, TOPIC_DEFINITIONS } from '../catalog';
import { FEED_SUBSCRIBER_KINDS, FeedParty, feedPermissions } from '../subgraphs/feeds/domain/feed-subscriber';
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
  files.set('asyncapi.yaml', asyncApiDocument(topicReaders(), partyFeedReaders()));
  return files;
}

/** How the asyncapi document names each kind of party. */
const PARTY_KIND_TEXT: Record<FeedParty['kind'], string> = {
  BUREAU: 'a bureau',
  ENFORCEMENT_BUREAU: 'an enforcement bureau',
  COURT: 'a court',
  HOTLINE_SYSTEM: 'a hotline system',
};

/**
 * Which kinds of registered party read each family's per-party topics, from the permissions the feeds subgraph grants
 * (feedPermissions): before, every party feed said "a court its own court id; a bureau, by prefix, every district",
 * also the credit records no party reads and the reminders of companies, which cannot register (helper-175 M4).
 */
export function partyFeedReaders(): Record<string, string> {
  const readers: Record<string, string[]> = {};
  for (const kind of FEED_SUBSCRIBER_KINDS) {
    const party: FeedParty = { partyId: 'party', kind, courtId: 'court', jurisdictions: ['110102'] };
    for (const permission of feedPermissions(party)) {
      if (permission.resource !== 'TOPIC' || permission.operation !== 'READ') continue;
      const family = TOPIC_DEFINITIONS.find((t) => t.partyFeed && permission.name.startsWith(`${t.name}.`));
      if (!family) continue;
      const how = permission.prefixed
        ? 'every district its jurisdictions cover (a prefixed ACL)'
        : kind === 'COURT'
          ? 'the topic of its own court id'
          : 'the topic of its own party id';
      (readers[family.name] ??= []).push(`${PARTY_KIND_TEXT[kind]}'s principal, ${how}`);
    }
  }
  return Object.fromEntries(Object.entries(readers).map(([family, texts]) => [family, texts.join('; ')]));
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
