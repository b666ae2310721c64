import { quizSchema } from '../../../schemas/quiz.ts';
import { validateYaml } from '../../content/validate.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import { quizRules } from '../quiz-rules.ts';

/**
 * The quiz's own rules (schema, then what scoring needs) on a quiz YAML that was just written,
 * with positions in that YAML: an import must not hand over a file that `sopkit check` refuses
 * without saying so. References to SOPs and workflows are left to `sopkit check`.
 * @param yamlText The quiz YAML.
 * @param file Its path, for messages.
 */
export function importedQuizProblems(yamlText: string, file: string): Diagnostic[] {
  const validated = validateYaml(yamlText, quizSchema, file, 'quiz/schema');
  const rules = validated.value ? quizRules(validated.value) : [];
  return [...validated.diagnostics, ...rules.map((i) => diagnostic(i.severity, i.code, file, i.message, validated.yaml.positionOf(i.path)))];
}
