/** The data version alone, for a script that checks whether its copy is current. */
import type { APIRoute } from 'astro';
import { loadVersion } from '../../site/data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadVersion(), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
