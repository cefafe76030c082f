import { startDiscord } from '../bots/discord/start-discord.ts';
import { startSlack } from '../bots/slack/start-slack.ts';
import { enabledPlatforms } from '../config/env.ts';
import { appFromBoot, connectRedis, loadBootConfig, onShutdownSignal } from './boot.ts';
import { installProcessGuard } from './process-guard.ts';
import { loadSampleListingsIfEmpty } from './sample-listings.ts';
import { startServices } from './services.ts';
import { runShellOn } from './shell.ts';

/**
 * `imgbot start` / `npm start`: makes sure Redis is there (a private one if
 * needed), loads the sample listings into an empty store, then runs Discord
 * and/or Slack when their tokens are set, or the shell when none is.
 */
export async function startCommand(source: Readonly<Record<string, string | undefined>>): Promise<void> {
  const boot = await loadBootConfig(source);
  installProcessGuard({ logger: boot.logger, onOverwhelmed: () => process.kill(process.pid, 'SIGTERM') });
  const redis = await connectRedis(boot, 'start');
  const app = appFromBoot(boot);
  await loadSampleListingsIfEmpty(app, boot);
  const platforms = enabledPlatforms(boot.env);
  if (!platforms.discord && !platforms.slack) {
    const user = source.USER && /^[A-Za-z0-9_.-]{1,32}$/.test(source.USER) ? source.USER : 'me';
    // The local operator of a fresh install is its moderator.
    await runShellOn(app, boot, { user, mod: true, json: false }, () => redis.stop());
    return;
  }
  // Adapters first: they register their notifiers, so a reminder that came due
  // while the bot was down finds its platform when the worker starts.
  const stops: (() => Promise<void>)[] = [];
  if (platforms.discord) stops.push(await startDiscord(app, boot));
  if (platforms.slack) stops.push(await startSlack(app, boot));
  const services = await startServices(app, boot);
  boot.logger.info({ ...platforms }, 'imgbot is running; stop with Ctrl-C');
  await new Promise<void>((resolve) => {
    onShutdownSignal(boot.logger, async () => {
      for (const stop of stops) await stop();
      await services.close();
      await app.close();
      await redis.stop();
      resolve();
    });
  });
}
