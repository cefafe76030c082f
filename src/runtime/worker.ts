import { runRole } from './roles.ts';

/**
 * `imgbot worker`: only the job workers, for scaling them out beside the
 * adapters. It delivers through the platforms' REST APIs, so it registers the
 * notifier of every platform whose token is set (Discord needs no gateway);
 * a reminder for a platform with no notifier here is retried, never dropped.
 */
export function workerCommand(source: Readonly<Record<string, string | undefined>>): Promise<void> {
  return runRole(source, 'worker');
}
