// Several decks are worked on at once; these keep one deck's failure from
// being lost, or from crashing the process before anyone awaits it.

/** Waits for every promise, then returns all values or throws the first failure (in input order). */
export async function settleAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises)
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) throw failure.reason
  return results.map((result) => (result as PromiseFulfilledResult<T>).value)
}

/**
 * Marks a promise whose failure someone will await later, so that Node does
 * not treat a rejection that comes first as unhandled. Awaiting it still throws.
 */
export function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {})
  return promise
}
