export type Purpose = 'tools' | 'desktop';
export interface NodeVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}
export declare const FLOORS: Record<
  Purpose,
  { readonly range: string; readonly what: string; accepts(version: NodeVersion): boolean }
>;
export declare function parseNodeVersion(version: string): NodeVersion | null;
export declare function floorProblem(version: string, purpose: Purpose): string | null;
