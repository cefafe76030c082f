import { createApp } from '../app.ts';
import { loadBootConfig, onShutdownSignal } from './boot.ts';
import { startServices } from './services.ts';

/** `imgbot worker`: only the job workers, for scaling them out beside the adapters. */
export async function workerCommand(source: Readonly<Record<string, string | undefined>>): Promise<void> {
  const boot = await loadBootConfig(source);
  const app = createApp({
    redisUrl: boot.env.REDIS_URL,
    prefix: boot.env.IMGBOT_PREFIX,
    settings: boot.settings,
    logger: boot.logger,
    faqEntries: boot.faq,
  });
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
