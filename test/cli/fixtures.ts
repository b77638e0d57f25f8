// Fixtures of the CLI tests: a two-profile model, a small account CSV, and a runner for the real bin/icp.js.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Model } from '../../src/engine';

export const REPO = path.resolve(__dirname, '..', '..');
export const BIN = path.join(REPO, 'bin', 'icp.js');

/** Two profiles so --profile has something to choose; uses must, exclude, bands, withinDays and a penalty. */
export function twoProfileModel(): Model {
  return {
    schemaVersion: 1,
    defaultProfile: 'SMB',
    profiles: [
      {
        name: 'SMB',
        categories: [
          { id: 'firmographic', label: 'Firmographic', weight: 60 },
          { id: 'intent', label: 'Intent', weight: 40 },
        ],
        criteria: [
          { id: 'industry', category: 'firmographic', column: 'Industry', when: { op: 'in', values: ['SaaS', 'Fintech'] }, points: 30 },
          { id: 'size', category: 'firmographic', column: 'Employees', role: 'must', when: { op: 'between', min: 1, max: 200 }, points: 20 },
          { id: 'gov', category: 'firmographic', column: 'Industry', role: 'exclude', when: { op: 'in', values: ['Government'] } },
          { id: 'demo', category: 'intent', column: 'Demo Requested', when: { op: 'isTrue' }, points: 20 },
          { id: 'funding', category: 'intent', column: 'Last Funding', when: { op: 'withinDays', days: 90 }, points: 10 },
        ],
        tiers: [
          { label: 'A', min: 80 },
          { label: 'B', min: 50 },
          { label: 'C', min: 0 },
        ],
      },
      {
        name: 'Enterprise',
        categories: [{ id: 'firmographic', weight: 100 }],
        criteria: [
          {
            id: 'size',
            category: 'firmographic',
            column: 'Employees',
            when: {
              op: 'bands',
              bands: [
                { min: 1000, max: 5000, points: 20 },
                { min: 5001, points: 40 },
              ],
            },
          },
          { id: 'crm', category: 'firmographic', column: 'Tech Stack', when: { op: 'contains', values: ['Salesforce'] }, points: 10 },
          { id: 'free', category: 'firmographic', column: 'Email', when: { op: 'matches', pattern: '@gmail\\.com$' }, points: -10 },
        ],
        tiers: [
          { label: 'Strategic', min: 70 },
          { label: 'Standard', min: 0 },
        ],
        disqualifiedLabel: 'Out',
      },
    ],
  };
}

/** The day the fixtures' `withinDays` criteria count from, so results do not change with the calendar. */
export const TODAY = '2026-03-01';

/** Header + 6 accounts: quoted commas, a multi-line cell, a blank row, an exclusion, a must-have miss, CRLF. */
export const ACCOUNTS_CSV = [
  'Account,Industry,Employees,Demo Requested,Last Funding,Tech Stack,Email',
  '"Acme, Inc.",SaaS,120,Yes,2026-02-01,"Salesforce, Slack",ann@acme.io',
  'Globex,Fintech,"1,500",no,2025-01-01,HubSpot,bob@gmail.com',
  '"Initech ""Labs""",Government,50,yes,,,',
  ',,,,,,',
  '"Multi\nLine Co",Retail,80,,2/15/2026,Salesforce,x@y.z',
  'Umbrella,SaaS,n/a,TRUE,,Salesforce,',
].join('\r\n') + '\r\n';

/** A fresh temporary directory for one test. */
export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'icp-cli-'));
}

/** Writes `files` (name → text) into `dir` and returns their full paths by name. */
export function writeFiles(dir: string, files: Record<string, string>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    writeFileSync(paths[name], text);
  }
  return paths;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real executable (`node bin/icp.js ...`) in `cwd`, optionally feeding standard input. */
export function runIcp(args: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd ?? REPO, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}

export interface SpawnOptions {
  cwd?: string;
  /** Standard input in pieces written `pauseMs` apart, so the command reads them as separate chunks. */
  stdinPieces?: readonly (string | Buffer)[];
  pauseMs?: number;
  /** A file descriptor for standard output (e.g. /dev/full opened), or 'closed': a pipe whose reader is gone. */
  stdout?: number | 'closed';
  /** A file descriptor for standard input (a file opened), instead of a pipe fed stdinPieces. */
  stdin?: number;
}

/** Runs the real executable with more control over its streams than runIcp; stdout is '' unless it is a pipe. */
export function spawnIcp(args: readonly string[], options: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const out = typeof options.stdout === 'number' ? options.stdout : 'pipe';
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, stdio: [options.stdin ?? 'pipe', out, 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Closing our end before the command writes makes every write of its fail with EPIPE.
    if (options.stdout === 'closed') child.stdout?.destroy();
    else child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    const pieces = options.stdinPieces ?? [];
    const feed = async (): Promise<void> => {
      for (const [i, piece] of pieces.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, options.pauseMs ?? 200));
        child.stdin?.write(piece);
      }
      child.stdin?.end();
    };
    void feed();
  });
}
