/**
 * Platform-scoped identity and addresses (architecture rule 4). A user id is
 * `discord:<id>`, `slack:<team>:<user>` or `shell:<name>`; a community is a
 * guild (`discord:<guild>`), a workspace (`slack:<team>`) or `shell:local`.
 * Reminders store these strings, so jobs never need to know the platform.
 */
export type Platform = 'discord' | 'slack' | 'shell';

const PLATFORMS: readonly Platform[] = ['discord', 'slack', 'shell'];

/** Returns the platform a user or community id belongs to, or undefined when it has none. */
export function platformOf(id: string): Platform | undefined {
  const head = id.slice(0, id.indexOf(':'));
  return PLATFORMS.find((p) => p === head);
}

/** Everything the core needs to know about who is acting and where. */
export interface Actor {
  /** Platform-scoped user id, e.g. `discord:123`. */
  readonly userId: string;
  /** Platform-scoped community id, e.g. `discord:<guild>` or `shell:local`. */
  readonly communityId: string;
  readonly displayName: string;
  /** The platform itself says this user administers the community (Manage Server, workspace admin, shell --mod). */
  readonly platformAdmin: boolean;
  /** Platform role or user-group ids the user holds (compared with the community's moderator role). */
  readonly roleIds: readonly string[];
  /** Where the command was typed (platform-scoped channel address), when there is one. */
  readonly channel?: string;
}

/** The shell's single community. */
export const SHELL_COMMUNITY = 'shell:local';

/**
 * What records moderators keep (listings, reports, audit entries) say in place
 * of a member who deleted their data with `/mydata delete`. No platform, so
 * nothing is ever sent to it.
 */
export const DELETED_MEMBER = 'deleted-member';
