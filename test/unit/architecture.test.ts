import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findForbiddenImports, findForbiddenPathImports } from '../../scripts/architecture-rules.mjs';

const CORE = fileURLToPath(new URL('../../src/core', import.meta.url));

describe('architecture rule 1: src/core knows no platform, queue or Redis library', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imgbot-arch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each<[string, string]>([
    ["import { Client } from 'discord.js';", 'discord.js'],
    ['import { REST } from "@discordjs/rest";', '@discordjs/rest'],
    ["import type { App } from '@slack/bolt';", '@slack/bolt'],
    ["import { Queue } from 'bullmq';", 'bullmq'],
    ["import type { Redis } from 'ioredis';", 'ioredis'],
    ["export { Redis } from 'ioredis';", 'ioredis'],
    ["import 'ioredis';", 'ioredis'],
    ["const q = await import('bullmq');", 'bullmq'],
    ["const { WebClient } = require('@slack/web-api');", '@slack/web-api'],
    ["import Redis from 'ioredis/built/Redis';", 'ioredis/built/Redis'],
  ])('GIVEN a core file with %j THEN it is reported', (line, module) => {
    const sub = mkdtempSync(join(dir, 'case-'));
    mkdirSync(join(sub, 'reminders'));
    writeFileSync(join(sub, 'reminders', 'ok.ts'), "import { DateTime } from 'luxon';\n");
    writeFileSync(join(sub, 'reminders', 'bad.ts'), `// a file that breaks the rule\n${line}\n`);
    expect(findForbiddenImports(sub)).toEqual([`reminders/bad.ts:2: src/core must not import ${module}`]);
  });

  it('GIVEN a multi-line import THEN the line of its module is reported', () => {
    const sub = mkdtempSync(join(dir, 'multi-'));
    writeFileSync(join(sub, 'port.ts'), "import {\n  Client,\n  GatewayIntentBits,\n} from 'discord.js';\n");
    expect(findForbiddenImports(sub)).toEqual(['port.ts:4: src/core must not import discord.js']);
  });

  it('GIVEN names that only look alike THEN nothing is reported', () => {
    const sub = mkdtempSync(join(dir, 'alike-'));
    writeFileSync(
      join(sub, 'fine.ts'),
      [
        "import { z } from 'zod';",
        "import type { Reply } from '../reply.ts';",
        "import { ioredisLike } from './ioredis-like.ts';",
        "import { slack } from './slack.ts';",
        '// the Redis store lives in src/store (ioredis), not here',
      ].join('\n'),
    );
    expect(findForbiddenImports(sub)).toEqual([]);
  });

  it('GIVEN the real src/core THEN nothing is reported', () => {
    expect(findForbiddenImports(CORE)).toEqual([]);
  });
});

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

describe('architecture rule 9: adapters import neither the stores nor the composition root', () => {
  const root = mkdtempSync(join(tmpdir(), 'imgbot-arch-bots-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function fakeSrc(files: Record<string, string>): string {
    const src = mkdtempSync(join(root, 'src-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(src, path, '..'), { recursive: true });
      writeFileSync(join(src, path), text);
    }
    return src;
  }

  it.each<[string, string, string]>([
    ['bots/slack/dedupe.ts', "import type { Keys } from '../../store/keys.ts';", 'store/keys.ts'],
    [
      'bots/slack/slack-app.ts',
      "import { RedisInstallationStore } from '../../store/slack-installations.redis-store.ts';",
      'store/slack-installations.redis-store.ts',
    ],
    ['bots/discord/start.ts', "import type { App } from '../../app.ts';", 'app.ts'],
    [
      'bots/shell/x.ts',
      "const m = await import('../../store/listings/listing-index.ts');",
      'store/listings/listing-index.ts',
    ],
  ])('GIVEN %s importing %j THEN it is reported', (file, line, target) => {
    const src = fakeSrc({ [file]: `// breaks the rule\n${line}\n` });
    expect(findForbiddenPathImports(join(src, 'bots'), { src, root: src })).toEqual([
      `${file}:2: src/bots must not import src/${target}`,
    ]);
  });

  it('GIVEN imports of the core, of siblings and of look-alike names THEN nothing is reported', () => {
    const src = fakeSrc({
      'bots/slack/ok.ts': [
        "import type { DeliveryDedupe } from '../../core/ports/delivery-dedupe.port.ts';",
        "import { dedupeEvents } from './dedupe.ts';",
        "import { storeLike } from './store/cache.ts';",
        "import { x } from '../../core/app.ts';",
        "import type { App } from '@slack/bolt';",
      ].join('\n'),
    });
    expect(findForbiddenPathImports(join(src, 'bots'), { src, root: src })).toEqual([]);
  });

  it('GIVEN the real src/bots THEN nothing is reported', () => {
    expect(findForbiddenPathImports(join(SRC, 'bots'), { src: SRC })).toEqual([]);
  });
});
