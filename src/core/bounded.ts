/**
 * Resolves when `promise` settles or `ms` has passed, whichever comes first; never rejects. An
 * infinite `ms` waits for the promise (setTimeout would take it for 1 ms).
 */
export async function bounded(promise: Promise<unknown>, ms: number): Promise<void> {
  if (!Number.isFinite(ms)) {
    await promise.catch(() => undefined);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  clearTimeout(timer);
}
