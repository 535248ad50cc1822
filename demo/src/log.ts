/** One JSON object per line, to stdout and optionally to LOG_FILE (tailed by Promtail). */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

import { SERVICE_NAME } from './config';

export type Level = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
  close(): Promise<void>;
}

export function createLogger(logFile?: string): Logger {
  let stdout = true;
  // A closed stdout (e.g. `| head`) must not crash the service; keep writing LOG_FILE if there is one.
  process.stdout.on('error', () => {
    stdout = false;
  });
  let file: WriteStream | undefined;
  if (logFile) {
    try {
      mkdirSync(dirname(logFile), { recursive: true });
    } catch {
      // reported by the stream's error handler below
    }
    file = createWriteStream(logFile, { flags: 'a' });
    // A log file we cannot write (e.g. volume permissions) must not take the service down: say so once
    // on stderr and keep logging to stdout.
    file.on('error', (e) => {
      process.stderr.write(
        JSON.stringify({
          ts: new Date().toISOString(),
          level: 'error',
          service: SERVICE_NAME,
          msg: `LOG_FILE disabled: ${e.message}`,
        }) + '\n'
      );
      file = undefined;
    });
  }
  return {
    log(level, msg, fields = {}) {
      const line =
        JSON.stringify({ ts: new Date().toISOString(), level, service: SERVICE_NAME, ...fields, msg }) + '\n';
      if (stdout) {
        process.stdout.write(line);
      }
      file?.write(line);
    },
    close() {
      return new Promise((resolve) => (file ? file.end(resolve) : resolve()));
    },
  };
}
