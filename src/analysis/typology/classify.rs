//! Cutting the composite index into classes: the three-class cut around the mean, quantiles,
//! natural breaks (Jenks, exact) and one-dimensional k-means. Every method keeps equal indices
//! in one class and gives classes that are monotone in the index.

use super::{ClassRange, Classes, Classification};
use crate::analysis::classes::{class_index, quantile_classes};

/// Classes of `indices` by `method`, and the class of each index (0 = lowest) in input order.
pub(super) fn classify(indices: &[f64], method: Classification) -> (Classes, Vec<usize>) {
    let mut cuts = Vec::new();
    let assign: Vec<usize> = match method {
        Classification::ThreeClass => {
            let n = indices.len() as f64;
            let mean = indices.iter().sum::<f64>() / n;
            let sd = (indices.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt();
            let (low, high) = (mean - 0.5 * sd, mean + 0.5 * sd);
            cuts = vec![low, high];
            indices
                .iter()
                .map(|&v| {
                    if v < low {
                        0
                    } else if v > high {
                        2
                    } else {
                        1
                    }
                })
                .collect()
        }
        Classification::Quantiles(k) => by_upper_bounds(
            indices,
            &quantile_classes(indices, k).iter().map(|c| c.max).collect::<Vec<_>>(),
        ),
        Classification::NaturalBreaks(k) => by_upper_bounds(indices, &jenks_breaks(indices, k)),
        Classification::KMeans(k) => by_upper_bounds(indices, &kmeans_classes(indices, k)),
    };
    // Renumber so that classes are consecutive from 0 (the three-class cut may leave one empty
    // only when every index is equal; then all are medium and stay 1).
    let count = if method == Classification::ThreeClass {
        3
    } else {
        assign.iter().copied().max().map_or(0, |m| m + 1)
    };
    let ranges = (0..count)
        .filter_map(|class| {
            let members: Vec<f64> = indices
                .iter()
                .zip(&assign)
                .filter(|(_, c)| **c == class)
                .map(|(v, _)| *v)
                .collect();
            if members.is_empty() {
                return None;
            }
            Some(ClassRange {
                min: members.iter().copied().fold(f64::INFINITY, f64::min),
                max: members.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                count: members.len(),
            })
        })
        .collect();
    (Classes { method, ranges, cuts }, assign)
}

/// The class of each value: the first class whose upper bound is not below it.
fn by_upper_bounds(values: &[f64], uppers: &[f64]) -> Vec<usize> {
    let classes: Vec<crate::analysis::ValueClass> =
        uppers.iter().map(|&max| crate::analysis::ValueClass { min: max, max }).collect();
    values.iter().map(|&v| class_index(&classes, v).unwrap_or(0)).collect()
}

/// Distinct finite values ascending, with how often each occurs.
fn distinct_counts(values: &[f64]) -> Vec<(f64, f64)> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let mut groups: Vec<(f64, f64)> = Vec::new();
    for v in sorted {
        match groups.last_mut() {
            Some((last, count)) if *last == v => *count += 1.0,
            _ => groups.push((v, 1.0)),
        }
    }
    groups
}

/// Jenks natural breaks, exact: the upper bound of each of at most `k` classes (fewer when
/// there are fewer distinct values) that minimise the total within-class sum of squared
/// deviations, by Fisher's dynamic programme over the sorted distinct values (each weighted by
/// its count, so equal values are never split). O(k·d²) for d distinct values.
pub fn jenks_breaks(values: &[f64], k: usize) -> Vec<f64> {
    let groups = distinct_counts(values);
    let d = groups.len();
    let k = k.min(d);
    if k == 0 {
        return Vec::new();
    }
    // Prefix sums of count, count·x and count·x² for the cost of any run of groups.
    let mut w = vec![0.0; d + 1];
    let mut s1 = vec![0.0; d + 1];
    let mut s2 = vec![0.0; d + 1];
    for (g, &(x, c)) in groups.iter().enumerate() {
        let at = |v: &Vec<f64>| v.get(g).copied().unwrap_or(0.0);
        let (pw, p1, p2) = (at(&w), at(&s1), at(&s2));
        if let (Some(a), Some(b), Some(e)) =
            (w.get_mut(g + 1), s1.get_mut(g + 1), s2.get_mut(g + 1))
        {
            *a = pw + c;
            *b = p1 + c * x;
            *e = p2 + c * x * x;
        }
    }
    let get = |v: &Vec<f64>, i: usize| v.get(i).copied().unwrap_or(0.0);
    // Sum of squared deviations of groups a..b (exclusive end).
    let cost = |a: usize, b: usize| {
        let weight = get(&w, b) - get(&w, a);
        if weight <= 0.0 {
            return 0.0;
        }
        let sum = get(&s1, b) - get(&s1, a);
        (get(&s2, b) - get(&s2, a) - sum * sum / weight).max(0.0)
    };
    // best[c][b]: least cost of the first b groups in c + 1 classes; from[c][b]: start of the
    // last class.
    let mut best = vec![vec![f64::INFINITY; d + 1]; k];
    let mut from = vec![vec![0usize; d + 1]; k];
    for b in 1..=d {
        if let Some(cell) = best.get_mut(0).and_then(|row| row.get_mut(b)) {
            *cell = cost(0, b);
        }
    }
    for c in 1..k {
        for b in (c + 1)..=d {
            let mut least = f64::INFINITY;
            let mut start = c;
            for a in c..b {
                let previous = best.get(c - 1).and_then(|row| row.get(a)).copied();
                let total = previous.unwrap_or(f64::INFINITY) + cost(a, b);
                if total < least {
                    least = total;
                    start = a;
                }
            }
            if let (Some(cell), Some(origin)) = (
                best.get_mut(c).and_then(|row| row.get_mut(b)),
                from.get_mut(c).and_then(|row| row.get_mut(b)),
            ) {
                *cell = least;
                *origin = start;
            }
        }
    }
    let mut uppers = Vec::with_capacity(k);
    let mut end = d;
    for c in (0..k).rev() {
        if let Some(&(x, _)) = groups.get(end.wrapping_sub(1)) {
            uppers.push(x);
        }
        end = from.get(c).and_then(|row| row.get(end)).copied().unwrap_or(0);
    }
    uppers.reverse();
    uppers
}

/// One-dimensional k-means (Lloyd's algorithm): the upper bound of each of at most `k`
/// non-empty clusters, lowest first. Deterministic start: the centres are the distinct values at
/// positions ⌊(j + ½)·d/k⌋ of the d sorted distinct values; each value goes to its nearest centre
/// (the lower on a tie), centres move to their cluster's mean, until no value changes cluster
/// (at most 100 rounds).
pub fn kmeans_classes(values: &[f64], k: usize) -> Vec<f64> {
    let groups = distinct_counts(values);
    let d = groups.len();
    let k = k.min(d);
    if k == 0 {
        return Vec::new();
    }
    let mut centres: Vec<f64> =
        (0..k).filter_map(|j| groups.get(((2 * j + 1) * d) / (2 * k)).map(|g| g.0)).collect();
    let nearest = |centres: &[f64], x: f64| {
        let mut best = 0;
        for (j, c) in centres.iter().enumerate() {
            let current = centres.get(best).copied().unwrap_or(f64::INFINITY);
            if (x - c).abs() < (x - current).abs() {
                best = j;
            }
        }
        best
    };
    let mut assign: Vec<usize> = groups.iter().map(|g| nearest(&centres, g.0)).collect();
    for _ in 0..100 {
        for (j, centre) in centres.iter_mut().enumerate() {
            let (mut sum, mut count) = (0.0, 0.0);
            for (g, a) in groups.iter().zip(&assign) {
                if *a == j {
                    sum += g.0 * g.1;
                    count += g.1;
                }
            }
            if count > 0.0 {
                *centre = sum / count;
            }
        }
        let next: Vec<usize> = groups.iter().map(|g| nearest(&centres, g.0)).collect();
        if next == assign {
            break;
        }
        assign = next;
    }
    let mut uppers: Vec<f64> = Vec::new();
    for j in 0..k {
        let top = groups
            .iter()
            .zip(&assign)
            .filter(|(_, a)| **a == j)
            .map(|(g, _)| g.0)
            .fold(f64::NEG_INFINITY, f64::max);
        if top.is_finite() {
            uppers.push(top);
        }
    }
    uppers.sort_by(f64::total_cmp);
    uppers
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Twelve values whose optimal partitions were found by trying every set of cut points
    /// (a Python script over all C(11, k−1) partitions, standard library only).
    const SAMPLE: [f64; 12] = [4.0, 5.0, 9.0, 10.0, 17.0, 18.0, 19.0, 31.0, 33.0, 36.0, 52.0, 60.0];

    #[test]
    fn jenks_matches_the_exhaustive_optimum() {
        assert_eq!(jenks_breaks(&SAMPLE, 2), vec![19.0, 60.0]);
        assert_eq!(jenks_breaks(&SAMPLE, 3), vec![19.0, 36.0, 60.0]);
        assert_eq!(jenks_breaks(&SAMPLE, 4), vec![10.0, 19.0, 36.0, 60.0]);
        assert_eq!(jenks_breaks(&SAMPLE, 5), vec![10.0, 19.0, 36.0, 52.0, 60.0]);
    }

    #[test]
    fn jenks_keeps_equal_values_together_and_caps_the_class_count() {
        assert_eq!(jenks_breaks(&[1.0, 1.0, 1.0, 5.0, 5.0, 9.0], 3), vec![1.0, 5.0, 9.0]);
        assert_eq!(jenks_breaks(&[2.0, 2.0, 7.0], 4), vec![2.0, 7.0]);
        assert!(jenks_breaks(&[], 3).is_empty());
    }

    /// Within-class sum of squared deviations of `sorted` cut after the given class ends.
    fn total_cost(sorted: &[f64], uppers: &[f64]) -> f64 {
        let assign = by_upper_bounds(sorted, uppers);
        (0..uppers.len())
            .map(|c| {
                let members: Vec<f64> =
                    sorted.iter().zip(&assign).filter(|(_, a)| **a == c).map(|(v, _)| *v).collect();
                let mean = members.iter().sum::<f64>() / members.len().max(1) as f64;
                members.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>()
            })
            .sum()
    }

    proptest::proptest! {
        #[test]
        fn jenks_is_never_beaten_by_any_other_cut(
            values in proptest::collection::vec(0u8..40, 2..9),
            k in 2usize..5,
        ) {
            let mut sorted: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
            sorted.sort_by(f64::total_cmp);
            let mut distinct = sorted.clone();
            distinct.dedup();
            let k = k.min(distinct.len());
            let best = total_cost(&sorted, &jenks_breaks(&sorted, k));
            // Every choice of k − 1 class ends among the distinct values (bit masks).
            for mask in 0u32..(1 << (distinct.len() - 1)) {
                if mask.count_ones() as usize != k - 1 {
                    continue;
                }
                let mut uppers: Vec<f64> = (0..distinct.len() - 1)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| distinct[i])
                    .collect();
                uppers.push(distinct[distinct.len() - 1]);
                proptest::prop_assert!(best <= total_cost(&sorted, &uppers) + 1e-9);
            }
        }
    }

    #[test]
    fn kmeans_finds_the_three_obvious_groups() {
        let values = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 30.0, 31.0];
        assert_eq!(kmeans_classes(&values, 3), vec![3.0, 12.0, 31.0]);
        // On the sample the start 9, 19, 52 (distinct values at positions 2, 6, 10) converges to
        // centres 7, 25.67, 56: 4–10 | 17–36 | 52–60, a local optimum other than Jenks' split.
        assert_eq!(kmeans_classes(&SAMPLE, 3), vec![10.0, 36.0, 60.0]);
    }

    #[test]
    fn three_class_cut_is_mean_plus_minus_half_a_standard_deviation() {
        // Mean 5, sd (divisor n) = √8 ≈ 2.828: cuts 3.586 and 6.414.
        let (classes, assign) = classify(&[1.0, 3.0, 5.0, 7.0, 9.0], Classification::ThreeClass);
        assert_eq!(assign, vec![0, 0, 1, 2, 2]);
        let [low, high] = classes.cuts[..] else { panic!("two cuts") };
        assert!((low - (5.0 - 0.5 * 8f64.sqrt())).abs() < 1e-12);
        assert!((high - (5.0 + 0.5 * 8f64.sqrt())).abs() < 1e-12);
        assert_eq!(classes.ranges.len(), 3);
    }

    #[test]
    fn quantile_classes_of_the_index_are_monotone() {
        let (classes, assign) = classify(&SAMPLE, Classification::Quantiles(4));
        assert_eq!(assign, vec![0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
        assert_eq!(classes.ranges.iter().map(|r| r.count).collect::<Vec<_>>(), vec![3, 3, 3, 3]);
    }
}
