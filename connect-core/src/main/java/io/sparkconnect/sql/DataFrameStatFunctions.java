package io.sparkconnect.sql;

import io.sparkconnect.proto.Relation;
import io.sparkconnect.proto.StatApproxQuantile;
import io.sparkconnect.proto.StatCorr;
import io.sparkconnect.proto.StatCov;
import io.sparkconnect.proto.StatCrosstab;
import io.sparkconnect.proto.StatFreqItems;
import io.sparkconnect.proto.StatSampleBy;
import io.sparkconnect.sql.internal.Literals;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Statistics of a DataFrame: correlation, covariance, crosstabs, frequent items, quantiles, stratified samples. */
public final class DataFrameStatFunctions {
  private final DataFrame df;

  DataFrameStatFunctions(DataFrame df) {
    this.df = df;
  }

  /** The Pearson correlation of two numeric columns. */
  public double corr(String column1, String column2) {
    return corr(column1, column2, "pearson");
  }

  public double corr(String column1, String column2, String method) {
    if (!method.equals("pearson")) {
      throw new IllegalArgumentException("Only the 'pearson' correlation is supported, got '" + method + "'");
    }
    return single(Relation.newBuilder().setCorr(StatCorr.newBuilder().setInput(df.plan()).setCol1(column1)
        .setCol2(column2).setMethod(method))).getDouble(0);
  }

  /** The sample covariance of two numeric columns. */
  public double cov(String column1, String column2) {
    return single(Relation.newBuilder().setCov(StatCov.newBuilder().setInput(df.plan()).setCol1(column1)
        .setCol2(column2))).getDouble(0);
  }

  /** A contingency table: one row per value of {@code column1}, one column per value of {@code column2}. */
  public DataFrame crosstab(String column1, String column2) {
    return df.derived(Relation.newBuilder().setCrosstab(StatCrosstab.newBuilder().setInput(df.plan())
        .setCol1(column1).setCol2(column2)));
  }

  /** Items that occur in at least {@code support} (default 1%) of rows, per column; may include false positives. */
  public DataFrame freqItems(String[] columns, double support) {
    if (columns.length == 0) {
      throw new IllegalArgumentException("freqItems needs at least one column");
    }
    if (!(support >= 1e-4 && support <= 1)) {
      throw new IllegalArgumentException("freqItems support must be in [1e-4, 1], got " + support);
    }
    return df.derived(Relation.newBuilder().setFreqItems(StatFreqItems.newBuilder().setInput(df.plan())
        .addAllCols(Arrays.asList(columns)).setSupport(support)));
  }

  public DataFrame freqItems(String... columns) {
    return freqItems(columns, 0.01);
  }

  /** Approximate quantiles of each column, within {@code relativeError} (0 for exact). */
  public double[][] approxQuantile(String[] columns, double[] probabilities, double relativeError) {
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probabilities must be in [0, 1], got " + p);
      }
    }
    if (!(relativeError >= 0)) {
      throw new IllegalArgumentException("relativeError must not be negative, got " + relativeError);
    }
    StatApproxQuantile.Builder quantile = StatApproxQuantile.newBuilder().setInput(df.plan())
        .addAllCols(Arrays.asList(columns)).setRelativeError(relativeError);
    for (double p : probabilities) {
      quantile.addProbabilities(p);
    }
    List<List<Double>> result = single(Relation.newBuilder().setApproxQuantile(quantile)).getList(0);
    double[][] out = new double[result.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = result.get(i).stream().mapToDouble(Double::doubleValue).toArray();
    }
    return out;
  }

  public double[] approxQuantile(String column, double[] probabilities, double relativeError) {
    return approxQuantile(new String[] {column}, probabilities, relativeError)[0];
  }

  /** A stratified sample: rows of each stratum (value of {@code column}) kept with its fraction. */
  public DataFrame sampleBy(String column, Map<?, Double> fractions, long seed) {
    StatSampleBy.Builder sample = StatSampleBy.newBuilder().setInput(df.plan())
        .setCol(functions.col(column).expression()).setSeed(seed);
    fractions.forEach((stratum, fraction) -> {
      if (fraction < 0 || fraction > 1) {
        throw new IllegalArgumentException("fraction for " + stratum + " must be in [0, 1], got " + fraction);
      }
      sample.addFractions(StatSampleBy.Fraction.newBuilder().setStratum(Literals.of(stratum)).setFraction(fraction));
    });
    return df.derived(Relation.newBuilder().setSampleBy(sample));
  }

  private Row single(Relation.Builder relation) {
    return df.derived(relation).first();
  }
}
