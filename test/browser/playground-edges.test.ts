// The playground at its edges: no other site may frame it, malformed addresses are 400s without a stack in the log, a taken port says how to choose another.
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { startPlayground, type Playground } from '../../playground/server';

jest.setTimeout(120_000);

function request(port: number, method: string, pathText: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathText, headers: { host: `localhost:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the playground refuses framing and malformed addresses', () => {
  let pg: Playground;
  const logged: string[] = [];
  beforeAll(async () => {
    pg = await startPlayground({ port: 0, today: '2026-11-01', log: (line) => logged.push(line), distDir: path.resolve(__dirname, '../../dist') });
  });
  afterAll(async () => {
    await pg?.close();
  });

  test.each([
    ['GET', '/'],
    ['GET', '/api/grid'],
    ['GET', '/api/menu'],
    ['GET', '/api/revision'],
    ['GET', '/favicon.ico'],
    ['GET', '/no-such-page'],
    ['POST', '/api/menu/%E0%A4%A'],
  ])('%s %s: frame-ancestors none and X-Frame-Options DENY', async (method, p) => {
    const r = await request(pg.port, method, p);
    expect(r.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  test('the sidebar, which the playground page frames itself, may be framed by its own origin only', async () => {
    const r = await request(pg.port, 'GET', '/sidebar');
    expect(r.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  test.each(['/api/menu/%E0%A4%A', '/api/menu/%', '/api/menu/%zz', '/api/menu/%C0%80'])('POST %s answers 400 with a message and logs no stack', async (p) => {
    logged.length = 0;
    const r = await request(pg.port, 'POST', p);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ error: expect.stringMatching(/malformed escape/) });
    expect(logged).toEqual([]);
  });
});

describe('a taken port', () => {
  test('says which port and how to set PORT, without a stack', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const started = startPlayground({ port, today: '2026-11-01', log: () => undefined, distDir: path.resolve(__dirname, '../../dist') });
      await expect(started).rejects.toThrow(new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is already in use.*PORT=${port + 1} npm start \\(PORT=0 picks a free one\\)`));
      await started.catch((e: Error) => expect(e.message).not.toMatch(/EADDRINUSE|\n\s+at /));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
