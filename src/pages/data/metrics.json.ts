/** The pipeline's metrics records, as validated by the content collection. */
import type { APIRoute } from 'astro';
import { loadAll } from '../../site/data.ts';

export const GET: APIRoute = async () => {
  const { metrics } = await loadAll();
  return new Response(JSON.stringify(metrics, null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
