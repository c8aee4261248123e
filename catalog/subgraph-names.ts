/**
 * The subgraphs that produce the hub's own topics; any other producer is an outside party writing inbound. In a file
 * of their own, without TypeBox: the gateway and the platform's configuration read them and no event schema.
 */
export const SUBGRAPH_NAMES = ['areas', 'contracts', 'arrears', 'litigation', 'feeds', 'complaints'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
