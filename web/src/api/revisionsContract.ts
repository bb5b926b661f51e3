// The revisions endpoints as the contract describes them, until the API's own document (and so the generated
// schema) has them: this file goes once `npm run gen:api` brings them in.
import type { components } from './schema';

type Note = components['schemas']['NoteResponse'];
type ProblemBody = components['schemas']['Problem'];
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type ProblemAnswer = { headers: { [name: string]: unknown }; content: { 'application/problem+json': ProblemBody } };
type NoteAnswer = { headers: { ETag?: string; [name: string]: unknown }; content: { 'application/json': Note } };
type Unused = { query?: never; header?: never; path?: never; cookie?: never };

interface RevisionSummary {
  version: number;
  title: string;
  savedAt: string;
  length: number;
}

interface Revision {
  version: number;
  title: string;
  description: string;
  savedAt: string;
}

declare module './schema' {
  interface paths {
    '/api/notes/{id}/revisions': {
      parameters: Unused;
      get: {
        parameters: { query?: { page?: number; pageSize?: number }; header?: never; path: { id: string }; cookie?: never };
        requestBody?: never;
        responses: {
          200: Json<{ items: RevisionSummary[]; page: number; pageSize: number; total: number }>;
          400: ProblemAnswer;
          404: ProblemAnswer;
        };
      };
    };
    '/api/notes/{id}/revisions/{version}': {
      parameters: Unused;
      get: {
        parameters: { query?: never; header?: never; path: { id: string; version: number }; cookie?: never };
        requestBody?: never;
        responses: { 200: Json<Revision>; 404: ProblemAnswer };
      };
    };
    '/api/notes/{id}/revisions/{version}/restore': {
      parameters: Unused;
      post: {
        parameters: { query?: never; header?: { 'If-Match'?: string }; path: { id: string; version: number }; cookie?: never };
        requestBody?: never;
        responses: { 200: NoteAnswer; 404: ProblemAnswer; 409: ProblemAnswer; 412: ProblemAnswer };
      };
    };
  }
}
