// Times a full export download and the server's memory growth while it streams.
import { peakMemoryDuring, type ServerProcess } from './processes';

export interface ExportResult {
  format: 'csv' | 'xlsx';
  seconds: number;
  bytes: number;
  /** Data rows in a CSV (header excluded); not counted for XLSX, which is zipped. */
  rows: number | null;
  memoryGrowthMb: number;
  /** The server's resident memory at its highest while the export streamed. */
  peakMb: number;
  status: number;
}

export async function timeExport(portal: ServerProcess, slug: string, cookie: string, format: 'csv' | 'xlsx'): Promise<ExportResult> {
  const url = `${portal.baseUrl}/admin/${slug}/insights/export?format=${format}`;
  const started = performance.now();
  const { result, beforeMb, peakMb } = await peakMemoryDuring(portal, async () => {
    const res = await fetch(url, { headers: { cookie } });
    let bytes = 0;
    let newlines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (format === 'csv') for (const byte of chunk) if (byte === 10) newlines += 1;
    }
    return { status: res.status, bytes, newlines };
  });
  return {
    format,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    bytes: result.bytes,
    rows: format === 'csv' ? result.newlines - 1 : null,
    memoryGrowthMb: Math.round((peakMb - beforeMb) * 10) / 10,
    peakMb: Math.round(peakMb),
    status: result.status,
  };
}
