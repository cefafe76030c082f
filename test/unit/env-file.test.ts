import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvFileError, loadEnvFile } from '../../src/config/env-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'imgbot-envfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, '.env'), 'DEFAULT_TIMEZONE=Asia/Karachi\n');
writeFileSync(join(dir, 'prod.env'), 'LOG_LEVEL=warn\n');
const empty = mkdtempSync(join(dir, 'empty-'));

describe('loadEnvFile', () => {
  it('GIVEN a .env in the folder THEN it is read', () => {
    const loaded: string[] = [];
    expect(loadEnvFile({}, dir, (p) => loaded.push(p))).toEqual({ loaded: true, path: join(dir, '.env') });
    expect(loaded).toEqual([join(dir, '.env')]);
  });

  it('GIVEN IMGBOT_ENV_FILE naming another file THEN that file is read', () => {
    expect(loadEnvFile({ IMGBOT_ENV_FILE: 'prod.env' }, dir, () => {})).toEqual({
      loaded: true,
      path: join(dir, 'prod.env'),
    });
  });

  it('GIVEN no .env THEN nothing is read and that is fine', () => {
    expect(loadEnvFile({}, empty, () => expect.fail('nothing to read'))).toEqual({
      loaded: false,
      reason: 'absent',
    });
  });

  it('GIVEN IMGBOT_ENV_FILE=none THEN even an existing .env is ignored', () => {
    expect(loadEnvFile({ IMGBOT_ENV_FILE: 'none' }, dir, () => expect.fail('disabled'))).toEqual({
      loaded: false,
      reason: 'disabled',
    });
  });

  it('GIVEN IMGBOT_ENV_FILE naming a missing file THEN a one-line error with an example', () => {
    expect(() => loadEnvFile({ IMGBOT_ENV_FILE: 'missing.env' }, dir, () => {})).toThrow(EnvFileError);
    expect(() => loadEnvFile({ IMGBOT_ENV_FILE: 'missing.env' }, dir, () => {})).toThrow(
      /IMGBOT_ENV_FILE names .*missing\.env, which does not exist\. Example: IMGBOT_ENV_FILE=\.env/,
    );
  });

  it('GIVEN a variable set in the environment and in the file THEN the environment wins (Node’s parser)', () => {
    const env: NodeJS.ProcessEnv = { DEFAULT_TIMEZONE: 'Africa/Lagos' };
    const saved = process.env.DEFAULT_TIMEZONE;
    process.env.DEFAULT_TIMEZONE = 'Africa/Lagos';
    try {
      loadEnvFile(env, dir);
      expect(process.env.DEFAULT_TIMEZONE).toBe('Africa/Lagos');
    } finally {
      if (saved === undefined) delete process.env.DEFAULT_TIMEZONE;
      else process.env.DEFAULT_TIMEZONE = saved;
    }
  });
});
