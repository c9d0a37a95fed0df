// Password checks take turns. scrypt runs on Node's small libuv thread pool (4 threads), which gzip
// compression and file I/O share: 60 sign-ins at once held every thread for seconds and stalled other
// people's compressed pulls. A sign-in's whole check (its throttle row, the user, the hash) runs in one
// turn, so a burst also waits here in memory rather than in the database's queue ahead of everyone's
// pulls. At most PASSWORD_TURNS run at a time; up to MAX_WAITING more wait, and beyond that a sign-in is
// refused at once with 429 and Retry-After rather than queued for minutes.
import { HttpError } from '../http/errors';

export const PASSWORD_TURNS = 1;
export const MAX_WAITING = 32;

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` in its turn; throws 429 `rate_limited` when too many are already waiting. */
export async function withPasswordTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= PASSWORD_TURNS) {
    if (waiting.length >= MAX_WAITING) {
      throw new HttpError(429, 'rate_limited', 'Too many sign-ins at once; try again shortly', undefined, 5);
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    // The turn passes straight to the next in line, or frees up.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
