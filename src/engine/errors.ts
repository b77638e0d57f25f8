// The engine's one error type: a message written for the person who has to fix the problem.

export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}
