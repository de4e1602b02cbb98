/** The browser's search engine: one per page, files fetched from /search-index/ and cached. */
import { SearchEngine } from '../search/query.ts';
import { searchIndexUrl } from '../site/urls.ts';

/** Where the index files are, under the site's base path. */
export const INDEX_BASE = searchIndexUrl();

let engine: Promise<SearchEngine> | undefined;

export function getEngine(): Promise<SearchEngine> {
  engine ??= SearchEngine.open(async (path) => {
    const r = await fetch(INDEX_BASE + path);
    if (!r.ok) throw new Error(`search index: ${path} ${r.status}`);
    return r.text();
  });
  engine.catch(() => (engine = undefined));
  return engine;
}
