// The playground server over HTTP (no browser): CSV uploads of every shape, the sheet a reload leaves, grid refreshes after sidebar calls, and who may talk to it.
import * as http from 'node:http';
import type { Playground } from '../../playground/server';
import { startTestPlayground } from './harness';

jest.setTimeout(120_000);

interface Answer {
  status: number;
  body: string;
  json: () => Record<string, unknown>;
}

/** One request with node:http, so a test can set any Host or Origin header (fetch may not). */
function request(pg: Playground, method: string, path: string, options: { body?: Buffer | string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: pg.port, method, path, headers: { host: `localhost:${pg.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body) as Record<string, unknown> });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

interface Grid {
  revision: number;
  sheets: string[];
  sheetName: string;
  values: string[][];
  totalRows: number;
}

async function grid(pg: Playground, sheet?: string): Promise<Grid> {
  return (await request(pg, 'GET', `/api/grid${sheet === undefined ? '' : `?sheet=${encodeURIComponent(sheet)}`}`)).json() as unknown as Grid;
}

const uploadCsv = (pg: Playground, body: Buffer | string) => request(pg, 'POST', '/api/csv', { body, headers: { 'content-type': 'application/octet-stream' } });

function column(g: Grid, header: string): string[] {
  const c = g.values[0]!.indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${JSON.stringify(g.values[0])}`);
  return g.values.slice(1).map((r) => r[c]!);
}

describe('the playground server', () => {
  let pg: Playground;
  beforeAll(async () => {
    pg = await startTestPlayground();
  });
  afterAll(async () => {
    await pg?.close();
  });

  test('a CSV longer and wider than a new sheet (1,000 rows, 26 columns) loads whole, and the live formulas cover it', async () => {
    const header = ['Account', 'Industry', 'Employees', ...Array.from({ length: 25 }, (_, i) => `Extra ${i + 1}`)];
    const rows = Array.from({ length: 1500 }, (_, i) => [`Acme ${i + 1}`, i % 2 === 0 ? 'SaaS' : 'Retail', String(100 + i), ...header.slice(3).map(() => 'x')]);
    const answer = await uploadCsv(pg, [header, ...rows].map((r) => r.join(',')).join('\n'));
    expect(answer.json()).toEqual({ message: 'loaded 1,500 rows and 28 columns; the ICP columns were added after them.' });
    const g = await grid(pg);
    expect(g.totalRows).toBe(1500);
    expect(g.values[0]!.slice(-3)).toEqual(['ICP Score (live)', 'ICP Tier (live)', 'ICP Why (live)']);
    const formulas = pg.emulator.workbook.valuesAt(`Accounts!AC1501:AD1501`)[0]!;
    expect(typeof formulas[0]).toBe('number');
    expect(formulas[1]).toMatch(/^[ABC]$|^Disqualified$/);
  });

  test('semicolon and tab delimited exports are split into columns, as icp score reads them', async () => {
    for (const [text, what] of [['Account;Industry;Employees\nAcme;SaaS;"1.200"\n', 'semicolons'], ['Account\tIndustry\tEmployees\nAcme\tSaaS\t1200\n', 'tabs']]) {
      expect([what, (await uploadCsv(pg, text!)).status]).toEqual([what, 200]);
      expect((await grid(pg)).values[0]!.slice(0, 3)).toEqual(['Account', 'Industry', 'Employees']);
    }
  });

  test('UTF-8 with a byte order mark and UTF-16 exports are read; cp1252 is refused with the line, not garbled', async () => {
    const text = 'Account,Industry\nÄpfel GmbH,SaaS\n';
    await uploadCsv(pg, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect((await grid(pg)).values.slice(0, 2).map((r) => r.slice(0, 2))).toEqual([['Account', 'Industry'], ['Äpfel GmbH', 'SaaS']]);
    await uploadCsv(pg, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await grid(pg)).values[1]![0]).toBe('Äpfel GmbH');
    const cp1252 = await uploadCsv(pg, Buffer.from('Account,Industry\nCaf\xe9,SaaS\n', 'latin1'));
    expect(cp1252.status).toBe(400);
    expect(cp1252.json().error).toBe('Could not read the CSV: line 2 is not UTF-8 text: save the file as "CSV UTF-8" and load it again');
    expect((await grid(pg)).values[1]![0]).toBe('Äpfel GmbH');
  });

  test('a quote that swallows lines is refused with its lines, and UTF-32 by name, as icp score refuses them', async () => {
    await uploadCsv(pg, 'Account,Industry\nKept,SaaS\n');
    const swallowed = await uploadCsv(pg, 'Account,Industry,Employees\nA,SaaS,10\nB,"SaaS,200\r\nC,Retail,30\nD,"Fintech",40\nE,SaaS,50\n');
    expect(swallowed.status).toBe(400);
    expect(swallowed.json().error).toBe(
      'Could not read the CSV: line 3: a quoted field starts there and runs over line breaks to line 5, where text follows the quote that closes it; probably a quote that is never closed',
    );
    const chars = [...'\ufeffAccount\nA\n'];
    const utf32 = Buffer.alloc(4 * chars.length);
    chars.forEach((ch, i) => utf32.writeUInt32LE(ch.codePointAt(0)!, i * 4));
    const refused = await uploadCsv(pg, utf32);
    expect(refused.status).toBe(400);
    expect(refused.json().error).toBe(
      'Could not read the CSV: UTF-32 LE text (it starts with that encoding\'s byte order mark) is not read; save the file as UTF-8 ("CSV UTF-8") or UTF-16 and load it again',
    );
    // Nothing was loaded by either.
    expect((await grid(pg)).values[1]![0]).toBe('Kept');
  });

  test('a file over the size limit gets a readable 413, not a reset connection', async () => {
    const answer = await uploadCsv(pg, Buffer.alloc(20_000_001, 0x61));
    expect(answer.status).toBe(413);
    expect(answer.json().error).toBe('the file is 20 MB; the playground takes at most 20 MB');
  });

  test('cells keep their own leading apostrophe and never become formulas', async () => {
    await uploadCsv(pg, "Account,Note\n'quoted,=1+1\n");
    expect((await grid(pg)).values[1]!.slice(0, 2)).toEqual(["'quoted", '=1+1']);
  });

  test('a CSV loaded after Score this sheet is on a fresh sheet: the add-on never writes over its columns', async () => {
    await request(pg, 'POST', '/api/reset');
    const scored = await request(pg, 'POST', '/api/menu/scoreThisSheet', { headers: { origin: `http://localhost:${pg.port}` } });
    expect(scored.json().message).toMatch(/^Scored 400 rows/);
    // The sample has 17 columns; Score this sheet put its own after the 3 live ones (U to X). These columns reach past them.
    const header = ['Account', 'Industry', 'Employees', ...Array.from({ length: 24 }, (_, i) => `Mine ${i + 1}`)];
    const rows = Array.from({ length: 3 }, (_, i) => [`Acme ${i}`, 'SaaS', '300', ...header.slice(3).map((h) => `${h} of ${i}`)]);
    await uploadCsv(pg, [header, ...rows].map((r) => r.join(',')).join('\n'));
    await request(pg, 'POST', '/api/menu/scoreThisSheet');
    const g = await grid(pg);
    for (const h of header.slice(3)) expect(column(g, h)).toEqual([0, 1, 2].map((i) => `${h} of ${i}`));
    expect(column(g, 'ICP Score')).toEqual(column(g, 'ICP Score (live)'));
  });

  test('a sidebar call that changes the spreadsheet (Build tier summary) moves the revision, so the grid shows it', async () => {
    await request(pg, 'POST', '/api/reset');
    // The summary reads the add-on's own ICP Tier column: score first.
    await request(pg, 'POST', '/api/menu/scoreThisSheet');
    const before = (await grid(pg)).revision;
    const preview = await request(pg, 'POST', '/api/run', { body: JSON.stringify({ name: 'getSummaryColumns', args: [] }) });
    expect(preview.status).toBe(200);
    expect((await grid(pg)).revision).toBe(before);
    const built = await request(pg, 'POST', '/api/run', { body: JSON.stringify({ name: 'buildTierSummary', args: [{}] }) });
    expect(built.json().value).toMatchObject({ ok: true, sheetName: 'ICP Tiers' });
    const after = await grid(pg);
    expect(after.revision).toBeGreaterThan(before);
    expect(after.sheets).toEqual(['Accounts', 'ICP Tiers']);
  });

  test('the hidden model sheet is not served', async () => {
    const g = await grid(pg, 'ICP Model');
    expect(g.sheetName).not.toBe('ICP Model');
    expect(JSON.stringify(g.values)).not.toContain('icp-scorer-model');
  });

  test('answers only this machine\'s own pages: other Host names (DNS rebinding) and other sites\' posts are refused', async () => {
    const rebound = await request(pg, 'GET', '/api/grid', { headers: { host: `attacker.example:${pg.port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('Account');
    const crossSite = await request(pg, 'POST', '/api/csv', { body: 'Account\nEvil\n', headers: { origin: 'https://attacker.example' } });
    expect(crossSite.status).toBe(403);
    const run = await request(pg, 'POST', '/api/run', { body: JSON.stringify({ name: 'saveModel', args: [{}, 0] }), headers: { origin: 'null' } });
    expect(run.status).toBe(403);
    expect((await request(pg, 'GET', '/api/revision', { headers: { host: `127.0.0.1:${pg.port}` } })).status).toBe(200);
  });

  test('the browser\'s favicon request is answered without an error (no console error on every load)', async () => {
    expect((await request(pg, 'GET', '/favicon.ico')).status).toBe(204);
  });

  test('malformed JSON is a 400 with a message; unknown paths are 404, and no file outside the page is served', async () => {
    const bad = await request(pg, 'POST', '/api/activate', { body: 'nope' });
    expect([bad.status, bad.json().error]).toEqual([400, 'the request body is not JSON']);
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/dist/Code.js', '/playground/server.ts', '/..%2fpackage.json']) {
      const answer = await request(pg, 'GET', path);
      expect([path, answer.status]).toEqual([path, 404]);
      expect(answer.body).not.toContain('"name": "icp-scorer"');
    }
  });
});
