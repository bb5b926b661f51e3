/**
 * A fresh `Idempotency-Key`: 128 random bits in hex. getRandomValues works on plain HTTP too, where crypto.randomUUID
 * does not exist (secure contexts only).
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
