/**
 * The subgraph behind a fetch's URL, for the spans and metrics of every subgraph fetch: by the URL's origin, as the
 * supergraph names it, 'unknown' otherwise. Each URL is parsed once: the gateway fetches the same few URLs over
 * and over, and parsing one on every fetch, once per plugin, was per-request work for an answer that never changes.
 */
export function subgraphNamer(subgraphUrls: Record<string, string>): (url: string) => string {
  const byOrigin = new Map(Object.entries(subgraphUrls).map(([name, url]) => [new URL(url).origin, name]));
  const known = new Map<string, string>();
  return (url) => {
    let name = known.get(url);
    if (name === undefined) {
      name = byOrigin.get(new URL(url).origin) ?? 'unknown';
      // the supergraph's URLs are a handful; a bound all the same, whatever URL a fetch might name
      if (known.size < 256) known.set(url, name);
    }
    return name;
  };
}
