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

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

export function sendJson(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS });
  res.end(JSON.stringify(data));
}

export function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(html);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(text);
}
