// Deletes the temporary files of unfinished outputs when a signal stops the process (Ctrl-C, kill, a closed terminal).
import { unlinkSync } from 'node:fs';
import { constants } from 'node:os';

/** Signals whose default action ends the process without running any of our code: cleanup must be set up for them. */
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const pending = new Set<string>();

function onSignal(signal: NodeJS.Signals): void {
  for (const file of pending) {
    try {
      // Synchronously: the process ends right after this handler.
      unlinkSync(file);
    } catch {
      // Gone already (renamed into place a moment ago, or removed by abort).
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.off(s, onSignal);
  // Ended by the same signal, with our handler gone: the shell sees "interrupted" (exit status 130 for Ctrl-C), as
  // without the handler, and a script running us stops too.
  try {
    process.kill(process.pid, signal);
  } catch {
    // A system that cannot send it (Windows and SIGHUP): the exit status a shell gives a process the signal ended.
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
}

/**
 * Deletes `file` if a signal stops the process before the returned function is called. Without this, a run stopped
 * with Ctrl-C leaves its temporary output (as large as the scored file, and hidden by its leading dot) beside the target.
 */
export function deleteOnSignal(file: string): () => void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(file);
  return () => {
    if (!pending.delete(file)) return;
    if (pending.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
  };
}
