import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class DataDirLockedError extends Error {
  code = 'DATA_DIR_LOCKED';
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not lock its folder, and two processes on one folder silently lose rows.
 * Takes `<dir>.lock` exclusively (pid + host); a lock whose pid is gone on this host is stale.
 */
export function acquireDirLock(dir: string): () => void {
  const path = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // unreadable lock: treat as held
      }
      const stale = holder.host === hostname() && typeof holder.pid === 'number' && !pidAlive(holder.pid);
      if (stale && attempt === 0) {
        unlinkSync(path);
        continue;
      }
      throw new DataDirLockedError(
        `The embedded database folder ${dir} is in use by process ${holder.pid ?? '?'} on ${holder.host ?? '?'} (lock file ${path}). ` +
          'Stop that process, or use another AFTERCARE_DATA_DIR. Several processes need PostgreSQL (DATABASE_URL).',
      );
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}`);
}
