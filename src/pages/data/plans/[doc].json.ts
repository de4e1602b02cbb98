/** Per-plan compare data for the compare island: small, so a view fetches only what it shows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAll, targetsOf } from '../../../site/data.ts';
import { planCompareData } from '../../../site/compareView.ts';
import type { PlanRecord } from '../../../pipeline/schema.ts';

export const getStaticPaths = (async () => {
  const { plans } = await loadAll();
  return plans.map((plan) => ({ params: { doc: plan.doc }, props: { plan } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ plan: PlanRecord }> = async ({ props: { plan } }) => {
  return new Response(JSON.stringify(planCompareData(plan, await targetsOf(plan.doc))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
