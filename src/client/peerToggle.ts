/**
 * Benchmark peer-group switch. Blocks marked `data-peer-group="prefecture|all"`
 * are all visible without JS; this shows one group and remembers the choice in
 * the address (#peers=all) so a copied link keeps it.
 */
export function initPeerToggle(doc: Document): void {
  const bar = doc.querySelector<HTMLElement>('[data-peer-toggle]');
  if (!bar) return;
  const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button[data-peer]')];
  const show = (group: string) => {
    for (const el of doc.querySelectorAll<HTMLElement>('[data-peer-group]'))
      el.hidden = el.dataset.peerGroup !== group;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.peer === group));
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      const g = b.dataset.peer ?? 'prefecture';
      show(g);
      history.replaceState(
        null,
        '',
        g === 'all' ? '#peers=all' : location.pathname + location.search,
      );
    });
  }
  bar.hidden = false;
  show(location.hash === '#peers=all' ? 'all' : 'prefecture');
}
