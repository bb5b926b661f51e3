// Reads the report of `httpyac send --json` and prints, per request, what was sent, what came back and how each assertion
// fared; then, as its last line, "N passed, N failed" over the assertions. Exits 1 when anything failed or nothing ran.
// Usage: node tools/httpyac/summarize.mjs <report.json> <httpyac exit status>
import { readFileSync } from "node:fs";

const [reportPath, httpyacStatus = "0"] = process.argv.slice(2);

function finish(passed, failed) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

let report;
try {
  report = JSON.parse(readFileSync(reportPath, "utf8"));
} catch (error) {
  console.log(`httpyac left no readable report (exit status ${httpyacStatus}): ${error.message}`);
  finish(0, 1);
}

const clip = (text, length) => (text.length > length ? `${text.slice(0, length)}…` : text);
let passed = 0;
let failed = 0;

for (const request of report.requests ?? []) {
  const results = request.testResults ?? [];
  const ok = results.filter(r => r.status === "SUCCESS");
  const bad = results.filter(r => r.status === "FAILED" || r.status === "ERROR");
  if (ok.length === 0 && bad.length === 0) continue; // not sent: a step before it failed (--bail)
  passed += ok.length;
  failed += bad.length;

  const { response } = request;
  const url = response?.request ? new URL(response.request.url) : undefined;
  const sent = url ? `${response.request.method} ${url.pathname}${url.search}` : "no answer";
  const answer = response ? ` -> ${response.statusCode}` : "";
  console.log(`${bad.length ? "✗" : "✓"} ${request.title ?? request.name}`);
  console.log(`    ${sent}${answer} (${ok.length}/${results.length} assertions hold)`);
  // A request that got no answer at all errs every one of its assertions with the same message: say it once.
  for (const line of new Set(bad.map(result => {
    const reason = result.status === "FAILED" ? (result.error?.displayMessage ?? result.error?.message ?? "") : "";
    return `    ✗ ${result.message}${reason ? `: ${clip(reason, 300)}` : ""}`;
  }))) {
    console.log(line);
  }
  if (bad.length && response) {
    const headers = Object.entries(response.headers ?? {}).map(([name, value]) => `${name}: ${value}`).join("; ");
    console.log(`    response headers: ${clip(headers, 600)}`);
    console.log(`    response body: ${clip(String(response.body ?? ""), 600)}`);
  }
}

const summary = report.summary ?? {};
if (summary.skippedRequests > 0 && failed > 0) {
  console.log(`Stopped at the first failure: ${summary.skippedRequests} of ${summary.totalRequests} requests were not sent.`);
}
if (failed === 0 && httpyacStatus !== "0") {
  console.log(`httpyac exited with status ${httpyacStatus} although no assertion failed.`);
  failed = 1;
}
if (passed + failed === 0) {
  console.log("No assertion ran.");
  failed = 1;
}
finish(passed, failed);
