import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError } from './lock-file.ts';

describe('embedded database folder lock', () => {
  it('refuses a second opener and frees the folder on release', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lock-')), 'data');
    const release = acquireDirLock(dir);
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    acquireDirLock(dir)();
  });

  it('takes over a stale lock whose process is gone (after kill -9)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lock-')), 'data');
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: dead, host: hostname() }));
    const release = acquireDirLock(dir);
    release();
  });

  it('does not take over a lock held by a live process', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lock-')), 'data');
    writeFileSync(`${dir}.lock`, JSON.stringify({ pid: process.ppid, host: hostname() }));
    expect(() => acquireDirLock(dir)).toThrow(/in use by process/);
  });
});
