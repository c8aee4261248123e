/**
 * A tiny progress bar for command-line tools. On a terminal it redraws one line in place; elsewhere (CI logs,
 * redirected output) it prints a plain line at every 10% so logs stay short.
 */
export interface ProgressOptions {
  total: number;
  label: string;
  write: (text: string) => void;
  isTTY: boolean;
  now?: () => number;
}

export interface Progress {
  /** Counts `n` more items done (default 1). */
  tick(n?: number): void;
  /** Marks everything done, draws the final state and ends the line. */
  done(): void;
}

const BAR_WIDTH = 24;

export function createProgress({ total, label, write, isTTY, now = Date.now }: ProgressOptions): Progress {
  const started = now();
  let count = 0;
  // The last percent drawn (terminal) or tenth printed (plain): redrawing only on change bounds the output
  // to about a hundred writes however large the file.
  let shown = isTTY ? -1 : 0;
  let finished = false;

  const percent = () => (total <= 0 ? 100 : Math.floor((count / total) * 100));
  const status = () => {
    const seconds = Math.max(now() - started, 1) / 1000;
    return `${label} ${count}/${total} ${percent()}% ${Math.round(count / seconds)}/s`;
  };
  const draw = () => {
    const p = percent();
    if (isTTY) {
      if (p === shown) return;
      shown = p;
      const filled = Math.round((BAR_WIDTH * p) / 100);
      // \r returns to the line start and ESC[K clears what a longer previous line left behind.
      write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${status()}\x1b[K`);
    } else if (Math.floor(p / 10) > shown) {
      shown = Math.floor(p / 10);
      write(`${status()}\n`);
    }
  };

  return {
    tick(n = 1) {
      if (finished) return;
      count = Math.min(count + n, Math.max(total, 0));
      draw();
    },
    done() {
      if (finished) return;
      finished = true;
      count = Math.max(total, 0);
      draw();
      if (isTTY) write('\n');
    },
  };
}
