/**
 * A small buffered OpenMetrics text writer for promtool's `create-blocks-from openmetrics`.
 * promtool wants: one `# TYPE` per family before its samples, all samples of a family together, each series'
 * samples in time order, timestamps in seconds, and a final `# EOF`.
 */
import { createWriteStream, type WriteStream } from 'node:fs';

const FLUSH_BYTES = 1 << 20;

function escapeValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** `{a="x",b="y"}` (empty string for no labels), label order as given. */
export function labelText(labels: Record<string, string>): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeValue(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export class OpenMetricsWriter {
  private readonly out: WriteStream;
  private buf: string[] = [];
  private bytes = 0;
  private families = new Set<string>();
  lines = 0;

  constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
  }

  /** Starts a metric family; every family name may appear once. */
  async family(name: string, type: 'counter' | 'gauge' | 'summary'): Promise<void> {
    if (this.families.has(name)) {
      throw new Error(`OpenMetrics family ${name} written twice`);
    }
    this.families.add(name);
    await this.push(`# TYPE ${name} ${type}\n`);
  }

  /** One sample, buffered. `series` is the name plus label text; `value` is written verbatim (e.g. `NaN`). */
  sample(series: string, value: string | number, timestampSec: number): void {
    this.lines++;
    const line = `${series} ${value} ${timestampSec}\n`;
    this.buf.push(line);
    this.bytes += line.length;
  }

  /** Writes the buffer out once it is large; call it between series so memory stays bounded. */
  async flushIfFull(): Promise<void> {
    if (this.bytes >= FLUSH_BYTES) {
      await this.push('', true);
    }
  }

  async close(): Promise<void> {
    await this.push('# EOF\n', true);
    await new Promise<void>((resolve, reject) => this.out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }

  private async push(text: string, force = false): Promise<void> {
    this.buf.push(text);
    this.bytes += text.length;
    if (this.bytes >= FLUSH_BYTES || force) {
      const chunk = this.buf.join('');
      this.buf = [];
      this.bytes = 0;
      if (!this.out.write(chunk)) {
        await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
      }
    }
  }
}
