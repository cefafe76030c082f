import type { Hono } from 'hono';
import type { WebEnv } from '../context.ts';

/** Sign in with Slack (filled in by the OAuth slice). */
export function registerSlackSignIn(_app: Hono<WebEnv>): void {}
