import { runRole } from './roles.ts';

/**
 * `imgbot start` / `npm start`: makes sure Redis is there (a private one only
 * for a newcomer with REDIS_URL unset), then runs Discord and/or Slack when
 * their tokens are set plus the workers, or the shell (with the sample
 * listings in an empty store) when none is.
 */
export function startCommand(source: Readonly<Record<string, string | undefined>>): Promise<void> {
  return runRole(source, 'start');
}
