// exceljs, loaded at the first spreadsheet export rather than at start: once loaded it is a third of the server's heap
// (8 MB of some 24) and a quarter of a second of its start, for the few who export, and every major garbage collection
// marks that heap again on every request's behalf (docs/benchmarks.md, "Instructions per API request, counted").
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | undefined;

export function excelJs(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => (m as { default?: typeof ExcelJSModule }).default ?? (m as typeof ExcelJSModule));
  return loading;
}
