/**
 * The original plan file, byte for byte as given (`.data/originals/<file>`),
 * under a name no browser runs as a page (urls.ts originalServedName: a web-page
 * original is `<file>.txt`), and the plain text the site read, at `/plans/<doc>/text.txt`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAll, loadDoc, loadOriginal } from '../../../site/data.ts';
import { originalServedName } from '../../../site/urls.ts';

export const getStaticPaths = (async () => {
  const { plans } = await loadAll();
  return plans.flatMap((p) => [
    {
      params: { doc: p.doc, file: originalServedName(p.original.file) },
      props: { kind: 'original' as const, file: p.original.file },
    },
    ...(originalServedName(p.original.file) === 'text.txt'
      ? []
      : [{ params: { doc: p.doc, file: 'text.txt' }, props: { kind: 'text' as const, file: '' } }]),
  ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: 'original' | 'text'; file: string }> = ({ params, props }) => {
  if (props.kind === 'original') return new Response(loadOriginal(props.file));
  return new Response(loadDoc(params.doc!).text, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
