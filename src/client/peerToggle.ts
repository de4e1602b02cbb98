/**
 * Benchmark peer-group switch. Blocks marked `data-peer-group="<group>"` are
 * all visible without JS; this shows one group (the first button's by default)
 * and remembers the choice in the address (#peers=province) so a copied link
 * keeps it.
 */
export function initPeerToggle(doc: Document): void {
  const bar = doc.querySelector<HTMLElement>('[data-peer-toggle]');
  if (!bar) return;
  const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button[data-peer]')];
  const groups = buttons.map((b) => b.dataset.peer ?? '');
  const fallback = groups[0] ?? '';
  const show = (group: string) => {
    for (const el of doc.querySelectorAll<HTMLElement>('[data-peer-group]'))
      el.hidden = el.dataset.peerGroup !== group;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.peer === group));
  };
  for (const b of buttons) {
    b.addEventListener('click', () => {
      const g = b.dataset.peer ?? fallback;
      show(g);
      history.replaceState(
        null,
        '',
        g === fallback ? location.pathname + location.search : `#peers=${g}`,
      );
    });
  }
  bar.hidden = false;
  const asked = /^#peers=(\w+)$/.exec(location.hash)?.[1] ?? '';
  show(groups.includes(asked) ? asked : fallback);
}
