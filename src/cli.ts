import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { IANAZone } from 'luxon';
import { EnvFileError, loadEnvFile } from './config/env-file.ts';
import { ConfigError } from './runtime/config-error.ts';

// Each subcommand loads its own modules when it runs: `imgbot export` need not load
// discord.js, Bolt and the metrics stack, which made every start seconds slower.
const roles = () => import('./runtime/roles.ts');
const importExport = () => import('./runtime/import-export.ts');

function zoneArg(value: string): string {
  if (!IANAZone.isValidZone(value)) {
    throw new InvalidArgumentError(`"${value}" is not an IANA time zone. Example: --tz Asia/Karachi`);
  }
  return value;
}

function roleArg(value: string): string {
  const name = value.replace(/^@/, '');
  if (!/^[A-Za-z0-9][\w.-]{0,79}$/.test(name)) {
    throw new InvalidArgumentError(
      `"${value}" is not a role name: use letters, digits, _ . -. Example: --role Moderators`,
    );
  }
  return name;
}

function nameArg(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(value)) {
    throw new InvalidArgumentError(
      `"${value}" is not a valid name: use 1-32 letters, digits, _ . -. Example: --user amina`,
    );
  }
  return value;
}

try {
  loadEnvFile(process.env, process.cwd());
} catch (err) {
  if (!(err instanceof EnvFileError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}

/** `1.2.3 (compiled)`: the version, and whether dist/ or the sources (tsx) are running. */
function versionLine(): string {
  // why ../package.json: src/cli.ts and dist/cli.js both sit one level below the root
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const from = process.env.IMGBOT_RUNS_FROM === 'dist' ? 'compiled' : 'sources via tsx';
  return `imgbot ${pkg.version} (${from})`;
}

const program = new Command()
  .name('imgbot')
  .version(versionLine(), '-v, --version', 'print the version and whether the compiled build runs')
  .description('A chat bot for International Medical Graduate communities (Discord, Slack, local shell).')
  .showHelpAfterError('(run with --help for usage)');

program
  .command('start')
  .description(
    'Run the bot: Discord and/or Slack when their tokens are set, else the local shell; plus the job workers.',
  )
  .action(async () => (await roles()).runRole(process.env, 'start'));

program
  .command('shell')
  .description('Talk to the bot in this terminal: one command per line; plain text asks the FAQ.')
  .option(
    '--user <name>',
    'who you are in the shell',
    nameArg,
    process.env.USER && /^[A-Za-z0-9_.-]{1,32}$/.test(process.env.USER) ? process.env.USER : 'me',
  )
  .option('--mod', 'act as a moderator', false)
  .option(
    '--role <name>',
    'hold this local role (e.g. Moderators, as set with /setup mod_role:@Moderators)',
    roleArg,
  )
  .option('--json', 'print one JSON object per reply (for scripts)', false)
  .option('--tz <zone>', 'set your time zone (IANA name)', zoneArg)
  .action(async (opts: { user: string; mod: boolean; role?: string; json: boolean; tz?: string }) =>
    (await import('./runtime/shell.ts')).shellCommand(process.env, opts),
  );

program
  .command('worker')
  .description('Run only the job workers (reminders, announcements, expiry), to scale them out.')
  .action(async () => (await roles()).runRole(process.env, 'worker'));

program
  .command('discord')
  .description('Run only the Discord adapter (gateway and interactions); run workers separately.')
  .action(async () => (await roles()).runRole(process.env, 'discord'));

program
  .command('slack')
  .description('Run only the Slack adapter (HTTP receiver or Socket Mode); run workers separately.')
  .action(async () => (await roles()).runRole(process.env, 'slack'));

program
  .command('web')
  .description('Run only the web dashboard (WEB_HOST:WEB_PORT, default 127.0.0.1:8080).')
  .action(async () => (await roles()).runRole(process.env, 'web'));

program
  .command('import')
  .description('Import listings from a CSV or JSON file (upsert by id); flagged rows go to review.')
  .argument('<file>', 'a .csv (header row required) or .json file')
  .option('--community <id>', 'community the listings belong to', 'shell:local')
  .option(
    '--announce',
    "announce new clean listings in the community's channel and to matching alerts",
    false,
  )
  .action(async (file: string, opts: Record<string, unknown>) =>
    (await importExport()).importCommand(process.env, file, opts),
  );

program
  .command('export')
  .description('Export listings as CSV or JSON (to standard output unless --output is given).')
  .option('--format <format>', 'csv or json', 'csv')
  .option('--output <file>', 'write to this file instead of standard output')
  .action(async (opts: { format: string; output?: string }) =>
    (await importExport()).exportCommand(process.env, opts),
  );

program
  .command('backup')
  .description(
    "Write every record under IMGBOT_PREFIX to one gzip'd JSON file (restore it with imgbot restore).",
  )
  .option('--output <file>', 'where to write (default imgbot-backup-<time>.json.gz here)')
  .action(async (opts: { output?: string }) =>
    (await import('./runtime/backup-restore.ts')).backupCommand(process.env, opts),
  );

program
  .command('restore')
  .description("Load a backup into an empty IMGBOT_PREFIX and re-create every reminder's job.")
  .argument('<file>', 'a file written by imgbot backup')
  .action(async (file: string) =>
    (await import('./runtime/backup-restore.ts')).restoreCommand(process.env, file),
  );

program
  .command('deploy-commands')
  .description('Register the slash commands with Discord (a guild for development, global for production).')
  .option('--guild <id>', 'register in this guild only (instant; for development)')
  .action(async (opts: { guild?: string }) =>
    (await import('./bots/discord/start-discord.ts')).deployCommandsCommand(process.env, opts),
  );

program
  .command('slack-manifest')
  .description('Print the Slack app manifest generated from the command registry.')
  .option('--url <base>', 'public base URL of the HTTP receiver (omit for Socket Mode)')
  .action(async (opts: { url?: string }) =>
    (await import('./bots/slack/start-slack.ts')).slackManifestCommand(opts),
  );

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
