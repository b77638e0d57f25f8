// Emulated Logger and console: messages are collected in the emulator's log and optionally echoed.
import util from 'node:util';
import type { EmulatorEnv } from '../env';

export type LogLevel = 'Logger' | 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  at: Date;
}

/** Where console output is echoed (the host console, for the playground); nowhere by default. */
export type LogSink = (entry: LogEntry) => void;

export interface LoggerApi {
  log(data: unknown, ...values: unknown[]): LoggerApi;
  getLog(): string;
  clear(): void;
}

export interface ConsoleApi {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** Logger.log(format, values...) replaces each %s with the next value (https://developers.google.com/apps-script/reference/base/logger). */
function loggerFormat(data: unknown, values: unknown[]): string {
  if (values.length === 0) return typeof data === 'string' ? data : util.inspect(data);
  let next = 0;
  return String(data).replace(/%s/g, () => (next < values.length ? String(values[next++]) : '%s'));
}

export function createLogging(
  env: EmulatorEnv,
  logs: LogEntry[],
  sink?: LogSink,
): { Logger: LoggerApi; console: ConsoleApi } {
  const write = (level: LogLevel, message: string): void => {
    const entry = { level, message, at: env.now() };
    logs.push(entry);
    sink?.(entry);
  };
  const Logger: LoggerApi = {
    log(data, ...values) {
      env.counter.count('Logger.log');
      write('Logger', loggerFormat(data, values));
      return Logger;
    },
    getLog() {
      env.counter.count('Logger.getLog');
      return logs
        .filter((e) => e.level === 'Logger')
        .map((e) => e.message)
        .join('\n');
    },
    clear() {
      env.counter.count('Logger.clear');
      for (let i = logs.length - 1; i >= 0; i -= 1) if (logs[i]?.level === 'Logger') logs.splice(i, 1);
    },
  };
  const level =
    (name: Exclude<LogLevel, 'Logger'>) =>
    (...args: unknown[]): void => {
      env.counter.count(`console.${name}`);
      write(name, util.format(...args));
    };
  const console: ConsoleApi = { log: level('log'), info: level('info'), warn: level('warn'), error: level('error') };
  return { Logger, console };
}
