export declare const abiLabel: (runtime: 'node' | 'electron', abi: string | number) => string;
export declare function abiOfLoadError(message: string): string | null;
export declare function labelOfBuild(probe: {
  loadsInNode: boolean;
  loadError: string;
  nodeAbi: string | number;
  electronAbi: string | number;
}): string | null;
export declare function archOfExecutable(bytes: Uint8Array): string | null;
interface InstallContext {
  env: Record<string, string | undefined>;
  platform: string;
  nodeArch: string;
  underRosetta: boolean;
}
export declare function electronInstallArch(context: InstallContext): string;
export declare function electronBuildArch(context: InstallContext & { binaryArch: string | null }): string;
export declare function npmInvocation(context: {
  env: Record<string, string | undefined>;
  platform: string;
  nodePath: string;
}): { command: string; prefix: string[]; shell: boolean };
export declare function electronBuildSteps(context: {
  version: string;
  arch: string;
  prebuildInstallBin: string;
  electronRebuildBin: string;
  projectDir: string;
}): { name: string; args: string[]; inPackageDir: boolean }[];
