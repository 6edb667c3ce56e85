// Turns a benchmark result into the printed table, bench/results/latest.json and the results section of
// docs/benchmarks.md (between markers, so the hand-written analysis around it stays).
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult, ScenarioResult } from './bench';

export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

type Row = [scenario: string, rps: string, p50: string, p99: string, cpu: string, ratio: string, target: string, met: string];

function rows(r: BenchResult): Row[] {
  const yes = (met: boolean | null) => (met === null ? '–' : met ? 'yes' : 'NO');
  const target = (t: { ratio?: number; p99Ms?: number }) =>
    [t.ratio !== undefined ? `≥ ${t.ratio.toFixed(2)}` : '', t.p99Ms !== undefined ? `p99 ≤ ${t.p99Ms} ms` : ''].filter(Boolean).join(', ');
  return [
    ['Bare Express hello', fmt(r.bare.requestsPerSecond), `${r.bare.p50Ms}`, `${r.bare.p99Ms}`, cpu(r.bare.cpuMsPerRequest), '1.000', '', ''],
    [
      `Bare Express, ${fmt(r.bareBytes.bytes)} bytes from memory (the map page's size)`,
      fmt(r.bareBytes.requestsPerSecond), `${r.bareBytes.p50Ms}`, `${r.bareBytes.p99Ms}`, cpu(r.bareBytes.cpuMsPerRequest),
      (Math.round((r.bareBytes.requestsPerSecond / r.bare.requestsPerSecond) * 1000) / 1000).toFixed(3), 'yardstick', '–',
    ],
    ...r.scenarios.map((s): Row => [
      s.unexpected > 0 ? `${s.title} (unexpected: ${describe(s.other)})` : s.title,
      fmt(s.requestsPerSecond), `${s.p50Ms}`, `${s.p99Ms}`, cpu(s.cpuMsPerRequest), s.ratio.toFixed(3), target(s.target), yes(s.met),
    ]),
  ];
}

function describe(other: ScenarioResult['other']): string {
  return Object.entries(other)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

function exportRows(r: BenchResult): string[][] {
  return r.exports.map((e) => [
    `${e.format.toUpperCase()} export, ${fmt(r.dataset.largest.candidates)} candidates`,
    `${e.seconds} s`, `${e.memoryGrowthMb} MB (peak ${e.peakMb} MB)`, `${fmt(e.bytes)} bytes`,
    e.target ? `≤ ${e.target.seconds} s, ≤ ${e.target.memoryGrowthMb} MB` : 'measured',
    e.met === null ? '–' : e.met ? 'yes' : 'NO',
  ]);
}

function otherRows(r: BenchResult): string[][] {
  return [
    ['Server memory, peak over the run', `${r.memory.peakMb} MB`, `≤ ${r.memory.targetMb} MB`, r.memory.met ? 'yes' : 'NO'],
    [
      `Staff insights, first view after a vote (median of ${r.insightsAfterVote.rounds}${r.insightsAfterVote.failures ? `, ${r.insightsAfterVote.failures} failed` : ''})`,
      `${r.insightsAfterVote.medianMs} ms (max ${r.insightsAfterVote.maxMs} ms)`, 'measured', '–',
    ],
    [`Generating ${fmt(r.dataset.counts.votes)} votes`, `${r.generation.votesSeconds} s`, `≤ ${r.generation.targetSeconds} s`, r.generation.met ? 'yes' : 'NO'],
  ];
}

export function printable(r: BenchResult): string {
  return [
    table(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'ratio', 'target', 'met'], rows(r)),
    table(['export', 'time', 'memory growth', 'size', 'target', 'met'], exportRows(r)),
    table(['other', 'measured', 'target', 'met'], otherRows(r)),
  ].join('\n\n');
}

export function markdown(r: BenchResult): string {
  const d = r.dataset;
  return [
    RESULTS_START,
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB RAM, ${r.machine.os}, Node ${r.machine.node}.`,
    `${r.load.connections} connections, ${r.load.warmupSeconds} s warm-up, ${r.load.durationSeconds} s measured per scenario; autocannon runs on the same machine.`,
    '',
    `Dataset: ${fmt(d.counts.municipalities)} municipalities, ${fmt(d.counts.journeys)} published journeys with ${fmt(d.counts.steps)} steps, ` +
      `${fmt(d.counts.participants)} participants, ${fmt(d.counts.painPoints)} pain points (${fmt(d.counts.merged)} merged, ${fmt(d.counts.answers)} answered), ` +
      `${fmt(d.counts.votes)} votes. Generated in ${d.seconds.total} s: journeys ${d.seconds.journeys} s, participants ${d.seconds.participants} s, ` +
      `pain points ${d.seconds.painPoints} s, votes ${d.seconds.votes} s, ranking rebuild ${d.seconds.ranking} s.`,
    '',
    mdTable(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'ratio to bare', 'target', 'met'], rows(r)),
    '',
    mdTable(['export', 'time', 'server memory growth', 'size', 'target', 'met'], exportRows(r)),
    '',
    mdTable(['other', 'measured', 'target', 'met'], otherRows(r)),
    RESULTS_END,
  ].join('\n');
}

/** Writes latest.json and replaces the results section of the benchmarks page. */
export function writeResults(r: BenchResult, root: string): void {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(r, null, 2)}\n`);
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const text = fs.readFileSync(doc, 'utf8');
  const start = text.indexOf(RESULTS_START);
  const end = text.indexOf(RESULTS_END);
  if (start < 0 || end < start) throw new Error(`${doc} has no results markers`);
  fs.writeFileSync(doc, text.slice(0, start) + markdown(r) + text.slice(end + RESULTS_END.length));
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function mdTable(head: string[], body: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function cpu(ms: number): string {
  return ms.toFixed(3);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
