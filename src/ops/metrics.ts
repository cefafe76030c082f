import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CommandFinished } from '../core/ports/command-observer.port.ts';
import type { CommandSink } from './command-observer.ts';

/** How a reminder delivery attempt ended (a bounded label). */
export type DeliveryOutcomeLabel = 'sent' | 'retried' | 'given_up' | 'dms_closed';

/** Queue states exported per queue (BullMQ's names). */
export const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

/** Something that counts a queue's jobs by state (a BullMQ Queue). */
export interface CountableQueue {
  readonly name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/**
 * Every metric imgbot exports, on one prom-client registry per process. Label
 * values are bounded: command names come from the registry, platforms and
 * outcomes from fixed lists, never member or listing ids.
 */
export class ImgbotMetrics implements CommandSink {
  readonly registry = new Registry();
  readonly commands = new Counter({
    name: 'imgbot_commands_total',
    help: 'Commands, buttons and forms handled, by name, platform and outcome (ok, refused, unavailable, error).',
    labelNames: ['command', 'platform', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'imgbot_command_duration_seconds',
    help: 'Time from dispatch to reply, by command name and platform.',
    labelNames: ['command', 'platform'] as const,
    // why: members feel 0.5 s; Slack and Discord give up at 3 s
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [this.registry],
  });
  readonly lateness = new Histogram({
    name: 'imgbot_reminder_lateness_seconds',
    help: 'How long after its due time each reminder was sent.',
    // why: from "on time" (<0.5 s) to "the bot was down for an hour"
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'imgbot_deliveries_total',
    help: 'Reminder delivery attempts by outcome: sent, retried, given_up (all attempts failed), dms_closed.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'imgbot_platform_rate_limited_total',
    help: "Platform answers of 429 (rate limited) to deliveries and to the adapters' replies, by platform.",
    labelNames: ['platform'] as const,
    registers: [this.registry],
  });
  readonly processErrors = new Counter({
    name: 'imgbot_process_errors_total',
    help: 'Unhandled rejections and uncaught exceptions the process guard caught (and survived).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly queues: CountableQueue[] = [];
  private redisPing?: () => Promise<number>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const metrics = this;
    new Gauge({
      name: 'imgbot_queue_jobs',
      help: 'Jobs per queue and state (waiting, delayed, active, failed), read at scrape time.',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        for (const q of metrics.queues) {
          const counts = await q.getJobCounts(...QUEUE_STATES).catch(() => undefined);
          if (!counts) continue;
          for (const state of QUEUE_STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'imgbot_redis_round_trip_seconds',
      help: 'Time of one PING to Redis, measured at scrape time (-1 when Redis did not answer).',
      registers: [this.registry],
      async collect() {
        if (!metrics.redisPing) return;
        this.set(await metrics.redisPing().catch(() => -1));
      },
    });
  }

  /** Counts and times one finished command (the core's observer calls this). */
  commandFinished(event: CommandFinished): void {
    this.commands.inc({ command: event.command, platform: event.platform, outcome: event.outcome });
    this.commandSeconds.observe({ command: event.command, platform: event.platform }, event.ms / 1000);
  }

  /** Queues whose job counts are exported. */
  watchQueue(queue: CountableQueue): void {
    if (!this.queues.includes(queue)) this.queues.push(queue);
  }

  /** How to measure a Redis round trip, in seconds. */
  measureRedisWith(ping: () => Promise<number>): void {
    this.redisPing = ping;
  }

  /** The exposition text for `/metrics`. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
