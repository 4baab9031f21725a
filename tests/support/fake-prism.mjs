// A stand-in for Prism's CLI in unit tests: takes Prism's arguments, and behaves as FAKE_PRISM_MODE says:
// "serve" answers every request with JSON echoing the cookie it got; "fail" prints a fatal error and
// exits 1, as Prism does with a spec it cannot read; "hang" never listens.
import { createServer } from 'node:http';

const args = process.argv.slice(2);
/** @param {string} flag */
const valueOf = (flag) => args[args.indexOf(flag) + 1];
const mode = process.env.FAKE_PRISM_MODE ?? 'serve';

console.log('[CLI] …  awaiting  Starting Prism…');
if (mode === 'fail') {
  console.error('[CLI] ✖  fatal     Error parsing spec.json: unexpected end of the stream');
  console.error('Options:\n  --errors  whether violations produce an error response');
  process.exit(1);
} else if (mode === 'serve') {
  createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie ?? null, token: req.headers['meshplay-token'] ?? null }));
  }).listen(Number(valueOf('-p')), valueOf('-h'));
} else {
  setInterval(() => {}, 1000);
}
