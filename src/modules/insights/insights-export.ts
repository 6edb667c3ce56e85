// Streams the insights table as CSV (UTF-8 with BOM), XLSX (a real workbook) or JSON, one row at a time, so memory
// stays flat however many candidates there are.
//
// Two CSV flavours (issue #18.3):
// - semicolon: for Norwegian spreadsheets. Decimals with a decimal comma and two decimals, integers plain, coded values
//   (the status) as labels in the export's language, dates in Norwegian time as dd.mm.yyyy HH:mm. Norwegian Excel and
//   LibreOffice read these as numbers and dates (test/http/export-spreadsheet.test.ts opens one in LibreOffice).
// - comma: machine-readable, like the JSON. Codes, ISO 8601 UTC as stored, decimal point, full precision.
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import type { Style } from 'exceljs';
import { safeCell } from '../../lib/spreadsheet-safe';
import { Turns } from '../../lib/turns';
import type { InsightItem } from './insights.service';
import { excelJs } from '../../lib/excel-js';

export interface ExportColumn {
  key: string;
  /** i18n key of the header. */
  header: string;
  /**
   * text: free text, neutralised against formulas. code: a value from a fixed vocabulary, shown by its label (i18n key
   * `labels` + code) in the semicolon CSV and the workbook, as the code in the comma CSV and JSON. integer: plain
   * everywhere. decimal: two decimals with a decimal comma in the semicolon CSV, full precision elsewhere. date: the
   * stored ISO 8601 text (UTC), Norwegian time in the semicolon CSV and the workbook.
   */
  kind: 'text' | 'code' | 'integer' | 'decimal' | 'date';
  labels?: string;
  value: (row: InsightItem, rank: number, url: string) => string | number | null;
}

export const EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'rank', header: 'insights.columns.rank', kind: 'integer', value: (_r, rank) => rank },
  { key: 'id', header: 'insights.columns.id', kind: 'integer', value: (r) => r.id },
  { key: 'title', header: 'insights.columns.title', kind: 'text', value: (r) => r.title },
  { key: 'journey', header: 'insights.columns.journey', kind: 'text', value: (r) => r.journey_title },
  { key: 'step', header: 'insights.columns.step', kind: 'text', value: (r) => r.step_title },
  { key: 'department', header: 'insights.columns.department', kind: 'text', value: (r) => r.department_name },
  { key: 'status', header: 'insights.columns.status', kind: 'code', labels: 'responseStatus.', value: (r) => r.response_status },
  { key: 'created', header: 'insights.columns.created', kind: 'date', value: (r) => r.created_at },
  { key: 'n', header: 'insights.columns.n', kind: 'integer', value: (r) => r.figures.n },
  // Of the supporters, the persons verified with ID-porten (#21.3): always a column, 0 where there are none.
  { key: 'verifiedSupporters', header: 'insights.verified.column', kind: 'integer', value: (r) => r.verified_n },
  { key: 'nEff', header: 'insights.columns.nEff', kind: 'decimal', value: (r) => r.figures.nEff },
  { key: 'reach', header: 'insights.columns.reach', kind: 'decimal', value: (r) => r.figures.reach },
  { key: 'k', header: 'insights.columns.k', kind: 'integer', value: (r) => r.figures.k },
  { key: 'severityMean', header: 'insights.columns.severityMean', kind: 'decimal', value: (r) => r.figures.severityMean },
  { key: 'prior', header: 'insights.columns.prior', kind: 'decimal', value: (r) => r.figures.prior },
  { key: 'severity', header: 'insights.columns.severity', kind: 'decimal', value: (r) => r.figures.severity },
  { key: 'needScore', header: 'insights.columns.needScore', kind: 'decimal', value: (r) => r.figures.needScore },
  { key: 'url', header: 'insights.columns.url', kind: 'text', value: (_r, _rank, url) => url },
];

/** Translates an i18n key in the export's language (the request's req.t): headers and labels. */
type Translate = (key: string) => string;
/** The rows in order: read in batches with turns of the event loop between (insights.service.ts). */
type Rows = AsyncIterable<InsightItem> | Iterable<InsightItem>;
/** semicolon: for Norwegian spreadsheets; comma: machine-readable (see the top of this file). */
export type CsvFlavour = 'semicolon' | 'comma';
type Cell = string | number | Date | null;
type CellOf = (row: InsightItem, rank: number, url: string) => Cell;

/** A decimal as Norwegian spreadsheets read it: two decimals, decimal comma, minus sign kept (never neutralised). */
export function decimalComma(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const text = value.toFixed(2);
  return text === '-0.00' ? '0,00' : text.replace('.', ',');
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Norwegian time (Europe/Oslo, summer time included) for one export. Oslo's offset is whole hours and changes at most
 * once a day, on the hour, so it is looked up with Intl once per UTC day (at its first and last hour: when they agree,
 * the whole day has that offset), or per hour on the two days a year it changes; the rest is arithmetic. An Intl call
 * per row cost more than the rest of the row.
 */
export class OsloTime {
  private readonly parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  });
  /** UTC day -> its offset in ms, or null on a day the offset changes. */
  private readonly days = new Map<number, number | null>();
  /** UTC hour -> offset in ms, for days the offset changes. */
  private readonly hours = new Map<number, number>();

  /** The instant's wall-clock time in Oslo as a Date whose UTC fields are Oslo's (a "floating" local time), or null. */
  local(iso: string | number | null): Date | null {
    if (iso === null) return null;
    const ms = typeof iso === 'number' ? iso : Date.parse(iso);
    if (Number.isNaN(ms)) return null;
    return new Date(ms + this.offset(ms));
  }

  /** dd.mm.yyyy HH:mm in Oslo, or '' when there is no date. */
  text(iso: string | number | null): string {
    const d = this.local(iso);
    if (!d) return '';
    return `${pad2(d.getUTCDate())}.${pad2(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  }

  private offset(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const first = this.offsetAt(day * DAY_MS);
      offset = first === this.offsetAt(day * DAY_MS + DAY_MS - HOUR_MS) ? first : null;
      this.days.set(day, offset);
    }
    if (offset !== null) return offset;
    const hour = Math.floor(ms / HOUR_MS);
    let hourly = this.hours.get(hour);
    if (hourly === undefined) this.hours.set(hour, (hourly = this.offsetAt(hour * HOUR_MS)));
    return hourly;
  }

  private offsetAt(at: number): number {
    const f: Record<string, number> = {};
    for (const p of this.parts.formatToParts(at)) if (p.type !== 'literal') f[p.type] = Number(p.value);
    return Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!) - at;
  }
}

/** Labels of a coded column, looked up once per code and export. */
function labeller(column: ExportColumn, t: Translate): (code: string) => string {
  const labels = new Map<string, string>();
  return (code) => {
    let label = labels.get(code);
    if (label === undefined) labels.set(code, (label = safeCell(t(`${column.labels ?? ''}${code}`))));
    return label;
  };
}

/** How each column's cell is made in a flavour, decided once per export rather than once per cell. */
function cellsFor(flavour: CsvFlavour | 'xlsx' | 'json', t: Translate): CellOf[] {
  const oslo = new OsloTime();
  return EXPORT_COLUMNS.map((c): CellOf => {
    const v = c.value;
    // JSON is data, not a sheet: every value as it is. Both CSVs and the workbook neutralise text against formulas.
    if (flavour === 'json') return v;
    if (c.kind === 'text') return (row, rank, url) => text(v(row, rank, url));
    if (flavour === 'comma') return v;
    switch (c.kind) {
      case 'code': {
        const label = labeller(c, t);
        return (row, rank, url) => {
          const code = v(row, rank, url);
          return code === null ? null : label(String(code));
        };
      }
      case 'decimal':
        return flavour === 'semicolon' ? (row, rank, url) => decimalComma(v(row, rank, url) as number | null) : v;
      case 'date':
        // The workbook's dates are date cells in Norwegian time, the same as the semicolon CSV shows (exceljs writes a
        // Date's UTC fields, so the Date carries Oslo's wall-clock time).
        return flavour === 'semicolon'
          ? (row, rank, url) => oslo.text(v(row, rank, url))
          : (row, rank, url) => oslo.local(v(row, rank, url));
      default:
        return v; // integers
    }
  });
}

/** Text is neutralised against formulas; numbers this module formats are not text and are left alone. */
function text(value: string | number | null): string | number | null {
  return typeof value === 'string' ? safeCell(value) : value;
}

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

export async function writeCsv(out: Writable, rows: Rows, urlOf: (r: InsightItem) => string, t: Translate, flavour: CsvFlavour): Promise<void> {
  const delimiter = flavour === 'semicolon' ? ';' : ',';
  // Every record ends with a line break, as RFC 4180 allows and spreadsheets expect; papaparse puts one only between.
  const format = (records: unknown[][]) => `${Papa.unparse(records, { delimiter, newline: '\n', quotes: false })}\n`;
  await write(out, `\uFEFF${format([EXPORT_COLUMNS.map((c) => t(c.header))])}`);
  const cells = cellsFor(flavour, t);
  const columns = cells.length;
  let batch: unknown[][] = [];
  let rank = 0;
  for await (const row of rows) {
    rank += 1;
    // The row's address once, not once per column: 17 builds a row were 60 % of the CSV's time.
    const url = urlOf(row);
    const record = new Array<Cell>(columns);
    for (let i = 0; i < columns; i += 1) record[i] = cells[i]!(row, rank, url);
    batch.push(record);
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
/** Numbers stay numbers with a number format; dates are date cells (Norwegian time, see cellsFor). */
const XLSX_STYLES: Record<ExportColumn['kind'], Partial<Style>> = {
  text: {},
  code: {},
  integer: { numFmt: '0' },
  decimal: { numFmt: '0.00' },
  date: { numFmt: 'dd.mm.yyyy hh:mm' },
};

export async function writeXlsx(
  out: Writable,
  rows: Rows,
  urlOf: (r: InsightItem) => string,
  t: Translate,
  sheetName: string,
  tempRoot: string = os.tmpdir(),
): Promise<void> {
  const dir = await fs.promises.mkdtemp(path.join(tempRoot, 'reisekart-xlsx-'));
  const file = path.join(dir, 'export.xlsx');
  try {
    const ExcelJS = await excelJs();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
    sheet.columns = EXPORT_COLUMNS.map((c) => ({
      header: t(c.header),
      key: c.key,
      width: c.kind === 'text' ? 40 : c.kind === 'date' ? 17 : 14,
      style: XLSX_STYLES[c.kind],
    }));
    const cells = cellsFor('xlsx', t);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let rank = 0;
    const turns = new Turns();
    for await (const row of rows) {
      rank += 1;
      const url = urlOf(row);
      sheet.addRow(cells.map((cell) => cell(row, rank, url))).commit();
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

/** Machine-readable, like the comma CSV: codes, the stored ISO 8601 UTC dates and full precision. */
export async function writeJson(out: Writable, rows: Rows, urlOf: (r: InsightItem) => string, meta: Record<string, unknown>): Promise<void> {
  await write(out, `{"meta":${JSON.stringify(meta)},"candidates":[`);
  const cells = cellsFor('json', (k) => k);
  let rank = 0;
  for await (const row of rows) {
    rank += 1;
    const url = urlOf(row);
    const item: Record<string, Cell> = {};
    for (let i = 0; i < cells.length; i += 1) item[EXPORT_COLUMNS[i]!.key] = cells[i]!(row, rank, url);
    await write(out, `${rank > 1 ? ',' : ''}${JSON.stringify(item)}`);
  }
  await write(out, ']}');
  out.end();
}
