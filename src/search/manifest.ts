/**
 * The manifest as stored: the document table by column, with each plan's
 * paragraph–metric pairs delta-encoded. Row objects repeat every key a
 * thousand times and absolute paragraph numbers compress badly; by column the
 * manifest of 1,000 plans is 48 KB gzipped instead of 88 KB, and it is the one
 * file every first query waits for. The engine works on rows (`Manifest`).
 */
import type { DocRow, Manifest } from './types.ts';

export interface DocColumns {
  doc: string[];
  county: string[];
  prefecture: string[];
  province: string[];
  year: number[];
  slug: string[];
  title: string[];
  /** Paragraphs per document; first paragraph ids follow by summing. */
  n: number[];
  /** Per document: [localParagraphDelta, metricIndex, …]. */
  tm: number[][];
}

export type ManifestFile = Omit<Manifest, 'docs'> & { docs: DocColumns };

/** The manifest as stored: documents by column, paragraph–metric pairs delta-encoded. */
export function packManifest(m: Manifest): ManifestFile {
  const col = <K extends keyof DocRow>(k: K): DocRow[K][] => m.docs.map((d) => d[k]);
  return {
    ...m,
    docs: {
      doc: col('doc'),
      county: col('county'),
      prefecture: col('prefecture'),
      province: col('province'),
      year: col('year'),
      slug: col('slug'),
      title: col('title'),
      n: col('n'),
      tm: m.docs.map((d) => {
        const out: number[] = [];
        for (let i = 0, last = 0; i < d.tm.length; i += 2) {
          out.push(d.tm[i]! - last, d.tm[i + 1]!);
          last = d.tm[i]!;
        }
        return out;
      }),
    },
  };
}

/** The stored manifest back as rows with absolute paragraph ids (the engine's form). */
export function unpackManifest(f: ManifestFile): Manifest {
  const c = f.docs;
  let p0 = 0;
  const docs: DocRow[] = c.doc.map((doc, i) => {
    const tm: number[] = [];
    const packed = c.tm[i]!;
    for (let k = 0, local = 0; k < packed.length; k += 2) {
      local += packed[k]!;
      tm.push(local, packed[k + 1]!);
    }
    const row: DocRow = {
      doc,
      county: c.county[i]!,
      prefecture: c.prefecture[i]!,
      province: c.province[i]!,
      year: c.year[i]!,
      slug: c.slug[i]!,
      title: c.title[i]!,
      p0,
      n: c.n[i]!,
      tm,
    };
    p0 += row.n;
    return row;
  });
  return { ...f, docs };
}
