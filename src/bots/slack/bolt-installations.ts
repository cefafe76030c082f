import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type {
  InstallationStore as InstallationPort,
  InstallationRecord,
} from '../../core/ports/installation.port.ts';

/** Bolt's installation store, plus the bot token lookup the notifier uses. */
export interface BoltInstallations extends InstallationStore {
  botToken(teamId: string): Promise<string | undefined>;
}

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/**
 * Bolt's installation store over the installation port: Bolt saves what its
 * OAuth flow returns and expects a throw when a workspace is unknown.
 */
export function boltInstallations(port: InstallationPort<InstallationRecord>): BoltInstallations {
  return {
    async storeInstallation(installation) {
      await port.save(installation);
    },
    async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
      const found = await port.find(query);
      if (!found)
        throw new Error(`No Slack installation for ${query.enterpriseId ?? ''}${query.teamId ?? ''}`);
      // why: every record was saved by storeInstallation above, from Bolt's own Installation
      return found as AnyInstallation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      await port.remove(query);
    },
    botToken: (teamId) => port.botToken(teamId),
  };
}
