import type { TrackerEntry } from './tracker.ts';

/** The application tracker of each member: one record per application, kept under the member. */
export interface TrackerPort {
  /** A fresh entry id (letters and digits, never all digits). */
  newId(): string;
  /** Creates or replaces an entry. */
  save(entry: TrackerEntry): Promise<void>;
  get(userId: string, id: string): Promise<TrackerEntry | undefined>;
  /** The member's entries, oldest first. */
  list(userId: string): Promise<TrackerEntry[]>;
  /** Deletes one entry; false when there was none. */
  remove(userId: string, id: string): Promise<boolean>;
  /** Deletes every entry of the member (`/mydata delete`). */
  removeAll(userId: string): Promise<void>;
}
