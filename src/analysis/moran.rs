//! Spatial autocorrelation of a value over a neighbour graph: global Moran's I with its
//! analytical and permutation inference, and local Moran (LISA) with conditional permutation
//! pseudo p-values — the definitions of PySAL's `esda.Moran` and `esda.Moran_Local` (and GeoDa),
//! written down in `docs/typology.md`. Weights are row-standardised ([`Neighbours`]).
//!
//! Permutations draw from [`SplitMix64`], seeded, so a result is reproducible: the same values,
//! graph, permutation count and seed give the same pseudo p-values on every machine. They are not
//! PySAL's draws (NumPy's generator), so a pseudo p-value agrees with PySAL's within the
//! sampling error of the permutation test, not to the digit; I, E[I], the analytical z and p and
//! the local I_i agree to rounding.

use crate::analysis::neighbours::Neighbours;

/// Permutations of the tests unless the planner asks otherwise (as PySAL).
pub const DEFAULT_PERMUTATIONS: usize = 999;
/// Seed of the permutations unless the planner asks otherwise.
pub const DEFAULT_SEED: u64 = 12_345;
/// Significance level of the LISA categories unless the planner asks otherwise.
pub const DEFAULT_SIGNIFICANCE: f64 = 0.05;

/// Why a statistic cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MoranError {
    #[error("{values} values for a neighbour graph of {units} units: give one value per unit")]
    LengthMismatch { values: usize, units: usize },
    #[error("Moran's I needs at least 4 regions with a value; there are {count}")]
    TooFewValues { count: usize },
    #[error("the value of unit «{code}» is not a finite number")]
    NotFinite { code: String },
    #[error("every unit has the same value: there is no variation to correlate")]
    NoVariation,
    #[error("no unit has a neighbour: spatial autocorrelation is undefined")]
    NoLinks,
}

/// A small, fast, seedable pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014; the
/// seeding generator of Java's `SplittableRandom` and of xoshiro): the state advances by the
/// golden-ratio constant and each output is a bijective mix of it. Ample for shuffling.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose whole sequence is fixed by `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..bound` (0 when `bound` is 0), without modulo bias (Lemire 2019:
    /// multiply-shift with rejection of the short first interval).
    pub fn below(&mut self, bound: usize) -> usize {
        let bound = bound as u64;
        if bound == 0 {
            return 0;
        }
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(bound);
            if (product as u64) >= threshold {
                return (product >> 64) as usize;
            }
        }
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Global Moran's I with its inference (PySAL's `esda.Moran` attribute names in brackets).
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalMoran {
    /// Number of units.
    pub n: usize,
    /// I = (n / S0) · Σ_i Σ_j w_ij z_i z_j / Σ_i z_i² [`I`].
    pub i: f64,
    /// E[I] = −1 / (n − 1) [`EI`].
    pub expected: f64,
    /// Variance of I under normality [`VI_norm`].
    pub variance_norm: f64,
    /// (I − E[I]) / √Var_norm [`z_norm`].
    pub z_norm: f64,
    /// Two-sided p-value of `z_norm` [`p_norm`].
    pub p_norm: f64,
    /// Variance of I under randomisation [`VI_rand`].
    pub variance_rand: f64,
    /// (I − E[I]) / √Var_rand [`z_rand`] — the z Oblys reports.
    pub z_rand: f64,
    /// Two-sided p-value of `z_rand` [`p_rand`].
    pub p_rand: f64,
    /// Permutations run (0: no permutation test).
    pub permutations: usize,
    /// Pseudo p-value (larger + 1) / (permutations + 1), `larger` the permuted I at least as large
    /// as the observed one, or the count on the other side when that is smaller [`p_sim`].
    pub p_sim: Option<f64>,
    /// Mean of the permuted I [`EI_sim`].
    pub expected_sim: Option<f64>,
    /// (I − mean) / standard deviation of the permuted I [`z_sim`].
    pub z_sim: Option<f64>,
}

/// The quadrant of the Moran scatter plot a unit falls in: its own value against the mean of its
/// neighbours' (both relative to the mean of all units).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quadrant {
    /// High value among high values (PySAL q = 1).
    HighHigh,
    /// Low value among high values (q = 2).
    LowHigh,
    /// Low value among low values (q = 3).
    LowLow,
    /// High value among low values (q = 4).
    HighLow,
}

impl Quadrant {
    /// PySAL's quadrant number `q` (1 HH, 2 LH, 3 LL, 4 HL).
    pub fn pysal_q(self) -> u8 {
        match self {
            Quadrant::HighHigh => 1,
            Quadrant::LowHigh => 2,
            Quadrant::LowLow => 3,
            Quadrant::HighLow => 4,
        }
    }

    /// Short stable key: `HH`, `LH`, `LL`, `HL`.
    pub fn key(self) -> &'static str {
        match self {
            Quadrant::HighHigh => "HH",
            Quadrant::LowHigh => "LH",
            Quadrant::LowLow => "LL",
            Quadrant::HighLow => "HL",
        }
    }
}

/// What the LISA map shows for a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LisaCategory {
    /// The pseudo p-value is above the significance level (or the unit has no neighbours).
    NotSignificant,
    /// Significant at the chosen level, in this quadrant.
    Cluster(Quadrant),
}

impl LisaCategory {
    /// Stable key: `HH`, `LL`, `HL`, `LH`, or `ns`.
    pub fn key(self) -> &'static str {
        match self {
            LisaCategory::NotSignificant => "ns",
            LisaCategory::Cluster(q) => q.key(),
        }
    }
}

/// Local Moran of one unit (PySAL's `esda.Moran_Local` attribute names in brackets).
#[derive(Debug, Clone, PartialEq)]
pub struct LocalMoran {
    /// The unit's standardised value z_i = (y_i − ȳ) / s, s the standard deviation with divisor n
    /// [`z`].
    pub z: f64,
    /// Spatial lag of z: the mean of the neighbours' z [`z` lagged].
    pub lag: f64,
    /// I_i = (n − 1) · z_i · lag_i / Σ_j z_j² [`Is`].
    pub i: f64,
    pub quadrant: Quadrant,
    /// Conditional permutation pseudo p-value, folded as in PySAL [`p_sim`]; None without
    /// permutations, or for a unit without neighbours.
    pub p_sim: Option<f64>,
}

impl LocalMoran {
    /// The category at `significance`: the quadrant when `p_sim ≤ significance`.
    pub fn category(&self, significance: f64) -> LisaCategory {
        match self.p_sim {
            Some(p) if p <= significance => LisaCategory::Cluster(self.quadrant),
            _ => LisaCategory::NotSignificant,
        }
    }
}

/// Deviations from the mean, after checking the input.
fn deviations(values: &[f64], w: &Neighbours) -> Result<Vec<f64>, MoranError> {
    if values.len() != w.len() {
        return Err(MoranError::LengthMismatch { values: values.len(), units: w.len() });
    }
    if values.len() < 4 {
        return Err(MoranError::TooFewValues { count: values.len() });
    }
    if let Some(i) = values.iter().position(|v| !v.is_finite()) {
        let code = w.codes().get(i).cloned().unwrap_or_default();
        return Err(MoranError::NotFinite { code });
    }
    if w.islands().len() == w.len() {
        return Err(MoranError::NoLinks);
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let z: Vec<f64> = values.iter().map(|v| v - mean).collect();
    // Deviations at the level of rounding noise (equal values summed in another order) are no
    // variation: root mean square deviation below 10⁻¹² of the largest magnitude.
    let rms = (z.iter().map(|d| d * d).sum::<f64>() / values.len() as f64).sqrt();
    let scale = values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
    if rms == 0.0 || rms <= 1e-12 * scale {
        return Err(MoranError::NoVariation);
    }
    Ok(z)
}

/// Σ_i z_i · lag_i, the cross-product of Moran's I.
fn cross_product(z: &[f64], w: &Neighbours) -> f64 {
    z.iter().enumerate().map(|(i, zi)| zi * w.lag(z, i)).sum()
}

/// Global Moran's I of `values` (one per unit of `w`, in its order), with `permutations` random
/// permutations drawn from a [`SplitMix64`] seeded with `seed` (0 permutations: none).
pub fn global_moran(
    values: &[f64],
    w: &Neighbours,
    permutations: usize,
    seed: u64,
) -> Result<GlobalMoran, MoranError> {
    let z = deviations(values, w)?;
    let n = z.len();
    let nf = n as f64;
    // Row-standardised: every row with neighbours sums to 1, islands to 0.
    let s0 = (n - w.islands().len()) as f64;
    let (mut s1, mut s2) = (0.0, 0.0);
    for i in 0..n {
        let mut column = 0.0;
        for &j in w.of(i) {
            let (wij, wji) = (w.weight(i, j), w.weight(j, i));
            s1 += (wij + wji) * (wij + wji);
            column += wji;
        }
        let row = if w.of(i).is_empty() { 0.0 } else { 1.0 };
        s2 += (row + column) * (row + column);
    }
    s1 /= 2.0;
    let z2: f64 = z.iter().map(|v| v * v).sum();
    let z4: f64 = z.iter().map(|v| v.powi(4)).sum();
    let i = nf / s0 * cross_product(&z, w) / z2;
    let expected = -1.0 / (nf - 1.0);
    let s02 = s0 * s0;
    let n2 = nf * nf;
    let variance_norm =
        (n2 * s1 - nf * s2 + 3.0 * s02) / ((nf - 1.0) * (nf + 1.0) * s02) - expected * expected;
    // Kurtosis of the values, as PySAL's k.
    let k = (z4 / nf) / ((z2 / nf) * (z2 / nf));
    let a = nf * ((n2 - 3.0 * nf + 3.0) * s1 - nf * s2 + 3.0 * s02);
    let b = k * ((n2 - nf) * s1 - 2.0 * nf * s2 + 6.0 * s02);
    let variance_rand =
        (a - b) / ((nf - 1.0) * (nf - 2.0) * (nf - 3.0) * s02) - expected * expected;
    let z_norm = (i - expected) / variance_norm.sqrt();
    let z_rand = (i - expected) / variance_rand.sqrt();
    let mut result = GlobalMoran {
        n,
        i,
        expected,
        variance_norm,
        z_norm,
        p_norm: two_sided_p(z_norm),
        variance_rand,
        z_rand,
        p_rand: two_sided_p(z_rand),
        permutations,
        p_sim: None,
        expected_sim: None,
        z_sim: None,
    };
    if permutations > 0 {
        let mut rng = SplitMix64::new(seed);
        let mut shuffled = z.clone();
        let mut sims = Vec::with_capacity(permutations);
        for _ in 0..permutations {
            rng.shuffle(&mut shuffled);
            sims.push(nf / s0 * cross_product(&shuffled, w) / z2);
        }
        let larger = sims.iter().filter(|&&s| at_least(s, i)).count();
        let larger = larger.min(permutations - larger);
        let mean = sims.iter().sum::<f64>() / permutations as f64;
        let sd = (sims.iter().map(|s| (s - mean) * (s - mean)).sum::<f64>() / permutations as f64)
            .sqrt();
        result.p_sim = Some((larger as f64 + 1.0) / (permutations as f64 + 1.0));
        result.expected_sim = Some(mean);
        result.z_sim = (sd > 0.0).then(|| (i - mean) / sd);
    }
    Ok(result)
}

/// Local Moran of every unit of `w` for `values` (one per unit, in its order), with conditional
/// permutations: for unit i, `permutations` times, its k_i neighbours' values are replaced by
/// k_i values drawn without replacement from the other n − 1 units (unit i keeps its own).
pub fn local_moran(
    values: &[f64],
    w: &Neighbours,
    permutations: usize,
    seed: u64,
) -> Result<Vec<LocalMoran>, MoranError> {
    let deviation = deviations(values, w)?;
    let n = deviation.len();
    let nf = n as f64;
    let sd = (deviation.iter().map(|d| d * d).sum::<f64>() / nf).sqrt();
    let z: Vec<f64> = deviation.iter().map(|d| d / sd).collect();
    let den: f64 = z.iter().map(|v| v * v).sum();
    let scale = (nf - 1.0) / den;
    let mut rng = SplitMix64::new(seed);
    let mut others: Vec<usize> = Vec::with_capacity(n.saturating_sub(1));
    let mut result = Vec::with_capacity(n);
    for (i, &zi) in z.iter().enumerate() {
        let lag = w.lag(&z, i);
        let local = scale * zi * lag;
        let quadrant = match (zi > 0.0, lag > 0.0) {
            (true, true) => Quadrant::HighHigh,
            (false, true) => Quadrant::LowHigh,
            (false, false) => Quadrant::LowLow,
            (true, false) => Quadrant::HighLow,
        };
        let k = w.of(i).len();
        let p_sim = (permutations > 0 && k > 0).then(|| {
            others.clear();
            others.extend((0..n).filter(|&j| j != i));
            let mut larger = 0usize;
            for _ in 0..permutations {
                // A partial Fisher–Yates shuffle: the first k entries become a uniform random
                // sample of the others, whatever order the array was left in.
                let mut sum = 0.0;
                for slot in 0..k {
                    let pick = slot + rng.below(others.len() - slot);
                    others.swap(slot, pick);
                    sum += others.get(slot).and_then(|&j| z.get(j)).copied().unwrap_or(0.0);
                }
                if at_least(scale * zi * (sum / k as f64), local) {
                    larger += 1;
                }
            }
            let larger = larger.min(permutations - larger);
            (larger as f64 + 1.0) / (permutations as f64 + 1.0)
        });
        result.push(LocalMoran { z: zi, lag, i: local, quadrant, p_sim });
    }
    Ok(result)
}

/// Global and local Moran of values with gaps, over the units that have a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Autocorrelation {
    pub global: GlobalMoran,
    /// One entry per unit of the full graph, in its order; None for a unit without a value.
    pub local: Vec<Option<LocalMoran>>,
}

/// Moran's I and LISA of `values` (one per unit of `w`, None where the unit has no value) over
/// the units that have one, on the graph restricted to them (PySAL's `w_subset`), with
/// `permutations` seeded by `seed` — for any indicator of a year or the typology's index.
pub fn autocorrelation(
    values: &[Option<f64>],
    w: &Neighbours,
    permutations: usize,
    seed: u64,
) -> Result<Autocorrelation, MoranError> {
    if values.len() != w.len() {
        return Err(MoranError::LengthMismatch { values: values.len(), units: w.len() });
    }
    let keep: Vec<bool> = values.iter().map(Option::is_some).collect();
    let graph = w.subset(&keep);
    let present: Vec<f64> = values.iter().copied().flatten().collect();
    let global = global_moran(&present, &graph, permutations, seed)?;
    let mut local = local_moran(&present, &graph, permutations, seed)?.into_iter();
    let local = values.iter().map(|v| v.and_then(|_| local.next())).collect();
    Ok(Autocorrelation { global, local })
}

/// Whether a permuted statistic is at least as large as the observed one. Permutations that
/// rearrange the same numbers often give the observed value again with other rounding (sums in
/// another order); such ties within 10⁻¹⁰ relative count as "at least as large", as they would
/// in exact arithmetic, so integer-valued data give stable pseudo p-values.
fn at_least(simulated: f64, observed: f64) -> bool {
    simulated >= observed - 1e-10 * observed.abs().max(1e-300)
}

/// Two-sided p-value of a standard normal z: 2 · P(Z > |z|) = erfc(|z| / √2).
pub fn two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return f64::NAN;
    }
    erfc(z.abs() / std::f64::consts::SQRT_2)
}

/// The complementary error function, Chebyshev fit with fractional error below 1.2 × 10⁻⁷ everywhere
/// (Press et al., Numerical Recipes, 2nd ed., §6.2 `erfcc`): ample for p-values.
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::neighbours::Contiguity;

    /// The 3×3 grid values used by the hand-computed tests, row by row:
    /// ```text
    /// 10  8  3
    ///  9  5  2
    ///  1  4  7
    /// ```
    /// Expected numbers come from a 60-line Python script using only the standard library
    /// (the formulas of docs/typology.md written out with explicit weight matrices, `math.erfc`
    /// for p-values; exact permutation shares by enumerating all 9! orders and all k-subsets).
    const GRID: [f64; 9] = [10.0, 8.0, 3.0, 9.0, 5.0, 2.0, 1.0, 4.0, 7.0];

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn splitmix64_first_outputs_match_the_reference_for_seed_zero() {
        // Reference outputs of SplitMix64 for seed 0 (Vigna's splitmix64.c).
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(rng.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert_eq!(rng.next_u64(), 0x06c4_5d18_8009_454f);
    }

    #[test]
    fn below_stays_in_range_and_covers_every_value() {
        let mut rng = SplitMix64::new(7);
        let mut seen = [0usize; 5];
        for _ in 0..5000 {
            let v = rng.below(5);
            assert!(v < 5);
            seen[v] += 1;
        }
        assert!(seen.iter().all(|&c| c > 800), "{seen:?}");
    }

    #[test]
    fn normal_p_values_match_tables() {
        assert!(close(two_sided_p(1.959_964), 0.05, 1e-6));
        assert!(close(two_sided_p(-2.575_829), 0.01, 1e-6));
        assert!(close(two_sided_p(0.0), 1.0, 1e-6));
    }

    #[test]
    fn global_moran_on_the_rook_grid_matches_the_hand_computation() {
        let w = Neighbours::lattice(3, 3, Contiguity::Rook);
        let Ok(m) = global_moran(&GRID, &w, 0, 1) else { panic!("no result") };
        assert!(close(m.i, 0.128_153_153_153_153_1, 1e-12), "{}", m.i);
        assert!(close(m.expected, -0.125, 1e-15));
        assert!(close(m.variance_norm, 0.057_214_506_172_839_52, 1e-12));
        assert!(close(m.variance_rand, 0.066_536_000_688_590_77, 1e-12));
        assert!(close(m.z_norm, 1.058_352_315_256_890_6, 1e-9));
        assert!(close(m.z_rand, 0.981_420_204_669_584, 1e-9));
        assert!(close(m.p_norm, 0.289_894_850_457_612_2, 1e-6));
        assert!(close(m.p_rand, 0.326_385_566_536_473_3, 1e-6));
        assert_eq!(m.p_sim, None);
    }

    #[test]
    fn global_moran_on_the_queen_grid_matches_the_hand_computation() {
        let w = Neighbours::lattice(3, 3, Contiguity::Queen);
        let Ok(m) = global_moran(&GRID, &w, 0, 1) else { panic!("no result") };
        assert!(close(m.i, 0.084_864_864_864_864_9, 1e-12), "{}", m.i);
        assert!(close(m.variance_norm, 0.020_862_654_320_987_682, 1e-12));
        assert!(close(m.variance_rand, 0.023_670_120_305_311_772, 1e-12));
        assert!(close(m.z_norm, 1.452_964_337_792_470_8, 1e-9));
        assert!(close(m.z_rand, 1.364_078_938_281_923_6, 1e-9));
        assert!(close(m.p_rand, 0.172_542_722_741_782_06, 1e-6));
    }

    #[test]
    fn global_pseudo_p_approaches_the_exact_permutation_share() {
        // Of all 9! orders of the rook grid's values, 58,888 (16.23 %) give I ≥ the observed one;
        // for the queen grid 39,192 (10.80 %). 9,999 draws: standard error ≈ 0.004.
        for (contiguity, exact) in
            [(Contiguity::Rook, 0.162_279_541), (Contiguity::Queen, 0.108_002_646)]
        {
            let w = Neighbours::lattice(3, 3, contiguity);
            let Ok(m) = global_moran(&GRID, &w, 9999, 42) else { panic!("no result") };
            let Some(p) = m.p_sim else { panic!("no pseudo p") };
            assert!(close(p, exact, 0.02), "{contiguity:?}: {p} vs {exact}");
            let Some(mean) = m.expected_sim else { panic!("no mean") };
            assert!(close(mean, -0.125, 0.01), "{mean}");
        }
    }

    #[test]
    fn permutation_tests_are_reproducible_with_a_seed_and_differ_across_seeds() {
        let w = Neighbours::lattice(3, 3, Contiguity::Queen);
        let first = global_moran(&GRID, &w, 999, 7);
        assert_eq!(first, global_moran(&GRID, &w, 999, 7));
        assert_eq!(local_moran(&GRID, &w, 999, 7), local_moran(&GRID, &w, 999, 7));
        let seeds: Vec<Option<f64>> = (0..5)
            .map(|seed| global_moran(&GRID, &w, 99, seed).ok().and_then(|m| m.p_sim))
            .collect();
        assert!(seeds.windows(2).any(|pair| pair[0] != pair[1]), "{seeds:?}");
    }

    #[test]
    fn local_moran_on_the_rook_grid_matches_the_hand_computation() {
        let w = Neighbours::lattice(3, 3, Contiguity::Rook);
        let Ok(local) = local_moran(&GRID, &w, 0, 1) else { panic!("no result") };
        let expected = [
            1.354_354_354_354_354,
            0.138_138_138_138_138_1,
            0.105_705_705_705_705_73,
            -0.038_438_438_438_438_46,
            -0.013_213_213_213_213_207,
            0.148_948_948_948_949,
            -0.456_456_456_456_456_3,
            0.156_156_156_156_156_22,
            -0.369_969_969_969_969_9,
        ];
        for (l, e) in local.iter().zip(expected) {
            assert!(close(l.i, e, 1e-12), "{} vs {e}", l.i);
        }
        let q: Vec<u8> = local.iter().map(|l| l.quadrant.pysal_q()).collect();
        assert_eq!(q, vec![1, 1, 3, 4, 2, 3, 2, 3, 4]);
        // With row-standardised weights and no islands, Σ_i I_i = (n − 1) · I.
        let sum: f64 = local.iter().map(|l| l.i).sum();
        assert!(close(sum / 8.0, 0.128_153_153_153_153_1, 1e-12));
    }

    #[test]
    fn local_moran_on_the_queen_grid_matches_the_hand_computation() {
        let w = Neighbours::lattice(3, 3, Contiguity::Queen);
        let Ok(local) = local_moran(&GRID, &w, 0, 1) else { panic!("no result") };
        let expected = [
            0.837_237_237_237_237,
            0.088_408_408_408_408_38,
            0.105_705_705_705_705_74,
            0.053_813_813_813_813_77,
            -0.002_402_402_402_402_394,
            0.014_894_894_894_894_935,
            -0.240_240_240_240_240_15,
            0.090_570_570_570_570_62,
            -0.269_069_069_069_069,
        ];
        for (l, e) in local.iter().zip(expected) {
            assert!(close(l.i, e, 1e-12), "{} vs {e}", l.i);
        }
        let q: Vec<u8> = local.iter().map(|l| l.quadrant.pysal_q()).collect();
        assert_eq!(q, vec![1, 1, 3, 1, 2, 3, 2, 3, 4]);
    }

    #[test]
    fn conditional_pseudo_p_approaches_the_exact_share_of_neighbour_sets() {
        // Corner cell (value 10): 1 of the 28 pairs of other cells (rook) and 2 of the 56
        // triples (queen) give a local I at least as large as the observed one: 0.0357.
        for contiguity in [Contiguity::Rook, Contiguity::Queen] {
            let w = Neighbours::lattice(3, 3, contiguity);
            let Ok(local) = local_moran(&GRID, &w, 9999, 3) else { panic!("no result") };
            let Some(p) = local.first().and_then(|l| l.p_sim) else { panic!("no p") };
            assert!(close(p, 1.0 / 28.0, 0.01), "{contiguity:?}: {p}");
            let Some(first) = local.first() else { panic!("no unit") };
            assert_eq!(first.category(0.05), LisaCategory::Cluster(Quadrant::HighHigh));
            assert_eq!(first.category(0.01), LisaCategory::NotSignificant);
        }
        // Centre cell under rook contiguity: 45 of 70 sets reach its I, folded to 25/70 = 0.357.
        let w = Neighbours::lattice(3, 3, Contiguity::Rook);
        let Ok(local) = local_moran(&GRID, &w, 9999, 3) else { panic!("no result") };
        let Some(p) = local.get(4).and_then(|l| l.p_sim) else { panic!("no p") };
        assert!(close(p, 25.0 / 70.0, 0.02), "{p}");
    }

    #[test]
    fn strong_gradient_is_significant_high_high_and_low_low() {
        // A 5×5 ramp: values rise from the top-left to the bottom-right corner.
        let values: Vec<f64> = (0..25).map(|k| f64::from(k / 5 + k % 5)).collect();
        let w = Neighbours::lattice(5, 5, Contiguity::Queen);
        let Ok(m) = global_moran(&values, &w, 999, 1) else { panic!("no result") };
        assert!(m.i > 0.7, "{}", m.i);
        assert_eq!(m.p_sim, Some(0.001));
        let Ok(local) = local_moran(&values, &w, 999, 1) else { panic!("no result") };
        let corners: Vec<LisaCategory> =
            [0, 24].iter().filter_map(|&i| local.get(i)).map(|l| l.category(0.05)).collect();
        assert_eq!(
            corners,
            vec![
                LisaCategory::Cluster(Quadrant::LowLow),
                LisaCategory::Cluster(Quadrant::HighHigh)
            ]
        );
    }

    #[test]
    fn autocorrelation_with_gaps_equals_moran_on_the_graph_without_them() {
        // The rook grid with a tenth unit (no value) linked to the corner: dropping it leaves
        // the 3×3 grid, so the numbers are those of the hand computation.
        let Ok(w) = Neighbours::from_lists(
            (0..10).map(|i| format!("u{i}")).collect(),
            vec![
                vec![1, 3, 9],
                vec![2, 4],
                vec![5],
                vec![4, 6],
                vec![5, 7],
                vec![8],
                vec![7],
                vec![8],
                vec![],
                vec![],
            ],
        ) else {
            panic!("lists refused")
        };
        let mut values: Vec<Option<f64>> = GRID.iter().copied().map(Some).collect();
        values.push(None);
        let Ok(a) = autocorrelation(&values, &w, 0, 1) else { panic!("no result") };
        assert!(close(a.global.i, 0.128_153_153_153_153_1, 1e-12));
        assert_eq!(a.local.len(), 10);
        assert!(a.local[9].is_none());
        assert!(a.local[0].as_ref().is_some_and(|l| close(l.i, 1.354_354_354_354_354, 1e-12)));
    }

    #[test]
    fn errors_name_what_is_wrong() {
        let w = Neighbours::lattice(2, 2, Contiguity::Rook);
        assert_eq!(
            global_moran(&[1.0, 2.0, 3.0], &w, 0, 1),
            Err(MoranError::LengthMismatch { values: 3, units: 4 })
        );
        assert_eq!(global_moran(&[2.0; 4], &w, 0, 1), Err(MoranError::NoVariation));
        assert_eq!(
            global_moran(&[1.0, f64::NAN, 2.0, 3.0], &w, 0, 1),
            Err(MoranError::NotFinite { code: "r0c1".into() })
        );
        let three = Neighbours::lattice(1, 3, Contiguity::Rook);
        assert_eq!(
            local_moran(&[1.0, 2.0, 3.0], &three, 0, 1),
            Err(MoranError::TooFewValues { count: 3 })
        );
    }
}
