/**
 * Read access to the pipeline's dataset for pages: the three lists, indexed
 * once per build (indexes.ts) with the peer groups ranked once (peers.ts), plus
 * the per-plan documents and originals, read one at a time as a page needs
 * them so that no build holds every plan tree.
 */
import { getCollection } from 'astro:content';
import { readDataset, type DataVersion, type PlanDocument } from '../pipeline/dataset.ts';
import type { Metric, PlanRecord, TargetRecord } from '../pipeline/schema.ts';
import { buildSiteIndex, type SiteIndex } from './indexes.ts';
import { planOrder, targetOrder } from './order.ts';
import { PeerIndex } from './peers.ts';
import { isRankable } from './rankable.ts';

/** The dataset's lists, the index over them and the ranked peer groups. */
export interface SiteData {
  plans: PlanRecord[];
  targets: TargetRecord[];
  metrics: Metric[];
  index: SiteIndex;
  peers: PeerIndex;
}

let cache: Promise<SiteData> | undefined;

/** Plans sorted by county (pinyin slug) then year; targets in plan order; built once per build. */
export function loadAll(): Promise<SiteData> {
  cache ??= (async () => {
    const plans = (await getCollection('plans')).map((e) => e.data);
    plans.sort(planOrder);
    const targets = (await getCollection('targets')).map((e) => e.data);
    targets.sort(targetOrder(plans));
    const metrics = (await getCollection('metrics')).map((e) => e.data);
    const index = buildSiteIndex(plans, targets);
    const peers = new PeerIndex(targets, index.regionOfDoc, isRankable);
    return { plans, targets, metrics, index, peers };
  })();
  return cache;
}

/** A plan's targets in order (from the index: no page scans every target). */
export async function targetsOf(doc: string): Promise<TargetRecord[]> {
  return (await loadAll()).index.targetsByDoc.get(doc) ?? [];
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
