import { stringify } from 'yaml';
import type { Quiz } from '../../../schemas/quiz.ts';

/**
 * A quiz as the YAML an author would write (ARCHITECTURE.md, Formats: quiz): defaults left out (`correct: false`,
 * `marks: 1`, `feedback: false`) so the file stays short and readable.
 */
export function quizToYaml(quiz: Quiz): string {
  const plain = {
    ...quiz,
    ...(quiz.feedback ? {} : { feedback: undefined }),
    items: quiz.items.map((item) => ({
      ...item,
      marks: item.marks === 1 ? undefined : item.marks,
      options: item.options.map((o) => ({ ...o, correct: o.correct ? true : undefined })),
    })),
  };
  return stringify(JSON.parse(JSON.stringify(plain)), { lineWidth: 0 });
}
