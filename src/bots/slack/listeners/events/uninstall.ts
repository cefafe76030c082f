import type { App, InstallationStore } from '@slack/bolt';
import type { CoreLogger } from '../../../../core/ports/logger.port.ts';

/**
 * OAuth mode: when a workspace removes the app (`app_uninstalled`) or revokes
 * its bot token (`tokens_revoked`), its installation (and so its token) is
 * deleted from Redis; reminders to its members then fail as "no bot token"
 * until it is installed again.
 */
export function registerUninstall(app: App, store: InstallationStore, logger: CoreLogger): void {
  const forget = async (teamId: string | undefined, enterpriseId: string | undefined, why: string) => {
    if (!teamId && !enterpriseId) return;
    try {
      await store.deleteInstallation?.({ teamId, enterpriseId, isEnterpriseInstall: false });
      logger.info({ teamId, why }, 'slack installation removed');
    } catch (err) {
      logger.warn({ err, teamId }, 'could not remove a slack installation');
    }
  };
  app.event('app_uninstalled', async ({ context }) => {
    await forget(context.teamId, context.enterpriseId, 'app_uninstalled');
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0)
      await forget(context.teamId, context.enterpriseId, 'tokens_revoked');
  });
}
