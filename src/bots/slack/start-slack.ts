import type { App } from '../../app.ts';
import type { BootConfig } from '../../runtime/boot.ts';

/** Starts the Slack adapter (filled in by the Slack issue); returns its stop function. */
export async function startSlack(_app: App, _boot: BootConfig): Promise<() => Promise<void>> {
  throw new Error('The Slack adapter is not available in this version yet.');
}

/** `imgbot slack-manifest`: prints the app manifest generated from the registry. */
export async function slackManifestCommand(_opts: { url?: string; socket?: boolean }): Promise<void> {
  throw new Error('imgbot slack-manifest is not available in this version yet.');
}
