import type { TrackerPort } from '../../src/core/tracker/tracker.port.ts';
import type { TrackerEntry } from '../../src/core/tracker/tracker.ts';
import { idMaker, stored } from './clone.ts';

/** The tracker in memory: entries per member, oldest first (see test/contracts/tracker-store.contract.ts). */
export class MemoryTrackerStore implements TrackerPort {
  private readonly byUser = new Map<string, Map<string, TrackerEntry>>();
  readonly newId = idMaker('t', 7);

  async save(entry: TrackerEntry): Promise<void> {
    const mine = this.byUser.get(entry.userId) ?? new Map<string, TrackerEntry>();
    this.byUser.set(entry.userId, mine);
    mine.set(entry.id, stored(entry));
  }

  async get(userId: string, id: string): Promise<TrackerEntry | undefined> {
    const e = this.byUser.get(userId)?.get(id);
    return e && stored(e);
  }

  async list(userId: string): Promise<TrackerEntry[]> {
    return [...(this.byUser.get(userId)?.values() ?? [])]
      .map(stored)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  async remove(userId: string, id: string): Promise<boolean> {
    return this.byUser.get(userId)?.delete(id) ?? false;
  }

  async removeAll(userId: string): Promise<void> {
    this.byUser.delete(userId);
  }
}
