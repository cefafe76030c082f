import type { Actor } from './identity.ts';
import type { CommunitySettings } from './ports/settings.port.ts';

/**
 * Moderator policy, enforced in the core for every command and button
 * (hiding commands on a platform is a convenience, not a control).
 * A moderator is a platform admin (Manage Server, workspace admin/owner, the
 * shell's --mod), a holder of the community's moderator role or user group,
 * or a user the community lists explicitly.
 */
export function isModerator(actor: Actor, community: CommunitySettings): boolean {
  if (actor.platformAdmin) return true;
  if (community.modUserIds?.includes(actor.userId)) return true;
  return community.modRoleId !== undefined && actor.roleIds.includes(community.modRoleId);
}
