/** A store that cannot be used as asked: a bad URL, a server that is down, a store never pushed to. One line for the user, exit status 1. */
export class StoreError extends Error {
  override name = 'StoreError';
}
