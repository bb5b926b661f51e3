/** How much of a request body has left so far, in bytes. */
export type UploadProgress = (sent: number, total: number) => void;

/**
 * A `fetch` that reports how much of the request body has been sent, for the one call that needs it (an import): fetch
 * itself says nothing about an upload's progress, XMLHttpRequest does. It is handed to the generated client as that
 * call's `fetch`, so the request it sends is the client's own, after its middleware: the token, and a `401` ending the
 * session or being sent again after a refresh, stay where every other call has them (`client.ts`), and the answer
 * comes back as a `Response` the request helper reads as it reads any other. (A request the client sends again after a
 * refresh goes by its plain fetch: that rare second upload shows no progress.)
 */
export function fetchWithUploadProgress(onProgress: UploadProgress) {
  return async (request: Request): Promise<Response> => {
    // The client's Request holds the body already encoded (a multipart form with its boundary in Content-Type).
    const body = await request.blob();
    return new Promise<Response>((resolve, reject) => {
      const aborted = () => new DOMException('The import was cancelled.', 'AbortError');
      if (request.signal.aborted) return reject(aborted());
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.responseType = 'blob';
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(event.loaded, event.total);
      });
      xhr.addEventListener('load', () => resolve(responseOf(xhr)));
      // As fetch does: no answer at all is a TypeError, which the request helper reports as an unreachable server.
      xhr.addEventListener('error', () => reject(new TypeError('Failed to fetch')));
      xhr.addEventListener('timeout', () => reject(new TypeError('Failed to fetch')));
      xhr.addEventListener('abort', () => reject(aborted()));
      request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
  };
}

/** Statuses whose Response may carry no body (the constructor throws on one). */
const bodiless = new Set([101, 204, 205, 304]);

function responseOf(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const body = bodiless.has(xhr.status) ? null : (xhr.response as Blob | null);
  return new Response(body, { status: xhr.status, statusText: xhr.statusText, headers });
}
