// HTTP clients for the checks: each sends from a loopback address of its own (Linux routes all of 127.0.0.0/8 to the
// loopback interface), so nginx, and an instance called directly, see a distinct client address per client.
import http from "node:http";
import https from "node:https";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

let nextAddress = 10;

/** A client at a fresh loopback address (127.0.0.10 and up; 127.0.0.1 is nginx, the proxy the instances trust). */
export function newClient(ca) {
  const address = `127.0.0.${nextAddress++}`;
  const agents = {
    "http:": new http.Agent({ keepAlive: true, localAddress: address }),
    "https:": new https.Agent({ keepAlive: true, localAddress: address, ca }),
  };
  /** Sends one request; resolves with its status, headers and JSON body (or text), rejects when no answer came. */
  const send = (base, method, path, { token, body, headers = {} } = {}) =>
    new Promise((resolve, reject) => {
      const url = new URL(path, base);
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = (url.protocol === "https:" ? https : http).request(url, {
        method,
        agent: agents[url.protocol],
        headers: {
          ...(payload !== undefined && { "content-type": "application/json" }),
          ...(token && { authorization: `Bearer ${token}` }),
          ...headers,
        },
      });
      request.setTimeout(60_000, () => request.destroy(new Error(`no answer in 60 s to ${method} ${url}`)));
      request.on("error", reject);
      request.on("response", (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode, headers: response.headers, json, text });
        });
      });
      request.end(payload);
    });
  const close = () => Object.values(agents).forEach((agent) => agent.destroy());
  return { address, send, close };
}

export const password = "analytical engine 1843";

/** Registers a new user through `base` and signs them in there; returns the username and the token. */
export async function signedInUser(client, base, label) {
  const username = `${label}-${randomUUID().slice(0, 8)}`;
  const registered = await client.send(base, "POST", "/api/auth/register", { body: { username, password } });
  if (registered.status !== 201) throw new Error(`registering ${username} answered ${registered.status}: ${registered.text}`);
  return { username, token: await signIn(client, base, username) };
}

export async function signIn(client, base, username) {
  const answer = await client.send(base, "POST", "/api/auth/login", { body: { username, password } });
  if (answer.status !== 200) throw new Error(`signing in ${username} answered ${answer.status}: ${answer.text}`);
  return answer.json.token;
}

// The dashboard's retry policy for an add (web/src/composables/retry.ts), read from its source so the two cannot drift.
const retrySource = readFileSync(new URL("../../../web/src/composables/retry.ts", import.meta.url), "utf8");
const constant = (name) => {
  const match = retrySource.match(new RegExp(`const ${name}\\s*=\\s*([^;]+);`));
  if (!match) throw new Error(`web/src/composables/retry.ts no longer defines ${name}`);
  return JSON.parse(match[1].replaceAll("_", ""));
};
export const retryDelaysMs = constant("retryDelaysMs");
const maxRetryAfterMs = constant("maxRetryAfterMs");

/**
 * Calls `call` as the dashboard's withRetries does: again after no answer, a 503 or an idempotency_key_in_progress, after
 * each delay in turn (or the Retry-After asked for, capped), then once more; `onRetry` hears of each retry.
 */
export async function withRetries(call, onRetry) {
  for (let retry = 1; retry <= retryDelaysMs.length; retry++) {
    const answer = await call().catch(() => null);
    if (answer && answer.status !== 503 && answer.json?.code !== "idempotency_key_in_progress") return answer;
    onRetry(answer);
    const retryAfter = Number(answer?.headers["retry-after"]);
    const wait = Math.max(retryDelaysMs[retry - 1], retryAfter > 0 ? Math.min(retryAfter * 1000, maxRetryAfterMs) : 0);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return call();
}
