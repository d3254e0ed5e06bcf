// Copies Web Chat's minimal browser bundle (text, suggested actions, attachments; no Adaptive Cards
// or speech, which the chat does not use) into dist/ with Brotli and gzip copies made once here, so
// the standalone host serves the smallest transfer without compressing per request.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const source = 'node_modules/botframework-webchat/dist/webchat-minimal.js';
const bundle = readFileSync(source);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/webchat.js.br', brotliCompressSync(bundle, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bundle.length },
}));
writeFileSync('dist/webchat.js.gz', gzipSync(bundle, { level: 9 }));
writeFileSync('dist/webchat.js.LICENSE.txt', readFileSync(`${source}.LICENSE.txt`));
// Written last: the build runs this script again whenever the lockfile is newer than this file.
writeFileSync('dist/webchat.js', bundle);
console.log(`webchat.js ${bundle.length} bytes`);
