import type { App } from '../app.ts';
import { ShellNotifier } from '../bots/shell/shell-notifier.ts';
import { runShellSession } from '../bots/shell/shell-session.ts';
import { appFromBoot, type BootConfig, connectRedis, loadBootConfig, onShutdownSignal } from './boot.ts';
import { startServices } from './services.ts';

export interface ShellCliOptions {
  readonly user: string;
  readonly mod: boolean;
  /** A local role the shell user holds (`--role Moderators`). */
  readonly role?: string;
  readonly json: boolean;
  readonly tz?: string;
}

/** `imgbot shell`: the local adapter on this terminal, with workers so reminders arrive here. */
export async function shellCommand(
  source: Readonly<Record<string, string | undefined>>,
  opts: ShellCliOptions,
): Promise<void> {
  const boot = await loadBootConfig(source);
  const redis = await connectRedis(boot, 'other');
  const app = appFromBoot(boot);
  await runShellOn(app, boot, opts, async () => redis.stop());
}

/** Runs a shell session on stdin/stdout over an app, then releases everything. */
export async function runShellOn(
  app: App,
  boot: BootConfig,
  opts: ShellCliOptions,
  after: () => Promise<void>,
): Promise<void> {
  const notifier = new ShellNotifier();
  app.notifier.register('shell', notifier);
  const services = await startServices(app, boot);
  const stopAll = async () => {
    await services.close();
    await app.close();
    await after();
  };
  // On a signal, stop reading; the session then drains and the code below closes everything.
  onShutdownSignal(boot.logger, async () => {
    process.stdin.destroy();
  });
  if (opts.tz) await app.deps.userSettings.updateUser(`shell:${opts.user}`, { zone: opts.tz });
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !opts.json;
  // A person at the prompt reads replies; routine log lines would bury them (LOG_LEVEL still wins).
  if (interactive && boot.env.LOG_LEVEL === undefined) boot.logger.level = 'warn';
  await runShellSession(
    {
      env: { deps: app.deps, registry: app.registry },
      notifier,
      awaitPendingDeliveries: (userId) => services.awaitPendingDeliveries(userId),
    },
    {
      user: opts.user,
      moderator: opts.mod,
      ...(opts.role ? { roles: [opts.role] } : {}),
      json: opts.json,
      input: process.stdin,
      output: process.stdout,
      interactive,
    },
  );
  await stopAll();
  boot.logger.flush?.();
  process.exitCode = 0;
}
