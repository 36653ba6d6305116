/** Where progress goes and how: a redrawn bar on a terminal, plain lines otherwise. */
export interface ProgressOptions {
  readonly write: (text: string) => void;
  readonly tty: boolean;
  /** Milliseconds clock (tests fix it). */
  readonly now?: () => number;
  /** Bar width in characters (default 30). */
  readonly width?: number;
}

/** Reports rows written out of a total. */
export interface Progress {
  start(total: number): void;
  update(done: number): void;
  finish(): void;
}

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.ceil(seconds);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/**
 * A progress reporter. On a terminal it redraws one line (`\r`) at most ten times a
 * second: a bar, percent, rows, rows/s and ETA. Otherwise it writes a plain line at
 * each further 10% (and at the end), so logs stay short.
 */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const width = options.width ?? 30;
  let total = 0;
  let started = 0;
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let lastDone = -1;
  const line = (done: number): { pct: number; text: string } => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    const left = rate > 0 ? (total - done) / rate : Infinity;
    return {
      pct,
      text: `${done}/${total} 行 rows, ${Math.round(rate)} 行/秒 rows/s, 剩余 ETA ${eta(left)}`,
    };
  };
  const draw = (done: number, force: boolean) => {
    const { pct, text } = line(done);
    if (options.tty) {
      if (!force && now() - lastDraw < 100) return;
      lastDraw = now();
      const filled = Math.round((pct / 100) * width);
      options.write(
        `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${
          String(pct).padStart(3)
        }% ${text}`,
      );
      return;
    }
    const tenth = Math.floor(pct / 10);
    if (!force && tenth <= lastTenth) return;
    if (force && done === lastDone) return;
    lastTenth = tenth;
    lastDone = done;
    options.write(`导入进度 import progress ${pct}%: ${text}\n`);
  };
  let current = 0;
  return {
    start(rows) {
      total = rows;
      started = now();
      current = 0;
    },
    update(done) {
      current = done;
      draw(done, false);
    },
    finish() {
      draw(current, true);
      if (options.tty) options.write("\n");
    },
  };
}
