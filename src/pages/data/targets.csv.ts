/** All targets as CSV for Excel (see src/site/exports.ts). */
import type { APIRoute } from 'astro';
import { loadAll } from '../../site/data.ts';
import { targetsCsv } from '../../site/exports.ts';

export const GET: APIRoute = async ({ site }) => {
  const { targets, metrics } = await loadAll();
  return new Response(targetsCsv(targets, metrics, site), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
