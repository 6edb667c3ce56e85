// The portfolio as CSV (UTF-8 with BOM, semicolon) or XLSX, like the insights export; formulas neutralised.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import { excelJs } from '../../lib/excel-js';
import { safeCell } from '../../lib/spreadsheet-safe';
import type { Initiative } from './portfolio.service';

const COLUMNS: { header: string; kind: 'text' | 'number' | 'date'; value: (i: Initiative) => string | number | Date }[] = [
  { header: 'portfolio.columns.id', kind: 'number', value: (i) => i.id },
  { header: 'portfolio.columns.title', kind: 'text', value: (i) => i.title },
  { header: 'portfolio.columns.status', kind: 'text', value: (i) => i.status },
  { header: 'portfolio.columns.owner', kind: 'text', value: (i) => i.owner_department_name },
  { header: 'portfolio.columns.departments', kind: 'text', value: (i) => i.departments.map((d) => d.name).join(', ') },
  { header: 'portfolio.columns.effort', kind: 'text', value: (i) => i.effort },
  { header: 'portfolio.columns.confidence', kind: 'text', value: (i) => i.confidence },
  { header: 'portfolio.columns.progress', kind: 'number', value: (i) => i.progress },
  { header: 'portfolio.columns.candidates', kind: 'number', value: (i) => i.candidates.length },
  { header: 'portfolio.columns.needSum', kind: 'number', value: (i) => i.needSum },
  { header: 'portfolio.columns.priority', kind: 'number', value: (i) => i.priority },
  { header: 'portfolio.columns.updated', kind: 'date', value: (i) => new Date(i.updated_at) },
];

const cell = (v: string | number | Date) => (typeof v === 'string' ? safeCell(v) : v);

export async function writePortfolioCsv(out: Writable, rows: Initiative[], header: (k: string) => string): Promise<void> {
  const records = [COLUMNS.map((c) => header(c.header)), ...rows.map((row) => COLUMNS.map((c) => csvValue(cell(c.value(row)))))];
  // A portfolio is a few dozen initiatives: written at once. Every record ends with a line break, as in the insights export.
  out.end(`\uFEFF${Papa.unparse(records, { delimiter: ';', newline: '\n', quotes: false })}\n`);
  await once(out, 'finish');
}

const csvValue = (v: string | number | Date) => (v instanceof Date ? v.toISOString() : v);

export async function writePortfolioXlsx(out: Writable, rows: Initiative[], header: (k: string) => string, sheetName: string): Promise<void> {
  const ExcelJS = await excelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = COLUMNS.map((c) => ({ header: header(c.header), width: c.kind === 'text' ? 32 : 14, style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(COLUMNS.map((c) => cell(c.value(row))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  await workbook.xlsx.write(out);
  out.end();
}
