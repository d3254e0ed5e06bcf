// Measures what a browser transfers on a first load of the /chat page: the page and every script and
// stylesheet it names, fetched with Accept-Encoding "br, gzip" as Chromium sends it, counting the bytes
// on the wire (compressed), not the decoded size. Prints one JSON line.
//   node page-bytes.mjs <origin>
import { get } from 'node:http';

const origin = process.argv[2];

function fetchRaw(path) {
  return new Promise((resolve, reject) => {
    get(new URL(path, origin), { headers: { 'Accept-Encoding': 'br, gzip' } }, response => {
      const chunks = [];
      response.on('data', chunk => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, encoding: response.headers['content-encoding'] ?? 'identity', body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const page = await fetchRaw('/chat');
// The page is small and its own: its links are read from the decoded HTML.
const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
const html = (page.encoding === 'br' ? brotliDecompressSync(page.body) : page.encoding === 'gzip' ? gunzipSync(page.body) : page.body).toString('utf8');
const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map(m => m[1]);
const files = [{ path: '/chat', status: page.status, encoding: page.encoding, bytes: page.body.length }];
for (const path of assets) {
  const asset = await fetchRaw(path);
  files.push({ path, status: asset.status, encoding: asset.encoding, bytes: asset.body.length });
}

process.stdout.write(`${JSON.stringify({ totalBytes: files.reduce((sum, f) => sum + f.bytes, 0), files })}\n`);
