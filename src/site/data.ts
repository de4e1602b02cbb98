/**
 * Read access to the pipeline's dataset for pages: the three collections, plus
 * the per-plan documents and originals, read through pipeline/dataset.ts so
 * that 1,000 plan trees never pass through the content store.
 */
import { getCollection } from 'astro:content';
import { readDataset, type DataVersion, type PlanDocument } from '../pipeline/dataset.ts';
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { planOrder, targetOrder } from './order.ts';

let cache: Promise<{ plans: PlanRecord[]; targets: TargetRecord[]; metrics: Metric[] }> | undefined;

/** Plans sorted by county (pinyin slug) then year; targets in plan order. */
export function loadAll() {
  cache ??= (async () => {
    const plans = (await getCollection('plans')).map((e) => e.data);
    plans.sort(planOrder);
    const targets = (await getCollection('targets')).map((e) => e.data);
    targets.sort(targetOrder(plans));
    const metrics = (await getCollection('metrics')).map((e) => e.data);
    return { plans, targets, metrics };
  })();
  return cache;
}

let byDoc: Map<string, TargetRecord[]> | undefined;
/** A plan's targets in order; grouped once so 1,000 plan pages don't each scan every target. */
export async function targetsOf(doc: string): Promise<TargetRecord[]> {
  byDoc ??= Map.groupBy((await loadAll()).targets, (t) => t.doc);
  return byDoc.get(doc) ?? [];
}

/** A plan's document (text and reader tree), checked against the dataset's schema. */
export function loadDoc(doc: string): PlanDocument {
  return readDataset.document(doc);
}

/** A plan's original file, byte for byte. */
export function loadOriginal(file: string): Uint8Array<ArrayBuffer> {
  return readDataset.original(file);
}

let version: DataVersion | undefined;
/** The data version the site is built from (`.data/version.json`), for pages and downloads. */
export function loadVersion(): DataVersion {
  version ??= readDataset.version();
  return version;
}
