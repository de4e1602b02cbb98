/** Per-plan compare data for the compare island: small, so a view fetches only what it shows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAll } from '../../../site/data.ts';
import type { PlanRecord } from '../../../pipeline/schema.ts';

export const getStaticPaths = (async () => {
  const { plans } = await loadAll();
  return plans.map((plan) => ({ params: { doc: plan.doc }, props: { plan } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ plan: PlanRecord }> = async ({ props: { plan } }) => {
  const { targets } = await loadAll();
  const m = plan.meta;
  const body = {
    plan: {
      doc: plan.doc,
      county: m.county,
      slug: m.slug,
      prefecture: m.prefecture,
      year: m.year,
      title: m.title,
    },
    targets: targets
      .filter((t) => t.doc === plan.doc)
      .map(
        ({
          doc,
          id,
          metric,
          label,
          kind,
          value,
          value_max,
          unit,
          qualifier,
          deadline,
          county,
          slug,
          prefecture,
          year,
        }) => ({
          doc,
          id,
          metric,
          label,
          kind,
          value,
          value_max,
          unit,
          qualifier,
          deadline,
          county,
          slug,
          prefecture,
          year,
        }),
      ),
  };
  return new Response(JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
