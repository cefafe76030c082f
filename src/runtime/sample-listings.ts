import type { App } from '../app.ts';
import type { BootConfig } from './boot.ts';

/**
 * On `npm start` only: loads `config/opportunities.sample.csv` into an empty
 * store so a newcomer's first search shows results. Filled in by the listings issue.
 */
export async function loadSampleListingsIfEmpty(_app: App, _boot: BootConfig): Promise<void> {}
