// zxcvbn's estimate of how easy a new password is to guess, as advice while it is typed. The API judges the password
// again on registration, and its verdict is the one that counts.
import type { ZxcvbnResult } from '@zxcvbn-ts/core';
import { limits } from '@/validation';

export interface Strength {
  /** zxcvbn's score, 0 (guessed at once) to 4. */
  score: number;
  /** Whether the score is one the API accepts. */
  enough: boolean;
  label: string;
  /** zxcvbn's warning and suggestions, in English, in that order. */
  advice: string[];
}

const labels = ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'];

type Check = (password: string, userInputs: string[]) => ZxcvbnResult;
let loading: Promise<Check> | undefined;

/**
 * zxcvbn and its word lists (megabytes of them) are loaded on first use, as chunks of their own, so that no other
 * page pays for them. A failed load is forgotten, so the next call tries again.
 */
function loadCheck(): Promise<Check> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, english]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...english.dictionary },
        graphs: common.adjacencyGraphs,
        translations: english.translations,
      });
      return (password, userInputs) => zxcvbn.check(password, userInputs);
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** How easy `password` is to guess for someone who knows the username, with zxcvbn's advice when it has some. */
export async function estimateStrength(password: string, username: string): Promise<Strength> {
  const check = await loadCheck();
  const { score, feedback } = check(password, username ? [username] : []);
  return {
    score,
    enough: score >= limits.passwordMinScore,
    label: labels[score]!,
    advice: [feedback.warning, ...feedback.suggestions].filter((line): line is string => !!line),
  };
}
