import { describe, expect, it } from 'vitest';
import { limits, usernamePattern } from '@/validation';
import openapi from '../openapi/v1.json';

// The limits the forms check are the API's: this holds them equal to the exported OpenAPI document's, so neither side
// can change one alone.

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
};
type Operation = {
  requestBody?: { content: Record<string, { schema: Schema }> };
  parameters?: { $ref?: string; name: string; in: string; schema: Schema }[];
};

const document = openapi as unknown as { paths: Record<string, Record<string, Operation>> };

/** Follows `$ref`s (JSON pointers into this document) to the object they name. */
function resolved<T extends { $ref?: string }>(node: T): T {
  let current = node;
  while (current.$ref) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<any>((parent, key: string) => parent[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  }
  return current;
}

function bodyMember(method: string, path: string, member: string): Schema {
  const body = resolved(document.paths[path]![method]!.requestBody!.content['application/json']!.schema);
  return resolved(body.properties![member]!);
}

function queryParameter(method: string, path: string, name: string): Schema {
  const parameter = document.paths[path]![method]!.parameters!.map(resolved).find((p) => p.in === 'query' && p.name === name);
  return resolved(parameter!.schema);
}

const register = (member: string) => bodyMember('post', '/api/auth/register', member);
const login = (member: string) => bodyMember('post', '/api/auth/login', member);
const add = (member: string) => bodyMember('post', '/api/notes', member);
const update = (member: string) => bodyMember('put', '/api/notes/{id}', member);
const patch = (member: string) => bodyMember('patch', '/api/notes/{id}', member);

describe('the limits the forms check are the OpenAPI document’s', () => {
  it.each([
    ['register: username', () => register('username'), { minLength: limits.usernameMin, maxLength: limits.usernameMax, pattern: usernamePattern.source }],
    ['register: password', () => register('password'), { minLength: limits.passwordMin, maxLength: limits.passwordMax }],
    ['sign-in: username', () => login('username'), { maxLength: limits.usernameMax }],
    ['sign-in: password', () => login('password'), { maxLength: limits.passwordMax }],
    ['add: title', () => add('title'), { maxLength: limits.titleMax }],
    ['add: description', () => add('description'), { maxLength: limits.descriptionMax }],
    ['update: title', () => update('title'), { maxLength: limits.titleMax }],
    ['update: description', () => update('description'), { maxLength: limits.descriptionMax }],
    ['patch: title', () => patch('title'), { maxLength: limits.titleMax }],
    ['patch: description', () => patch('description'), { maxLength: limits.descriptionMax }],
    ['add: tags', () => add('tags'), { maxItems: limits.tagsPerNote, items: { maxLength: limits.tagMax } }],
    ['patch: tags', () => patch('tags'), { maxItems: limits.tagsPerNote, items: { maxLength: limits.tagMax } }],
    ['list: search', () => queryParameter('get', '/api/notes', 'search'), { maxLength: limits.searchMax }],
  ])('%s', (_, schema, expected) => {
    expect(schema()).toMatchObject(expected);
  });
});
