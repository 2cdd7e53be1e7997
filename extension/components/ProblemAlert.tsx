import { describeProblem, type Reader } from '../utils/refusal';
import type { ApiProblem } from '../utils/problem';

/**
 * A refusal from the worker in plain words, announced to screen readers (`role="alert"`): the
 * title, what it means and what to do, and the worker's own explanation when it adds facts.
 *
 * @example
 * {problem && <ProblemAlert problem={problem} />}
 */
export function ProblemAlert({ problem, reader = 'agency' }: { problem: ApiProblem; reader?: Reader }) {
  const text = describeProblem(problem, reader);
  return (
    <div class="alert alert-problem" role="alert" data-code={problem.code}>
      <p class="alert-title">{text.title}</p>
      <p>{text.detail}</p>
      {text.workerDetail && <p class="alert-worker-detail">{text.workerDetail}</p>}
    </div>
  );
}
