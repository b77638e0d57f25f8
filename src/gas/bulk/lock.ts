// One document-wide lock for everything that writes in bulk or saves the model, so two runs never interleave writes.

// Bulk runs wait briefly: a second click should be told "busy" quickly rather than queue behind a long run.
export const BULK_LOCK_WAIT_MS = 2_000;

/**
 * Runs `body` holding the document lock (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()),
 * the same lock saveModel takes; returns `busy()` when another execution holds it. The lock is released on return
 * or throw, and Apps Script releases it anyway when an execution ends.
 */
export function withDocumentLock<T>(busy: () => T, body: () => T, waitMs = BULK_LOCK_WAIT_MS): T {
  // getDocumentLock is null outside a document-bound context; the script lock still keeps runs apart.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return busy();
  try {
    return body();
  } finally {
    lock.releaseLock();
  }
}
