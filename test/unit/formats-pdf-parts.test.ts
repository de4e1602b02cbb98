/**
 * The parts of the PDF table reader on hand-built input: rules from an
 * operator list through the transformation matrix, merged cells in a grid,
 * tables joined over a page break, and how a cell's lines are joined.
 */
import { describe, expect, it } from 'vitest';
import { ruledTables } from '../../src/pipeline/formats/pdf-grid.ts';
import {
  segmentLines,
  type PdfLine,
  type PdfTable,
  type PlacedItem,
} from '../../src/pipeline/formats/pdf-items.ts';
import { spacedTables } from '../../src/pipeline/formats/pdf-spaced.ts';
import { rulesFromOperators, type RuleOps } from '../../src/pipeline/formats/pdf-rules.ts';
import {
  cellTextOfLines,
  mergeTablePages,
  tableBlock,
} from '../../src/pipeline/formats/pdf-table-text.ts';

/** pdf.js's operator codes (OPS) for the operators the reader follows. */
const OPS: RuleOps = {
  save: 10,
  restore: 11,
  transform: 12,
  constructPath: 91,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
};
const [MOVE, LINE, CLOSE] = [0, 1, 4];

describe('rules from the operator list', () => {
  it('reads stroked lines and thin filled bars in page space, and skips shaded areas and curves', () => {
    const fn = [
      OPS.save,
      OPS.transform,
      OPS.constructPath,
      OPS.constructPath,
      OPS.restore,
      OPS.constructPath,
      OPS.constructPath,
    ];
    const args = [
      null,
      [1, 0, 0, 1, 100, 500],
      // a bar 0.5 thick, 200 long, drawn at the origin of the moved space
      [
        OPS.fill,
        [new Float32Array([MOVE, 0, 0, LINE, 0, 0.5, LINE, 200, 0.5, LINE, 200, 0, CLOSE])],
        null,
      ],
      // a shaded header cell: filled, but not thin
      [
        OPS.fill,
        [new Float32Array([MOVE, 0, 0, LINE, 0, 20, LINE, 200, 20, LINE, 200, 0, CLOSE])],
        null,
      ],
      null,
      [OPS.stroke, [new Float32Array([MOVE, 100, 400, LINE, 100, 500])], null],
      [OPS.stroke, [new Float32Array([MOVE, 10, 10, 2, 20, 20, 30, 30, 40, 40])], null],
    ];
    const rules = rulesFromOperators(fn, args, OPS);
    expect(rules).toEqual([
      { x1: 100, y1: 500.25, x2: 300, y2: 500.25 },
      { x1: 100, y1: 400, x2: 100, y2: 500 },
    ]);
  });
});

function item(text: string, x: number, y: number, size = 10): PlacedItem {
  return { text, x, y, width: size * [...text].length, fontSize: size };
}

const h = (y: number, x1 = 0, x2 = 300) => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1 = 0, y2 = 90) => ({ x1: x, y1, x2: x, y2 });

describe('ruled grids', () => {
  it('gives a vertically merged cell to its first row and leaves the covered position empty', () => {
    // three rows; column 0 of rows 2 and 3 merged (no rule between them in that column)
    const rules = [h(90), h(60), h(30, 100, 300), h(0), v(0), v(100), v(300)];
    const items = [
      item('指标', 5, 72),
      item('责任单位', 105, 72),
      item('技术合同', 5, 42),
      item('临湘高新区', 105, 42),
      item('市水利局', 105, 12),
    ];
    const { tables, rest } = ruledTables(items, rules);
    expect(rest).toEqual([]);
    const block = tableBlock({ table: tables[0]!, lastPage: 0 });
    expect(block).toEqual({
      kind: 'table',
      caption: null,
      rows: [
        ['指标', '责任单位'],
        ['技术合同', '临湘高新区'],
        ['', '市水利局'],
      ],
    });
  });

  it('leaves a box of one column around a paragraph as text', () => {
    const rules = [h(90), h(0), v(0), v(300)];
    const { tables, rest } = ruledTables([item('注：本表数据为预计数。', 5, 40)], rules);
    expect(tables).toEqual([]);
    expect(rest).toHaveLength(1);
  });
});

function line(text: string, left: number, right: number, y = 0): PdfLine {
  return { text, left, right, y, fontSize: 10, firstCharWidth: 10 };
}

function fragment(rows: string[][][]): PdfTable {
  return {
    edges: [0, 100, 300],
    limits: [95, 295],
    rows: rows.map((row) =>
      row.map((cell) => cell.map((t, i) => line(t, 5, 5 + 10 * t.length, -i))),
    ),
    top: 0,
    bottom: 0,
    ruled: true,
  };
}

describe('tables over a page break', () => {
  const first = fragment([
    [['指标名称'], ['责任单位']],
    [['技术合同项数'], ['临湘高新区50项']],
  ]);

  it('drops a repeated header and puts a row split by the break back together', () => {
    const next = fragment([
      [['指标名称'], ['责任单位']],
      [[], ['市水利局20项']],
      [['技术合同成交额'], ['市住建局']],
    ]);
    const run = mergeTablePages({ table: first, lastPage: 0 }, next, 1);
    expect(run && tableBlock(run).rows).toEqual([
      ['指标名称', '责任单位'],
      ['技术合同项数', '临湘高新区50项；市水利局20项'],
      ['技术合同成交额', '市住建局'],
    ]);
  });

  it('keeps a table with other columns apart', () => {
    const other = { ...fragment([[['a'], ['b']]]), edges: [0, 150, 300] };
    expect(mergeTablePages({ table: first, lastPage: 0 }, other, 1)).toBeNull();
  });
});

describe('cell lines', () => {
  it('rejoins a line that ran to the cell edge, starts a paragraph after a shorter one or a finished entry', () => {
    const limit = 95;
    expect(
      cellTextOfLines(
        [line('高新技术产业增加值占地', 5, 95), line('区生产总值比重', 5, 75)],
        limit,
      ),
    ).toBe('高新技术产业增加值占地区生产总值比重');
    expect(cellTextOfLines([line('同比增长18.1', 5, 60), line('%', 5, 12)], limit)).toBe(
      '同比增长18.1%',
    );
    expect(cellTextOfLines([line('市科工局5家', 5, 65), line('市农业局5家', 5, 65)], limit)).toBe(
      '市科工局5家；市农业局5家',
    );
    expect(
      cellTextOfLines([line('羊楼司竹木家居中心5家', 5, 94), line('市科工局', 5, 45)], limit),
    ).toBe('羊楼司竹木家居中心5家；市科工局');
    expect(cellTextOfLines([line('市科工局、', 5, 50), line('市统计局', 5, 45)], limit)).toBe(
      '市科工局、市统计局',
    );
  });
});

describe('tables aligned by spacing', () => {
  /** A table's lines as OCR places them: baselines a point or two off, a short cell ("%") lower. */
  function ocrLikeLines(): PlacedItem[] {
    const rows: [string, string, string[], number][] = [
      ['指标名称', '目标任务', ['责任单位'], 0],
      ['地方财政科技支出', '2亿元', ['市财政局'], 1.5],
      ['新增规模工业企业', '45家', ['临湘高新区10家', '市科工局5家', '市农业农村局5家'], -1],
      ['认定省级创新型中小企业', '15家', ['市科工局'], 2],
      ['新增国家级“专精特新”小巨人', '1家', ['市科工局'], 0],
      ['技术合同项数', '500项', ['临湘高新区50项', '市水利局20项'], -1.5],
    ];
    const items: PlacedItem[] = [];
    let y = 700;
    for (const [indicator, target, units, jitter] of rows) {
      items.push(item(indicator, 80, y + jitter, 12), item(target, 270, y - jitter, 12));
      units.forEach((unit, k) =>
        items.push(item(unit, 360, y - k * 16.8 + (k % 2 ? 0.6 : -0.4), 12)),
      );
      // a wrapped indicator whose short last line OCR boxes small and places high
      if (indicator.endsWith('小巨人')) items.push(item('企业', 80, y - 11.9, 8));
      const lines = Math.max(units.length, indicator.endsWith('小巨人') ? 2 : 1);
      y -= (lines - 1) * 16.8 + 24.8;
    }
    return items;
  }

  it('finds the columns and rows despite jittered baselines', () => {
    const { elements } = spacedTables(segmentLines(ocrLikeLines()));
    expect(elements.map((e) => e.kind)).toEqual(['table']);
    const table = elements[0]!.kind === 'table' ? elements[0]!.table : null;
    expect(tableBlock({ table: table!, lastPage: 0 }).rows).toEqual([
      ['指标名称', '目标任务', '责任单位'],
      ['地方财政科技支出', '2亿元', '市财政局'],
      ['新增规模工业企业', '45家', '临湘高新区10家；市科工局5家；市农业农村局5家'],
      ['认定省级创新型中小企业', '15家', '市科工局'],
      ['新增国家级“专精特新”小巨人企业', '1家', '市科工局'],
      ['技术合同项数', '500项', '临湘高新区50项；市水利局20项'],
    ]);
  });

  it('leaves running text with a wide gap or two as lines', () => {
    const items = [
      item('联系人：张三', 80, 700, 12),
      item('电话：1234567', 300, 700, 12),
      item('全社会研发经费投入增长15%以上，高新技术企业达到100家。', 80, 674, 12),
    ];
    const { elements } = spacedTables(segmentLines(items));
    expect(elements.map((e) => e.kind)).toEqual(['line', 'line']);
  });
});
