// An HTTP client that counts what crosses the wire: the bytes written to and read from the TCP socket for
// each request (status line, headers, body, chunked framing; no TCP/IP overhead), on one keep-alive
// connection like a browser's. Bodies arrive as sent (compressed or not) and are decoded here.
import http, { type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';

/** Roughly what Chromium on an Android phone adds to every same-origin fetch, so header bytes are realistic. */
export const BROWSER_HEADERS: Record<string, string> = {
  'User-Agent':
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
  'Accept-Language': 'vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7',
  'sec-ch-ua': '"Chromium";v="156", "Not)A;Brand";v="24"',
  'sec-ch-ua-mobile': '?1',
  'sec-ch-ua-platform': '"Android"',
  'Sec-Fetch-Site': 'same-origin',
  'Sec-Fetch-Mode': 'cors',
  'Sec-Fetch-Dest': 'empty',
};

export interface WireResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The decoded body. */
  text: string;
  /** The body as it crossed the wire (compressed when Content-Encoding says so). */
  bodyBytes: number;
  /** Everything written to the socket for this request: request line, headers and body. */
  sentBytes: number;
  /** Everything read from the socket for this response. */
  receivedBytes: number;
}

export interface WireClient {
  request: (method: string, path: string, headers: Record<string, string>, body?: Uint8Array) => Promise<WireResponse>;
  close: () => void;
}

export function createWireClient(baseUrl: string): WireClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const origin = new URL(baseUrl);
  return {
    request(method, path, headers, body) {
      return new Promise((resolve, reject) => {
        const allHeaders: Record<string, string> = {
          ...BROWSER_HEADERS,
          Origin: origin.origin,
          Referer: `${origin.origin}/`,
          ...headers,
        };
        if (body) allHeaders['Content-Length'] = String(body.byteLength);
        const request = http.request(
          { hostname: origin.hostname, port: origin.port, path, method, headers: allHeaders, agent },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const raw = Buffer.concat(chunks);
              const counted = counters.get(request);
              if (!counted) return reject(new Error('no socket was assigned'));
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                text: decode(raw, response.headers['content-encoding']).toString('utf8'),
                bodyBytes: raw.byteLength,
                sentBytes: counted.socket.bytesWritten - counted.written,
                receivedBytes: counted.socket.bytesRead - counted.read,
              });
            });
          },
        );
        request.on('socket', (socket: Socket) => {
          counters.set(request, { socket, written: socket.bytesWritten, read: socket.bytesRead });
        });
        request.on('error', reject);
        request.end(body ? Buffer.from(body) : undefined);
      });
    },
    close: () => agent.destroy(),
  };
}

const counters = new WeakMap<http.ClientRequest, { socket: Socket; written: number; read: number }>();

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return gunzipSync(raw);
  if (encoding === 'deflate') return inflateSync(raw);
  return raw;
}
