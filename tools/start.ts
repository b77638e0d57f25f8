// `npm start`: builds the add-on, then serves the playground at http://localhost:PORT (PORT env, default 8080; `--port 0` = a free port).
import { build } from './build/build';
import { startPlayground } from '../playground/server';

export const DEFAULT_PORT = 8080;

/** The port from `--port N` / `--port=N`, else PORT, else 8080; 0 asks for a free port. */
export function requestedPort(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const flag = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = flag < 0 ? env.PORT : argv[flag]!.includes('=') ? argv[flag]!.split('=')[1] : argv[flag + 1];
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`The port must be a number from 0 to 65535, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const port = requestedPort(process.argv.slice(2));
  console.log('Building the add-on (npm run build)...');
  await build();
  const playground = await startPlayground({ port });
  console.log(`ICP Scorer playground: http://localhost:${playground.port}  (port ${port === 0 ? `${playground.port}, a free one` : port}; default ${DEFAULT_PORT}, set PORT or --port)`);
  console.log('The sample accounts sheet with live ICP formulas, the real sidebar and the add-on menu. Ctrl+C stops it.');
  const stop = (): void => {
    void playground.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
