package dev.amends.load;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of durations in milliseconds (nearest rank, so every figure was observed). */
record Latencies(int count, double p50, double p99, double p999, double max) {

    static Latencies of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
                sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
