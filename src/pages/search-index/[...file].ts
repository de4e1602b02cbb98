/**
 * The search index as static files: `/search-index/manifest.json`,
 * `/search-index/b/<shard>.json`, … (layout in src/search/build.ts).
 * Built once per build from the pipeline output, then served file by file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildIndex, type BuiltIndex } from '../../search/build.ts';
import { readSearchInput } from '../../search/source.ts';

let built: BuiltIndex | undefined;
function index(): BuiltIndex {
  built ??= buildIndex(readSearchInput());
  return built;
}

export const getStaticPaths = (() =>
  [...index().files.keys()].map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const body = index().files.get(String(params.file));
  if (body === undefined) return new Response('not found', { status: 404 });
  const type = String(params.file).endsWith('.txt') ? 'text/plain' : 'application/json';
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
};
