/** Request samples and their summary per phase. */

export interface Sample {
  phase: string;
  instance: 'A' | 'B';
  /** What was asked, e.g. 'dashboard', 'article', 'write-post'. */
  op: string;
  status: number;
  ms: number;
  /** Network error or timeout (status 0). */
  error?: string;
}

export interface PhaseSummary {
  phase: string;
  requests: number;
  errors: number;
  status5xx: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

export function summarize(phase: string, samples: Sample[]): PhaseSummary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    phase,
    requests: samples.length,
    errors: samples.filter((s) => s.status === 0).length,
    status5xx: samples.filter((s) => s.status >= 500).length,
    p50: Math.round(percentile(ms, 0.5)),
    p99: Math.round(percentile(ms, 0.99)),
    max: Math.round(ms[ms.length - 1] ?? 0),
  };
}

/** Fixed-width text table. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
