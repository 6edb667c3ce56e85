// Streams the insights table as CSV (UTF-8 with BOM, semicolon by default), XLSX (a real workbook) or JSON,
// one row at a time. CSV and JSON keep memory flat; exceljs' streaming writer still holds the sheet until the
// workbook is committed (its zip waits for earlier entries), so XLSX memory grows with the row count.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { safeCell } from '../../lib/spreadsheet-safe';
import type { InsightItem } from './insights.service';

export interface ExportColumn {
  key: string;
  /** i18n key of the header. */
  header: string;
  kind: 'text' | 'number' | 'date';
  value: (row: InsightItem, rank: number, url: string) => string | number | Date | null;
}

export const EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'rank', header: 'insights.columns.rank', kind: 'number', value: (_r, rank) => rank },
  { key: 'id', header: 'insights.columns.id', kind: 'number', value: (r) => r.id },
  { key: 'title', header: 'insights.columns.title', kind: 'text', value: (r) => r.title },
  { key: 'journey', header: 'insights.columns.journey', kind: 'text', value: (r) => r.journey_title },
  { key: 'step', header: 'insights.columns.step', kind: 'text', value: (r) => r.step_title },
  { key: 'department', header: 'insights.columns.department', kind: 'text', value: (r) => r.department_name },
  { key: 'status', header: 'insights.columns.status', kind: 'text', value: (r) => r.response_status },
  { key: 'created', header: 'insights.columns.created', kind: 'date', value: (r) => new Date(r.created_at) },
  { key: 'n', header: 'insights.columns.n', kind: 'number', value: (r) => r.figures.n },
  { key: 'nEff', header: 'insights.columns.nEff', kind: 'number', value: (r) => r.figures.nEff },
  { key: 'reach', header: 'insights.columns.reach', kind: 'number', value: (r) => r.figures.reach },
  { key: 'k', header: 'insights.columns.k', kind: 'number', value: (r) => r.figures.k },
  { key: 'severityMean', header: 'insights.columns.severityMean', kind: 'number', value: (r) => r.figures.severityMean },
  { key: 'prior', header: 'insights.columns.prior', kind: 'number', value: (r) => r.figures.prior },
  { key: 'severity', header: 'insights.columns.severity', kind: 'number', value: (r) => r.figures.severity },
  { key: 'needScore', header: 'insights.columns.needScore', kind: 'number', value: (r) => r.figures.needScore },
  { key: 'url', header: 'insights.columns.url', kind: 'text', value: (_r, _rank, url) => url },
];

type Header = (key: string) => string;

async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function writeCsv(out: Writable, rows: Iterable<InsightItem>, urlOf: (r: InsightItem) => string, header: Header, delimiter: ';' | ','): Promise<void> {
  await write(out, '\uFEFF');
  const csv = stringify({ delimiter, bom: false, cast: { date: (d) => d.toISOString() } });
  csv.pipe(out, { end: false });
  const put = async (record: unknown[]) => {
    if (!csv.write(record)) await once(csv, 'drain');
  };
  await put(EXPORT_COLUMNS.map((c) => header(c.header)));
  let rank = 0;
  for (const row of rows) {
    rank += 1;
    await put(EXPORT_COLUMNS.map((c) => cell(c, row, rank, urlOf(row))));
  }
  csv.end();
  await once(csv, 'end');
  out.end();
}

export async function writeXlsx(out: Writable, rows: Iterable<InsightItem>, urlOf: (r: InsightItem) => string, header: Header, sheetName: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    header: header(c.header),
    key: c.key,
    width: c.kind === 'text' ? 40 : 14,
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd hh:mm' } : c.kind === 'number' ? { numFmt: '0.00' } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rank = 0;
  for (const row of rows) {
    rank += 1;
    sheet.addRow(EXPORT_COLUMNS.map((c) => cell(c, row, rank, urlOf(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export async function writeJson(out: Writable, rows: Iterable<InsightItem>, urlOf: (r: InsightItem) => string, meta: Record<string, unknown>): Promise<void> {
  await write(out, `{"meta":${JSON.stringify(meta)},"candidates":[`);
  let rank = 0;
  for (const row of rows) {
    rank += 1;
    const item = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.key, c.value(row, rank, urlOf(row))]));
    await write(out, `${rank > 1 ? ',' : ''}${JSON.stringify(item)}`);
  }
  await write(out, ']}');
  out.end();
}

/** Numbers and dates stay numbers and dates; text is neutralised against formulas. */
function cell(column: ExportColumn, row: InsightItem, rank: number, url: string): string | number | Date | null {
  const value = column.value(row, rank, url);
  return typeof value === 'string' ? safeCell(value) : value;
}
