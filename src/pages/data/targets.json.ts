/** The pipeline's targets records, as validated by the content collection, with the data version. */
import type { APIRoute } from 'astro';
import { loadAll, loadVersion } from '../../site/data.ts';
import { versionedJson } from '../../site/exports.ts';

export const GET: APIRoute = async () => {
  const { targets } = await loadAll();
  return new Response(versionedJson(loadVersion(), 'targets', targets), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
