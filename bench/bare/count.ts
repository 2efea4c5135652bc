/** How a bare bot reports its in-memory count to the benchmark that runs it (one stdout line each). */
export type Count = (platform: string, n: number) => void;

export const printCount: Count = (platform, n) => {
  process.stdout.write(`counted ${platform} ${n}\n`);
};
