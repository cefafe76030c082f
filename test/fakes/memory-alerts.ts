import type {
  AlertStore,
  AlertsPort,
  AnnouncementLedger,
  AnnouncementQueue,
  PostState,
} from '../../src/core/alerts/alert.port.ts';
import type { Alert } from '../../src/core/alerts/alert.ts';
import type { DigestPort, DigestSchedule } from '../../src/core/alerts/digest.ts';
import type { ListingType } from '../../src/core/opportunities/listing.ts';
import { idMaker, stored } from './clone.ts';

/** Member alerts in memory: the per-member limit is checked with the add, as the Redis script does. */
export class MemoryAlertStore implements AlertStore {
  private readonly alerts = new Map<string, Alert>();
  private readonly notices = new Set<string>();
  readonly newId = idMaker('a');

  async add(alert: Alert, max: number): Promise<'added' | 'limit'> {
    if ((await this.listForUser(alert.userId)).length >= max) return 'limit';
    this.alerts.set(alert.id, stored(alert));
    return 'added';
  }

  async listForUser(userId: string): Promise<Alert[]> {
    return [...this.alerts.values()]
      .filter((a) => a.userId === userId)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map(stored);
  }

  async remove(userId: string, id: string): Promise<Alert | undefined> {
    const a = this.alerts.get(id);
    if (!a || a.userId !== userId) return undefined;
    this.alerts.delete(id);
    return stored(a);
  }

  async candidates(communityId: string, type: ListingType): Promise<Alert[]> {
    return [...this.alerts.values()]
      .filter(
        (a) => a.communityId === communityId && (a.filters.type === undefined || a.filters.type === type),
      )
      .map(stored);
  }

  async claimNotice(listingId: string, userId: string): Promise<boolean> {
    const k = `${listingId}|${userId}`;
    if (this.notices.has(k)) return false;
    this.notices.add(k);
    return true;
  }

  async forgetUser(userId: string): Promise<number> {
    const mine = await this.listForUser(userId);
    for (const a of mine) this.alerts.delete(a.id);
    for (const k of [...this.notices]) if (k.endsWith(`|${userId}`)) this.notices.delete(k);
    return mine.length;
  }
}

/** The announcement ledger in memory: a post is claimed once; the state is kept for the listing's life. */
export class MemoryAnnouncementLedger implements AnnouncementLedger {
  private readonly posts = new Map<string, PostState>();
  private readonly alertsDone = new Set<string>();

  async claimPost(listingId: string): Promise<'claimed' | PostState> {
    const post = this.posts.get(listingId);
    if (post) return post;
    this.posts.set(listingId, 'posting');
    return 'claimed';
  }

  async settlePost(listingId: string, state: Exclude<PostState, 'posting'>): Promise<void> {
    this.posts.set(listingId, state);
  }

  async releasePost(listingId: string): Promise<void> {
    this.posts.delete(listingId);
  }

  async state(listingId: string): Promise<{ post?: PostState; alertsDone: boolean }> {
    const post = this.posts.get(listingId);
    return { ...(post ? { post } : {}), alertsDone: this.alertsDone.has(listingId) };
  }

  async markAlertsDone(listingId: string): Promise<void> {
    this.alertsDone.add(listingId);
  }
}

/** The announcement queue as a list of what was queued (a listing queued twice keeps one entry). */
export class RecordingAnnouncementQueue implements AnnouncementQueue {
  readonly queued: string[] = [];

  async enqueue(listingIds: readonly string[]): Promise<void> {
    for (const id of listingIds) if (!this.queued.includes(id)) this.queued.push(id);
  }
}

/** Digests in memory: what waits per member (each listing once, oldest first) and each member's schedule. */
export class MemoryDigests implements DigestPort {
  private readonly waiting = new Map<string, { id: string; at: number }[]>();
  /** The schedule each member's digest job runs on, with its zone (absent: no job). */
  readonly schedules = new Map<string, { schedule: DigestSchedule; zone: string }>();

  async add(userId: string, listingId: string, at: number): Promise<void> {
    const list = this.waiting.get(userId) ?? [];
    if (!list.some((x) => x.id === listingId)) list.push({ id: listingId, at });
    this.waiting.set(
      userId,
      list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
    );
  }

  async take(userId: string): Promise<string[]> {
    const ids = await this.peek(userId);
    this.waiting.delete(userId);
    return ids;
  }

  async peek(userId: string): Promise<string[]> {
    return (this.waiting.get(userId) ?? []).map((x) => x.id);
  }

  async schedule(userId: string, s: DigestSchedule, zone: string): Promise<void> {
    if (s.mode === 'instant') this.schedules.delete(userId);
    else this.schedules.set(userId, { schedule: s, zone });
  }

  async forget(userId: string): Promise<void> {
    this.schedules.delete(userId);
    this.waiting.delete(userId);
  }
}

/** Every part of the alerts port in memory. */
export function memoryAlerts(): AlertsPort & {
  store: MemoryAlertStore;
  ledger: MemoryAnnouncementLedger;
  queue: RecordingAnnouncementQueue;
  digests: MemoryDigests;
} {
  return {
    store: new MemoryAlertStore(),
    ledger: new MemoryAnnouncementLedger(),
    queue: new RecordingAnnouncementQueue(),
    digests: new MemoryDigests(),
  };
}
