import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** The file format's name and version; a restore refuses anything else. */
export const BACKUP_FORMAT = 'imgbot-backup';
export const BACKUP_VERSION = 1;

const entrySchema = z.discriminatedUnion('t', [
  z.object({
    k: z.string().min(1),
    t: z.literal('string'),
    v: z.string(),
    ttl: z.number().int().positive().optional(),
  }),
  z.object({
    k: z.string().min(1),
    t: z.literal('hash'),
    v: z.record(z.string(), z.string()),
    ttl: z.number().int().positive().optional(),
  }),
  z.object({
    k: z.string().min(1),
    t: z.literal('set'),
    v: z.array(z.string()),
    ttl: z.number().int().positive().optional(),
  }),
  z.object({
    k: z.string().min(1),
    t: z.literal('list'),
    v: z.array(z.string()),
    ttl: z.number().int().positive().optional(),
  }),
  z.object({
    k: z.string().min(1),
    t: z.literal('zset'),
    v: z.array(z.tuple([z.string(), z.string()])),
    ttl: z.number().int().positive().optional(),
  }),
]);

/** One Redis key, its key name without the prefix, its type, value and remaining time to live (ms). */
export type BackupEntry = z.infer<typeof entrySchema>;

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.string(),
  prefix: z.string(),
  entries: z.array(entrySchema),
});

/** A whole backup: every key under the prefix (queues excluded: restore rebuilds the jobs). */
export type Backup = z.infer<typeof backupSchema>;

// why: 500 keys per SCAN page and pipeline keeps each round trip small without thousands of them
const PAGE = 500;

type Reader = (redis: ReturnType<Redis['pipeline']>, key: string) => void;
const READERS: Record<BackupEntry['t'], Reader> = {
  string: (p, k) => p.get(k),
  hash: (p, k) => p.hgetall(k),
  set: (p, k) => p.smembers(k),
  list: (p, k) => p.lrange(k, 0, -1),
  zset: (p, k) => p.zrange(k, '0', '-1', 'WITHSCORES'),
};

function pairs(flat: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
  return out;
}

function entryOf(key: string, type: BackupEntry['t'], value: unknown, pttl: number): BackupEntry {
  const ttl = pttl > 0 ? { ttl: pttl } : {};
  if (type === 'zset') return { k: key, t: type, v: pairs(value as string[]), ...ttl };
  return entrySchema.parse({ k: key, t: type, v: value, ...ttl });
}

/**
 * Reads every key under `prefix` with SCAN (never KEYS). Each key is read in
 * one MULTI with its time to live, so every record is consistent in itself;
 * keys deleted between SCAN and the read are skipped. BullMQ's queue keys
 * (`{prefix}...`) are not included: jobs are rebuilt from the reminders.
 */
export async function readBackup(redis: Redis, prefix: string, now: Date = new Date()): Promise<Backup> {
  const entries: BackupEntry[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', PAGE);
    cursor = next;
    if (keys.length === 0) continue;
    const types = (await redis.pipeline(keys.map((k) => ['type', k])).exec()) ?? [];
    for (const [i, key] of keys.entries()) {
      const type = types[i]?.[1] as string;
      if (!(type in READERS)) continue; // 'none': deleted since SCAN
      const t = type as BackupEntry['t'];
      const multi = redis.multi();
      READERS[t](multi, key);
      multi.pttl(key);
      const res = (await multi.exec()) ?? [];
      const [value, pttl] = [res[0]?.[1], Number(res[1]?.[1])];
      if (pttl === -2) continue;
      entries.push(entryOf(key.slice(prefix.length), t, value, pttl));
    }
  } while (cursor !== '0');
  entries.sort((a, b) => a.k.localeCompare(b.k));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), prefix, entries };
}

/** Writes a backup as gzip'd JSON. */
export async function saveBackupFile(backup: Backup, file: string): Promise<void> {
  await writeFile(file, await promisify(gzip)(JSON.stringify(backup)));
}

/** Reads and checks a backup file; a problem is one line naming the file. */
export async function loadBackupFile(file: string): Promise<Backup> {
  let text: string;
  try {
    text = (await promisify(gunzip)(await readFile(file))).toString('utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw new Error(`Cannot read ${file} as a gzip'd imgbot backup (${why}). Nothing was restored.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON inside the gzip. Nothing was restored.`);
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file} is not an imgbot backup of version ${BACKUP_VERSION} (${issue?.path.join('.') || 'file'}: ${issue?.message}). Nothing was restored.`,
    );
  }
  return parsed.data;
}

/** True when no key at all starts with the prefix or its queue prefix. */
export async function prefixIsEmpty(redis: Redis, patterns: readonly string[]): Promise<boolean> {
  for (const pattern of patterns) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', PAGE);
      if (keys.length > 0) return false;
      cursor = next;
    } while (cursor !== '0');
  }
  return true;
}

/** Writes every entry under `prefix` (one MULTI per page: a page is all or nothing). */
export async function writeBackup(redis: Redis, prefix: string, backup: Backup): Promise<number> {
  for (let i = 0; i < backup.entries.length; i += PAGE) {
    const multi = redis.multi();
    for (const e of backup.entries.slice(i, i + PAGE)) {
      const key = prefix + e.k;
      if (e.t === 'string') multi.set(key, e.v);
      else if (e.t === 'hash') multi.hset(key, e.v);
      else if (e.t === 'set') multi.sadd(key, ...e.v);
      else if (e.t === 'list') multi.rpush(key, ...e.v);
      else multi.zadd(key, ...e.v.flatMap(([member, score]) => [score, member]));
      if (e.ttl) multi.pexpire(key, e.ttl);
    }
    await multi.exec();
  }
  return backup.entries.length;
}
