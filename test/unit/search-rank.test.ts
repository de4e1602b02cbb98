import { describe, expect, it } from 'vitest';
import { Ranker, type Matches, type RankInput } from '../../src/search/rank.ts';
import { mulberry32 } from '../../src/pipeline/synthetic.ts';

const P = 2000;
const docOf = (pid: number): number => Math.floor(pid / 20);

function matches(rnd: () => number, share: number): Matches {
  const pids: number[] = [];
  const counts: number[] = [];
  for (let pid = 0; pid < P; pid++)
    if (rnd() < share) {
      pids.push(pid);
      counts.push(1 + Math.floor(rnd() * 7));
    }
  return { pids, counts };
}

/** Everything a caller can see of a ranking, in rank order. */
function view(r: ReturnType<Ranker['rank']>): string[] {
  return r
    .top(r.hits, r.hits.length)
    .map(
      (pid) =>
        `${pid}:${r.tier(pid)}:${r.terms(pid)}:${r.score(pid)}:${r.alts(pid)}:${r.phrase(pid)}`,
    );
}

describe('ranker', () => {
  it('scores only the rarest term’s paragraphs when they hold every exact hit, with the same result as scoring all', () => {
    const ranker = new Ranker(P, docOf);
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = mulberry32(seed);
      // Rare, common, very common; a synonym on the second term; sometimes a phrase.
      const terms = [
        [matches(rnd, 0.02)],
        [matches(rnd, 0.3), matches(rnd, 0.05)],
        [matches(rnd, seed % 2 ? 0.6 : 0.001)],
      ];
      // The whole query occurs only where every term's own text does.
      const inAll = terms[0]![0]!.pids.filter((pid) =>
        terms.every((t) => t[0]!.pids.includes(pid)),
      );
      const phrase =
        seed % 3 && inAll.length > 0
          ? { pids: inAll.slice(0, 3), counts: inAll.slice(0, 3).map((_, i) => i + 1) }
          : null;
      const input: RankInput = { terms, meta: terms.map(() => new Set<number>()), phrase };
      // A term that names a plan's metadata can't restrict: nothing then restricts.
      const unrestricted: RankInput = { ...input, meta: terms.map(() => new Set([-1])) };
      const a = ranker.rank(input);
      const fast = view(a);
      a.release();
      const b = ranker.rank(unrestricted);
      const full = view(b);
      b.release();
      expect(fast, `seed ${seed}`).toEqual(full);
      expect(fast.length).toBeGreaterThan(0);
    }
  });

  it('falls back to fuzzy hits when no paragraph has every term', () => {
    const ranker = new Ranker(P, docOf);
    const input: RankInput = {
      terms: [[{ pids: [1, 2], counts: [1, 1] }], [{ pids: [3, 4, 5], counts: [1, 2, 1] }]],
      meta: [new Set(), new Set()],
      phrase: null,
    };
    const r = ranker.rank(input);
    expect(r.top(r.hits, 10)).toEqual([4, 1, 2, 3, 5]);
    expect(r.hits.every((pid) => r.tier(pid) === 2)).toBe(true);
    r.release();
    // Released arrays start clean: the same query again gives the same view.
    const again = ranker.rank(input);
    expect(again.top(again.hits, 10)).toEqual([4, 1, 2, 3, 5]);
    again.release();
  });

  it('counts a term present when it names the plan’s county, prefecture or year', () => {
    const ranker = new Ranker(P, docOf);
    const r = ranker.rank({
      terms: [[{ pids: [21, 45], counts: [1, 1] }], [null]],
      meta: [new Set(), new Set([1])],
      phrase: null,
    });
    // pid 21 is in document 1, which the second term names; pid 45 (document 2) is fuzzy.
    expect(r.hits).toEqual([21]);
    expect(r.tier(21)).toBe(1);
    r.release();
  });
});
