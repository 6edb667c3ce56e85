// Streams the insights table as CSV (UTF-8 with BOM, semicolon by default), XLSX (a real workbook) or JSON,
// one row at a time, so memory stays flat however many candidates there are.
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { safeCell } from '../../lib/spreadsheet-safe';
import { Turns } from '../../lib/turns';
import type { InsightItem } from './insights.service';

export interface ExportColumn {
  key: string;
  /** i18n key of the header. */
  header: string;
  kind: 'text' | 'number' | 'date';
  /** A date is the stored ISO 8601 text (UTC); the workbook makes it a date cell. */
  value: (row: InsightItem, rank: number, url: string) => string | number | null;
}

export const EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'rank', header: 'insights.columns.rank', kind: 'number', value: (_r, rank) => rank },
  { key: 'id', header: 'insights.columns.id', kind: 'number', value: (r) => r.id },
  { key: 'title', header: 'insights.columns.title', kind: 'text', value: (r) => r.title },
  { key: 'journey', header: 'insights.columns.journey', kind: 'text', value: (r) => r.journey_title },
  { key: 'step', header: 'insights.columns.step', kind: 'text', value: (r) => r.step_title },
  { key: 'department', header: 'insights.columns.department', kind: 'text', value: (r) => r.department_name },
  { key: 'status', header: 'insights.columns.status', kind: 'text', value: (r) => r.response_status },
  { key: 'created', header: 'insights.columns.created', kind: 'date', value: (r) => r.created_at },
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
/** The rows in order: read in batches with turns of the event loop between (insights.service.ts). */
type Rows = AsyncIterable<InsightItem> | Iterable<InsightItem>;

/**
 * How far an export may write ahead of its client. Waiting for every drain of the socket's 16 KB buffer made the CSV
 * of the largest municipality wait some 500 times for the client, in batches small enough for turns of the event
 * loop (2.6 s -> 6 s); a megabyte ahead keeps memory flat all the same.
 */
export const AHEAD_BYTES = 1024 * 1024;

async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk) && out.writableLength > AHEAD_BYTES) await once(out, 'drain');
}

/**
 * CSV rows formatted together by papaparse: 100 361 candidates took csv-stringify's stream 1.5 s (a write, a transform
 * and a push per record), its sync API in batches 1.1 s, and papaparse in the same batches 0.5 s.
 */
const CSV_BATCH = 200;

export async function writeCsv(out: Writable, rows: Rows, urlOf: (r: InsightItem) => string, header: Header, delimiter: ';' | ','): Promise<void> {
  // Every record ends with a line break, as RFC 4180 allows and spreadsheets expect; papaparse puts one only between.
  const format = (records: unknown[][]) => `${Papa.unparse(records, { delimiter, newline: '\n', quotes: false })}\n`;
  await write(out, `\uFEFF${format([EXPORT_COLUMNS.map((c) => header(c.header))])}`);
  let batch: unknown[][] = [];
  let rank = 0;
  for await (const row of rows) {
    rank += 1;
    // The row's address once, not once per column: 17 builds a row were 60 % of the CSV's time.
    const url = urlOf(row);
    batch.push(EXPORT_COLUMNS.map((c) => cell(c, row, rank, url)));
    if (batch.length === CSV_BATCH) {
      await write(out, format(batch));
      batch = [];
    }
  }
  if (batch.length > 0) await write(out, format(batch));
  out.end();
}

/**
 * Rows between looks at the clock: a turn of the event loop ends once it has run its time (lib/turns.ts), so the zip
 * can move what exceljs produced on to disk and others are served. Every 200 rows held the loop 50-90 ms at a time.
 */
const XLSX_CHECK_EVERY = 10;

/**
 * Waits until the zip has taken in what the sheet wrote. exceljs writes the sheet's XML into the zip's entry stream
 * without heeding its backpressure, so with only a turn of the event loop between rows the XML of the largest
 * municipality piled up in front of the zip (50-70 MB). The entry stream is reached through exceljs' sheet stream
 * (not a public API): when it is not there, or its drain does not come within 50 ms, this only yields.
 */
async function zipCaughtUp(sheet: unknown): Promise<void> {
  const entry = (sheet as { _stream?: { pipes?: (Writable & { _writableState?: { needDrain?: boolean } })[] } })._stream?.pipes?.[0];
  if (!entry?._writableState?.needDrain) return new Promise((resolve) => setImmediate(resolve));
  // The listener goes with the wait, so waits that time out leave none behind on the entry stream.
  const drainOrTimeout = AbortSignal.timeout(50);
  await once(entry, 'drain', { signal: drainOrTimeout }).catch((err: Error) => {
    if (err.name !== 'AbortError') throw err;
  });
}

/**
 * exceljs' zip has no backpressure, so the workbook is written to a temporary file (fast, local) while yielding to
 * the event loop, and the file is then streamed to the client at the client's pace: memory stays flat.
 */
export async function writeXlsx(
  out: Writable,
  rows: Rows,
  urlOf: (r: InsightItem) => string,
  header: Header,
  sheetName: string,
  tempRoot: string = os.tmpdir(),
): Promise<void> {
  const dir = await fs.promises.mkdtemp(path.join(tempRoot, 'reisekart-xlsx-'));
  const file = path.join(dir, 'export.xlsx');
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
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
    const turns = new Turns();
    for await (const row of rows) {
      rank += 1;
      const url = urlOf(row);
      sheet.addRow(EXPORT_COLUMNS.map((c) => (c.kind === 'date' ? new Date(c.value(row, rank, '') as string) : cell(c, row, rank, url)))).commit();
      if (rank % XLSX_CHECK_EVERY === 0 && turns.due()) {
        await zipCaughtUp(sheet);
        turns.started();
      }
    }
    sheet.commit();
    await workbook.commit();
    await pipeline(fs.createReadStream(file), out);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export async function writeJson(out: Writable, rows: Rows, urlOf: (r: InsightItem) => string, meta: Record<string, unknown>): Promise<void> {
  await write(out, `{"meta":${JSON.stringify(meta)},"candidates":[`);
  let rank = 0;
  for await (const row of rows) {
    rank += 1;
    const url = urlOf(row);
    const item = Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.key, c.value(row, rank, url)]));
    await write(out, `${rank > 1 ? ',' : ''}${JSON.stringify(item)}`);
  }
  await write(out, ']}');
  out.end();
}

/** Numbers stay numbers; text is neutralised against formulas. */
function cell(column: ExportColumn, row: InsightItem, rank: number, url: string): string | number | null {
  const value = column.value(row, rank, url);
  return typeof value === 'string' ? safeCell(value) : value;
}
