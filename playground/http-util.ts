// Small helpers for the playground's Node http server: read a size-limited body, answer JSON, HTML or text.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * The request body, at most `limitBytes`. A larger body is read to its end and dropped before the 413 is thrown:
 * destroying the request mid-upload would reset the connection, and the page would only see "Failed to fetch".
 */
export function readBodyBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limitBytes) chunks.push(c);
    });
    req.on('end', () => {
      if (size > limitBytes) reject(new HttpError(413, `the file is ${megabytes(size)} MB; the playground takes at most ${megabytes(limitBytes)} MB`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return (await readBodyBytes(req, limitBytes)).toString('utf8');
}

/** A JSON request body; malformed JSON is the client's error (400), not the server's. */
export async function readJson(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const text = await readBody(req, limitBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'the request body is not JSON');
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
}

/**
 * On every answer. No other site may frame a playground page (clickjacking: a page of theirs over ours, tricking a
 * click on Score this sheet or Reset): `frame-ancestors 'none'` for browsers that read CSP, `X-Frame-Options: DENY`
 * for older ones.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};

/**
 * The one page the playground frames itself: the sidebar, inside the playground page (as Sheets frames an add-on's
 * sidebar). Only a page of the same origin may frame it; every other site is still refused.
 */
export const SAME_ORIGIN_FRAME_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'content-security-policy': "frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
};

export function sendJson(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(data));
}

/** An HTML page; `framedBySelf` for the sidebar, which the playground page shows in a frame. */
export function sendHtml(res: ServerResponse, html: string, framedBySelf = false): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(framedBySelf ? SAME_ORIGIN_FRAME_HEADERS : SECURITY_HEADERS) });
  res.end(html);
}

/** decodeURIComponent, with a malformed escape (`%E0%A4%A`) as the client's error (400) rather than a URIError (500). */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new HttpError(400, `the address holds a malformed escape: ${JSON.stringify(part.slice(0, 100))}`);
  }
}

/** A port already in use (or not ours to take): which one, and how to choose another, instead of `listen EADDRINUSE`. */
export function listenErrorMessage(e: unknown, port: number, host: string): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} on ${host} is already in use (another playground, or another program, is listening there). ` +
      `Stop it, or choose another port: PORT=${port === 8080 ? 8081 : port + 1} npm start (PORT=0 picks a free one).`;
  }
  if (code === 'EACCES') return `Port ${port} on ${host} needs privileges this user lacks. Choose another port: PORT=8080 npm start (PORT=0 picks a free one).`;
  return `Could not listen on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}`;
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}
