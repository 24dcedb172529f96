/** What the charts draw: plain numbers, independent of how the benchmark measured them. */

/** A measured value: the median of the runs and their range. */
export interface Measured {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Bars side by side per group (a call shape), one per series (a client). */
export interface BarChartData {
  readonly title: string;
  readonly yLabel: string;
  readonly series: readonly string[];
  readonly groups: readonly { readonly label: string; readonly values: readonly (Measured | undefined)[] }[];
}

/** Lines over a numeric x axis (the number of scripts), one per series, with a min–max bar at each point. */
export interface LineChartData {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly {
    readonly name: string;
    /** Drawn dashed: a reference line such as the floor. */
    readonly reference?: boolean;
    readonly points: readonly ({ readonly x: number } & Measured)[];
  }[];
}
