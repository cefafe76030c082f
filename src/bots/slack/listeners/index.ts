import type { App, InstallationStore } from '@slack/bolt';
import type { SlackDeps } from '../slack-deps.ts';
import { register as registerActions } from './actions/index.ts';
import { register as registerCommands } from './commands/index.ts';
import { register as registerEvents } from './events/index.ts';
import { registerUninstall } from './events/uninstall.ts';
import { register as registerShortcuts } from './shortcuts/index.ts';
import { register as registerViews } from './views/index.ts';

/**
 * Every listener, one folder per kind (Bolt's starter layout). With OAuth,
 * the uninstall events also remove the workspace's installation.
 */
export function registerListeners(app: App, deps: SlackDeps, installations?: InstallationStore): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerEvents(app, deps);
  if (installations) registerUninstall(app, installations, deps.logger);
}
