import type { Executor } from "../db/db.ts";
import { ANALYSIS_JOBS } from "./analysis-jobs.ts";

/** A job's name. */
export type JobName = keyof typeof ANALYSIS_JOBS;
/** A job's input. */
export type JobInput<K extends JobName> = Parameters<(typeof ANALYSIS_JOBS)[K]>[1];
/** A job's output. */
export type JobOutput<K extends JobName> = Awaited<ReturnType<(typeof ANALYSIS_JOBS)[K]>>;

/** An executor that may run a job elsewhere (a database whose reads run in worker threads). */
export interface JobRunner {
  runJob?(name: string, input: unknown): Promise<unknown>;
}

/**
 * Runs the analysis job `name` where its rows are: in a database reader thread when `db` has
 * them (so the tens of thousands of rows a field-wide analysis reads never reach the thread
 * serving HTTP, and only the small answer crosses), else here on `db`.
 */
export async function runJob<K extends JobName>(
  db: Executor & JobRunner,
  name: K,
  input: JobInput<K>,
): Promise<JobOutput<K>> {
  if (db.runJob) return (await db.runJob(name, input)) as JobOutput<K>;
  const job = ANALYSIS_JOBS[name] as (db: Executor, input: JobInput<K>) => Promise<JobOutput<K>>;
  return job(db, input);
}
