import { describe, expect, it } from 'vitest';
import { estimateStrength } from '@/passwordStrength';

// The first estimate loads zxcvbn's word lists.
const loadingMs = 15_000;

describe('estimateStrength (zxcvbn)', () => {
  it.each(['password', '12345678', 'qwertyuiop', 'iloveyou1', 'aaaaaaaaaa'])(
    'calls %j too easy to guess, and says why or what to do',
    async (password) => {
      const strength = await estimateStrength(password, 'alice');
      expect(strength.enough).toBe(false);
      expect(strength.score).toBeLessThan(3);
      expect(strength.advice.length).toBeGreaterThan(0);
    },
    loadingMs,
  );

  it('counts the username as a word anyone could guess', async () => {
    const username = 'qz7_vorpal_umbra';
    expect((await estimateStrength(username, 'alice')).enough).toBe(true);
    expect((await estimateStrength(username, username)).enough).toBe(false);
  });

  it.each(['correct horse battery staple', 'секретный пароль дракона', 'Mx7#qL9z-walrus-Tundra'])('accepts %j', async (password) => {
    const strength = await estimateStrength(password, 'alice');
    expect(strength.enough).toBe(true);
    expect(['Good', 'Strong']).toContain(strength.label);
  });
});
