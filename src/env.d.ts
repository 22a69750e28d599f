declare namespace App {
  interface Locals {
    /** The snapshot a period page renders; MDX commentary components read their figures from it. */
    reviewSnapshot?: import('./lib/snapshot/build-snapshots.ts').PeriodSnapshot;
  }
}
