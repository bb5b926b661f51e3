import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session as appSession, type Session } from '@/session';

type Body<T, Type extends string> = T extends { content: { [K in Type]: infer Body } } ? Body : never;

export type Note = Body<paths['/api/notes/{id}']['get']['responses'][200], 'application/json'>;
export type TokenResponse = Body<paths['/api/auth/login']['post']['responses'][200], 'application/json'>;
/** A merge patch of a note (RFC 7396): only the members sent change. */
export type NotePatch = Body<NonNullable<paths['/api/notes/{id}']['patch']['requestBody']>, 'application/json'>;
/** An earlier version of a note, as its history lists it (`length`: the description's, in characters). */
export type RevisionSummary = Body<paths['/api/notes/{id}/revisions']['get']['responses'][200], 'application/json'>['items'][number];
/** An earlier version of a note, whole. */
export type Revision = Body<paths['/api/notes/{id}/revisions/{version}']['get']['responses'][200], 'application/json'>;
/** A tag on the caller's notes outside the trash, with how many notes carry it. */
export type TagCount = Body<paths['/api/tags']['get']['responses'][200], 'application/json'>[number];

/**
 * `If-Match` for a note as a list showed it, which carries no `ETag`: the API's entity tag is the version in quotes
 * (`"3"`, as its OpenAPI document says), so a change only lands on the version the user saw.
 */
export function versionTag(note: Pick<Note, 'version'>): string {
  return `"${note.version}"`;
}

/** RFC 9457 problem details, as every API error is shaped; `code` is what a client branches on, never `detail`. */
export type Problem = components['schemas']['Problem'];

/** A `412 version_conflict` carries the note as it is now, so a client can merge without asking again. */
export function currentOf(problem: Problem | undefined): Note | null {
  return (problem as Partial<components['schemas']['VersionConflictProblem']> | undefined)?.current ?? null;
}

/** Endpoints that work without a token; a 401 from them is an answer, not a lost session. */
const anonymousPaths = new Set(['/api/auth/login', '/api/auth/register', '/api/shared/{token}']);
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
    session.end(problem?.code === 'token_expired' ? 'expired' : 'revoked');
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
