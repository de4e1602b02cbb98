/** Records for the search unit tests, built in the test (no pipeline output needed). */
import { buildIndex, type BuildOptions } from '../../src/search/build.ts';
import { SearchEngine } from '../../src/search/query.ts';
import type { SearchDoc, SearchInput, SearchMetric, SearchTarget } from '../../src/search/types.ts';

export const metrics: SearchMetric[] = [
  {
    key: 'hightech_firms',
    zh: '高新技术企业',
    en: 'High-tech enterprises',
    wordings: ['高新技术企业', '高企'],
  },
  { key: 'tech_sme', zh: '科技型中小企业', en: 'Tech SMEs', wordings: ['科技型中小企业', '科小'] },
  {
    key: 'rd_spending',
    zh: '全社会研发经费投入',
    en: 'R&D spending',
    wordings: ['全社会研发经费投入', '研发投入', '研发经费投入'],
  },
  {
    key: 'ip_pledge_financing',
    zh: '知识产权质押融资',
    en: 'IP pledge financing',
    wordings: ['知识产权质押融资'],
  },
];

function doc(
  d: string,
  county: string,
  prefecture: string,
  year: number,
  paras: [string, string][],
): SearchDoc {
  return {
    doc: d,
    county,
    prefecture,
    province: '湖南省',
    year,
    slug: d.split('-')[0]!,
    title: `${county}方案`,
    paragraphs: paras.map(([heading, text], i) => ({
      anchor: `p-${i + 1}`,
      heading,
      text,
      targets: [],
    })),
  };
}

export const docs: SearchDoc[] = [
  doc('pingjiang-2026', '平江县', '岳阳市', 2026, [
    [
      '一、主要指标',
      '力争全社会研发经费投入增长 8.5%以上，规模以上高新技术企业数量达到 100 家以上。',
    ],
    ['二、重点任务', '聚焦休闲食品、云母新材料等优势特色领域，争创一批重点实验室。'],
    ['二、重点任务', '新材料产业方面，推动云母深加工，延伸产业链。'],
    ['三、保障措施', '开展知识产权质押融资，扩大科技金融覆盖面。'],
  ]),
  doc('pingjiang-2024', '平江县', '岳阳市', 2024, [
    ['一、工作目标', '力争全社会研发经费投入增长 30%以上，高新技术企业突破 100 家。'],
    ['二、主要任务', '实施人才引进计划，引进高层次人才 3 名。'],
  ]),
  doc('yuanjiang-2024', '沅江市', '益阳市', 2024, [
    ['一、目标', '高企数量达到 40 家，研发投入增长 130%。'],
    ['二、任务', '发展芦笋、苎麻等特色产业，推动知识产权质押。'],
    ['二、任务', '材料领域的创新也要加强，培育新的企业。'],
  ]),
];
docs[1]!.paragraphs[0]!.targets = [
  {
    id: 't-1',
    metric: 'rd_spending',
    label: '全社会研发经费投入',
    quote: '全社会研发经费投入增长 30%以上',
  },
  { id: 't-2', metric: 'hightech_firms', label: '高新技术企业', quote: '高新技术企业突破 100 家' },
];

export const targets: SearchTarget[] = [
  {
    doc: 'pingjiang-2024',
    id: 't-1',
    metric: 'rd_spending',
    label: '全社会研发经费投入',
    value: 30,
    value_max: null,
    unit: '%',
    kind: 'growth',
    quote: '全社会研发经费投入增长 30%以上',
    anchor: 'p-1',
  },
  {
    doc: 'pingjiang-2024',
    id: 't-2',
    metric: 'hightech_firms',
    label: '高新技术企业',
    value: 100,
    value_max: null,
    unit: '家',
    kind: 'level',
    quote: '高新技术企业突破 100 家',
    anchor: 'p-1',
  },
  {
    doc: 'yuanjiang-2024',
    id: 't-1',
    metric: 'hightech_firms',
    label: '高企数量',
    value: 40,
    value_max: null,
    unit: '家',
    kind: 'level',
    quote: '高企数量达到 40 家',
    anchor: 'p-1',
  },
];

export const input: SearchInput = { docs, metrics, targets };

/** An index of `data` held in memory, and a loader over it that records what it fetched. */
export function memoryIndex(data: SearchInput = input, opts: BuildOptions = {}) {
  const built = buildIndex(data, opts);
  const fetched: string[] = [];
  const load = (path: string): Promise<string> => {
    fetched.push(path);
    const text = built.files.get(path);
    // A missing file rejects, as a failed fetch does.
    if (text === undefined) return Promise.reject(new Error(`no file ${path}`));
    return Promise.resolve(text);
  };
  return { built, fetched, load };
}

/** An engine over the fixture, loading files from memory and recording what it fetched. */
export async function engine(
  opts: BuildOptions = {},
  data: SearchInput = input,
): Promise<{ engine: SearchEngine; fetched: string[] }> {
  const { load, fetched } = memoryIndex(data, opts);
  return { engine: await SearchEngine.open(load), fetched };
}
