import { enabledPlatforms } from '../config/env.ts';
import { appFromBoot, loadBootConfig, onShutdownSignal } from './boot.ts';
import { startServices } from './services.ts';

/**
 * `imgbot worker`: only the job workers, for scaling them out beside the
 * adapters. It delivers through the platforms' REST APIs, so it registers the
 * notifier of every platform whose token is set (Discord needs no gateway);
 * a reminder for a platform with no notifier here is retried, never dropped.
 */
export async function workerCommand(source: Readonly<Record<string, string | undefined>>): Promise<void> {
  const boot = await loadBootConfig(source);
  const app = appFromBoot(boot);
  // why dynamic: a platform's library is loaded only when its token is set
  if (boot.env.DISCORD_TOKEN) {
    const { registerDiscordNotifier } = await import('../bots/discord/start-discord.ts');
    registerDiscordNotifier(app, boot.env.DISCORD_TOKEN, boot.env.DISCORD_API_URL);
  }
  if (enabledPlatforms(boot.env).slack) {
    const { registerSlackNotifier } = await import('../bots/slack/start-slack.ts');
    registerSlackNotifier(app, boot.env, boot.logger);
  }
  const services = await startServices(app, boot);
  boot.logger.info('workers running; stop with Ctrl-C');
  await new Promise<void>((resolve) => {
    onShutdownSignal(boot.logger, async () => {
      await services.close();
      await app.close();
      resolve();
    });
  });
}
