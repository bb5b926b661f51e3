import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session as appSession, type Session } from '@/session';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type Note = Json<paths['/api/notes/{id}']['get']['responses'][200]>;
export type TokenResponse = Json<paths['/api/auth/login']['post']['responses'][200]>;

/** RFC 9457 problem details, as every API error is shaped. */
export interface Problem {
  status?: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]> | { name?: string; reason?: string }[];
}

/** Endpoints that work without a token; a 401 from them is an answer, not a lost session. */
const anonymousPaths = new Set(['/api/auth/login', '/api/auth/register']);
const refreshPath = '/api/auth/refresh';

type SessionPort = Pick<Session, 'token' | 'end' | 'settled'>;

/**
 * The generated client, plus the two things every call needs: the session's bearer token, and a
 * `401` on an authenticated call ending the session with the reason the API gave.
 */
export function createApi(session: SessionPort, options: { baseUrl?: string; fetch?: typeof fetch } = {}) {
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  // A copy of each authenticated request, kept until its answer, so it can be sent again.
  const copies = new WeakMap<Request, Request>();

  async function endOn401(response: Response) {
    const problem = await readProblem(response.clone());
    session.end(problem?.detail === 'Token has expired' ? 'expired' : 'revoked');
  }

  const auth: Middleware = {
    onRequest({ request, schemaPath }) {
      const token = session.token();
      if (token && !anonymousPaths.has(schemaPath)) {
        request.headers.set('Authorization', `Bearer ${token}`);
        copies.set(request, request.clone());
      }
      return request;
    },
    async onResponse({ request, response, schemaPath }) {
      if (response.status !== 401 || !request.headers.has('Authorization')) return response;
      // A refresh replaces the session: a request that left with the old token just before is
      // refused, though the user is still signed in. Send it again with the new token.
      if (schemaPath !== refreshPath) await session.settled();
      const token = session.token();
      const copy = copies.get(request);
      if (token && copy && request.headers.get('Authorization') !== `Bearer ${token}`) {
        copy.headers.set('Authorization', `Bearer ${token}`);
        const retried = await send(copy);
        if (retried.status === 401) await endOn401(retried);
        return retried;
      }
      await endOn401(response);
      return response;
    },
  };
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? '', fetch: send });
  client.use(auth);
  return client;
}

export type Api = ReturnType<typeof createApi>;

export const api = createApi(appSession);

/** Renews the current token (sliding sign-in); the session calls this before the token runs out. */
export async function refreshToken(): Promise<TokenResponse> {
  const { data, error } = await api.POST(refreshPath);
  if (!data) throw new ApiError(error as Problem | undefined);
  return data;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? 'The request failed.');
  }
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

/** A human sentence for an API refusal: the API's own words when it gave some. */
export function problemMessage(problem: Problem | undefined, fallback: string): string {
  return problem?.detail?.trim() || fallback;
}

/** Field name (camelCase, as in the request) → the API's messages for it. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  const errors = problem?.errors;
  if (Array.isArray(errors)) {
    for (const { name, reason } of errors) if (name && reason) result[camel(name)] ??= reason;
  } else if (errors) {
    for (const [name, messages] of Object.entries(errors)) if (messages[0]) result[camel(name)] = messages[0];
  }
  return result;
}

function camel(name: string) {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Explains a failed fetch (no answer at all) in words. */
export const networkErrorMessage = 'Cannot reach the server. Check your connection and try again.';
