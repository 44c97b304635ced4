export declare function png(size: number): Buffer;
export declare function ico(sizes: number[]): Buffer;
export declare function icns(entries: [string, number][]): Buffer;
