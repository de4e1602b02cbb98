/** All targets as CSV for Excel (see src/site/exports.ts): columns listed on /data/. */
import type { APIRoute } from 'astro';
import { loadAll, loadVersion } from '../../site/data.ts';
import { targetsCsv } from '../../site/exports.ts';

export const GET: APIRoute = async ({ site }) => {
  const { plans, targets, metrics } = await loadAll();
  return new Response(targetsCsv(targets, plans, metrics, site, loadVersion()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
