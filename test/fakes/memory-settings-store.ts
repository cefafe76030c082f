import type { CommunitySettings, SettingsStore, UserSettings } from '../../src/core/ports/settings.port.ts';
import { stored } from './clone.ts';

/** Member and community settings in memory; a patch merges, `undefined` deletes a field. */
export class MemorySettingsStore implements SettingsStore {
  private readonly users = new Map<string, Record<string, unknown>>();
  private readonly communities = new Map<string, Record<string, unknown>>();

  private patch(map: Map<string, Record<string, unknown>>, id: string, patch: Record<string, unknown>) {
    const next = { ...(map.get(id) ?? {}) };
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) delete next[field];
      else next[field] = stored(value);
    }
    if (Object.keys(next).length === 0) map.delete(id);
    else map.set(id, next);
    return stored(next);
  }

  async getUser(userId: string): Promise<UserSettings> {
    return stored(this.users.get(userId) ?? {}) as UserSettings;
  }

  async updateUser(userId: string, patch: Record<string, unknown>): Promise<UserSettings> {
    return this.patch(this.users, userId, patch) as UserSettings;
  }

  async deleteUser(userId: string): Promise<void> {
    this.users.delete(userId);
  }

  async getCommunity(communityId: string): Promise<CommunitySettings> {
    return stored(this.communities.get(communityId) ?? {}) as CommunitySettings;
  }

  async updateCommunity(communityId: string, patch: Record<string, unknown>): Promise<CommunitySettings> {
    return this.patch(this.communities, communityId, patch) as CommunitySettings;
  }
}
