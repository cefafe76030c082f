import type { Hono } from 'hono';
import type { WebEnv } from '../context.ts';

/** Sign in with Discord (filled in by the OAuth slice). */
export function registerDiscordSignIn(_app: Hono<WebEnv>): void {}
