import { registerDiscordNotifier } from '../bots/discord/start-discord.ts';
import { registerSlackNotifier } from '../bots/slack/start-slack.ts';
import { enabledPlatforms } from '../config/env.ts';
import { appFromBoot, connectRedis, loadBootConfig, onShutdownSignal } from './boot.ts';
import { installProcessGuard } from './process-guard.ts';
import { startServices } from './services.ts';

/**
 * `imgbot worker`: only the job workers, for scaling them out beside the
 * adapters. It delivers through the platforms' REST APIs, so it registers the
 * notifier of every platform whose token is set (Discord needs no gateway);
 * a reminder for a platform with no notifier here is retried, never dropped.
 */
export async function workerCommand(source: Readonly<Record<string, string | undefined>>): Promise<void> {
  const boot = await loadBootConfig(source);
  installProcessGuard({ logger: boot.logger, onOverwhelmed: () => process.kill(process.pid, 'SIGTERM') });
  await connectRedis(boot, 'other');
  const app = appFromBoot(boot);
  if (boot.env.DISCORD_TOKEN) registerDiscordNotifier(app, boot.env.DISCORD_TOKEN, boot.env.DISCORD_API_URL);
  if (enabledPlatforms(boot.env).slack) registerSlackNotifier(app, boot.env, boot.logger);
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
