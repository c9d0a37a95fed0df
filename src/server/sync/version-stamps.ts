// The version of one push, per space (docs/sync.md). The first write to a space in a request increments that
// space's counter under its row lock (nextSpaceVersion); every later row written to the space in the same
// request gets the same number, and the lock is held until commit, so version order is commit order.
// A mutation runs in a savepoint: if it is rolled back, so are the counter increments and row locks it
// took, and the stamps it made are forgotten here, or rows would be written with a number already undone.
import type { DbExecutor } from '../db/database';
import { nextSpaceVersion } from '../db/versions';

export class VersionStamps {
  private readonly versions = new Map<string, number>();

  /** The version for rows written to `spaceId` by this request; call with the handle writing them. */
  async for(tx: DbExecutor, spaceId: string): Promise<number> {
    const known = this.versions.get(spaceId);
    if (known !== undefined) return known;
    const version = await nextSpaceVersion(tx, spaceId);
    this.versions.set(spaceId, version);
    return version;
  }

  /** Runs `work`; when it throws, forgets the stamps it made (their savepoint is being rolled back). */
  async undoneOnFailure<T>(work: () => Promise<T>): Promise<T> {
    const before = new Set(this.versions.keys());
    try {
      return await work();
    } catch (error) {
      for (const spaceId of [...this.versions.keys()]) if (!before.has(spaceId)) this.versions.delete(spaceId);
      throw error;
    }
  }
}
