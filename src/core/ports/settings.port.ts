import type { DigestSchedule } from '../alerts/digest.ts';
import type { MemberProfile } from '../profile/profile.ts';

/** A daily window in the member's local time during which nothing is delivered. */
export interface QuietHours {
  readonly from: { readonly hour: number; readonly minute: number };
  readonly to: { readonly hour: number; readonly minute: number };
}

/** What the bot keeps about one member. */
export interface UserSettings {
  readonly zone?: string;
  readonly quietHours?: QuietHours;
  /** Set after the first permanent delivery failure (DMs closed, user gone). */
  readonly undeliverable?: { readonly since: number; readonly reason: string };
  /** Platform address of the member's DM (filled by adapters on first contact, e.g. `slack:T1:U1`). */
  readonly dmAddress?: string;
  /** Where the member last ran a command, so a community that enables it can say DMs failed. */
  readonly lastChannel?: string;
  /** The eligibility profile (`/profile`). */
  readonly profile?: MemberProfile;
  /** Reminders `/plan` created, by `<match year>:<milestone id>`, so a second run creates none again. */
  readonly planReminders?: Readonly<Record<string, string>>;
  /** How alert matches reach the member (absent: instant). */
  readonly alertDigest?: DigestSchedule;
}

/** What moderators configure for one community (guild, workspace, shell). */
export interface CommunitySettings {
  /** Platform role or user-group id whose holders are moderators. */
  readonly modRoleId?: string;
  /** Extra moderators by platform-scoped user id. */
  readonly modUserIds?: readonly string[];
  /** Platform address where new postings are announced. */
  readonly announceChannel?: string;
  /** Days before a deadline at which deadline reminders go out. */
  readonly deadlineOffsetsDays?: readonly number[];
  /** Days of silence after applying before a follow-up reminder (14-21). */
  readonly followUpDays?: number;
  /** Tell a member in the channel when their DMs cannot be delivered. */
  readonly notifyUndeliverableInChannel?: boolean;
}

/** Member and community settings. Updates are atomic merges. */
export interface SettingsStore {
  getUser(userId: string): Promise<UserSettings>;
  /** Merges `patch` into the stored settings atomically; `undefined` values delete the field. */
  updateUser(userId: string, patch: Partial<Record<keyof UserSettings, unknown>>): Promise<UserSettings>;
  deleteUser(userId: string): Promise<void>;
  getCommunity(communityId: string): Promise<CommunitySettings>;
  updateCommunity(
    communityId: string,
    patch: Partial<Record<keyof CommunitySettings, unknown>>,
  ): Promise<CommunitySettings>;
}
