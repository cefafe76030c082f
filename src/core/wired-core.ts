import type { Registry } from './commands/registry.ts';
import type { CoreDeps } from './deps.ts';
import type { NotifierRouter } from './notifier-router.ts';

/**
 * What an adapter is handed by the composition root: the core's ports, the
 * registry of everything it renders, and the router it registers its
 * notifier with. Adapters never build stores or import the composition root.
 */
export interface WiredCore {
  readonly deps: CoreDeps;
  readonly registry: Registry;
  readonly notifier: NotifierRouter;
}
