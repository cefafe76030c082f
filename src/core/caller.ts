import type { CommandContext } from './commands/command.ts';
import type { Actor } from './identity.ts';

/**
 * Who asks a use case for something, where and when: the member (and the
 * community they asked in), their IANA zone and the instant the request
 * arrived (UTC ms). A use case gets it inside its plain request, so it runs
 * the same from a command, a button, a job or a test.
 */
export interface Caller {
  readonly by: Pick<Actor, 'userId' | 'communityId'>;
  /** The caller's IANA zone: dates and times they typed are read there. */
  readonly zone: string;
  readonly at: number;
}

/** The caller of a command or action: its actor, zone and arrival instant. */
export function callerOf(ctx: Pick<CommandContext, 'actor' | 'zone' | 'now'>): Caller {
  return {
    by: { userId: ctx.actor.userId, communityId: ctx.actor.communityId },
    zone: ctx.zone,
    at: ctx.now,
  };
}

/** Who made a moderation decision (the moderator and the community they acted in) and when, UTC ms. */
export type Decision = Pick<Caller, 'by' | 'at'>;

/** The decision a command's caller makes: its actor, at the instant the command arrived. */
export function decisionOf(ctx: Pick<CommandContext, 'actor' | 'now'>): Decision {
  return { by: { userId: ctx.actor.userId, communityId: ctx.actor.communityId }, at: ctx.now };
}
