import type { RepeatSeries, SchedulerPort } from '../../src/core/ports/scheduler.port.ts';
import { nextInSeries, parseSeriesRule } from '../../src/core/reminders/recurrence.ts';

/**
 * The job system as a record of what it was asked: the occurrences waiting
 * (reminder id -> instants) and the series of repeating reminders. Scheduling
 * the same occurrence twice keeps one, as BullMQ's deterministic job ids do.
 */
export class RecordingScheduler implements SchedulerPort {
  /** Waiting occurrences per reminder, soonest first. */
  readonly waiting = new Map<string, number[]>();
  readonly series = new Map<string, RepeatSeries>();
  /** Every call, in order, for tests that care what was asked. */
  readonly calls: string[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  async schedule(reminderId: string, at: number): Promise<void> {
    this.calls.push(`schedule ${reminderId} ${at}`);
    const list = this.waiting.get(reminderId) ?? [];
    if (!list.includes(at)) list.push(at);
    this.waiting.set(
      reminderId,
      list.sort((a, b) => a - b),
    );
  }

  async unschedule(reminderId: string, at: number): Promise<void> {
    this.calls.push(`unschedule ${reminderId} ${at}`);
    const list = (this.waiting.get(reminderId) ?? []).filter((x) => x !== at);
    if (list.length > 0) this.waiting.set(reminderId, list);
    else this.waiting.delete(reminderId);
  }

  async scheduleSeries(reminderId: string, series: RepeatSeries): Promise<number | undefined> {
    this.calls.push(`series ${reminderId} ${series.rule} ${series.zone}`);
    this.series.set(reminderId, series);
    // The job system's own rule: the first occurrence of the series after now (see src/jobs/repeat-strategy.ts).
    const rule = parseSeriesRule(series.rule);
    const first = rule ? nextInSeries(rule.anchor, rule.repeat, series.zone, this.now()).at : undefined;
    if (first !== undefined) await this.schedule(reminderId, first);
    return first;
  }

  async unscheduleSeries(reminderId: string): Promise<void> {
    this.calls.push(`unseries ${reminderId}`);
    this.series.delete(reminderId);
  }

  async purge(reminderIds: readonly string[]): Promise<void> {
    for (const id of reminderIds) {
      this.waiting.delete(id);
      this.series.delete(id);
    }
  }

  /** The instants a reminder has waiting. */
  at(reminderId: string): number[] {
    return [...(this.waiting.get(reminderId) ?? [])];
  }
}
