export interface Step {
  readonly name: string;
  readonly command: string;
}
export interface Steps {
  readonly prepare: readonly Step[];
  readonly test: Step;
  readonly restore: Step;
}
export declare const TEST_ELECTRON_STEPS: Steps;
export declare function runWithRestore(
  steps: Steps,
  exec: (step: Step) => number,
): { code: number; step: string | null };
