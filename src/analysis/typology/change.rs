//! How regions move between classes from one state to another (two years, or the inertial and
//! the managed scenario at the horizon): up, same or down for each region, and the transition
//! table — how many regions, and which, went from each class to each class.
//!
//! Classes are cut in each state separately (the three-class cut around each state's own mean,
//! quantiles of each state's indices …), so a move says where a region stands *relative to the
//! others* in each state, which is what "lifted into a higher class" means for a typology.

use super::TypologyResult;

/// A region's move between two states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClassChange {
    /// Into a higher class.
    Up,
    Same,
    /// Into a lower class.
    Down,
    /// The region has no class in one of the states (insufficient data).
    Unknown,
}

impl ClassChange {
    /// Stable key: `up`, `same`, `down`, `unknown`.
    pub fn key(self) -> &'static str {
        match self {
            ClassChange::Up => "up",
            ClassChange::Same => "same",
            ClassChange::Down => "down",
            ClassChange::Unknown => "unknown",
        }
    }
}

/// The moves between two typology results on the same regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    /// Every region of the first result, in its order, with its move.
    pub changes: Vec<(String, ClassChange)>,
    /// `regions[from][to]`: codes of the regions in class `from` in the first state and `to` in
    /// the second (classes from 0 = lowest), in region order. Square, as large as the larger
    /// class count of the two states.
    pub regions: Vec<Vec<Vec<String>>>,
}

impl Transition {
    /// How many regions went from class `from` to class `to`.
    pub fn count(&self, from: usize, to: usize) -> usize {
        self.regions.get(from).and_then(|row| row.get(to)).map_or(0, Vec::len)
    }
}

/// The class moves of the regions from state `a` to state `b` (regions matched by code; a region
/// missing from `b` counts as unknown).
pub fn transition(a: &TypologyResult, b: &TypologyResult) -> Transition {
    let size = [a, b]
        .iter()
        .flat_map(|r| r.regions.iter().filter_map(|s| s.class))
        .max()
        .map_or(0, |m| m + 1);
    let mut regions = vec![vec![Vec::new(); size]; size];
    let changes = a
        .regions
        .iter()
        .map(|ra| {
            let to = b.region(&ra.code).and_then(|rb| rb.class);
            let change = match (ra.class, to) {
                (Some(from), Some(to)) => {
                    if let Some(cell) = regions.get_mut(from).and_then(|row| row.get_mut(to)) {
                        cell.push(ra.code.clone());
                    }
                    match to.cmp(&from) {
                        std::cmp::Ordering::Greater => ClassChange::Up,
                        std::cmp::Ordering::Equal => ClassChange::Same,
                        std::cmp::Ordering::Less => ClassChange::Down,
                    }
                }
                _ => ClassChange::Unknown,
            };
            (ra.code.clone(), change)
        })
        .collect();
    Transition { changes, regions }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fixture::default_dataset;
    use crate::analysis::typology::{Typology, TypologyState, compute};

    #[test]
    fn moves_between_2021_and_2022_on_the_shipped_data() {
        let ds = default_dataset();
        let mut earlier = Typology::default_for(ds);
        earlier.state = TypologyState::Year(2021);
        let later = Typology::default_for(ds);
        let (Ok(a), Ok(b)) = (compute(ds, &earlier), compute(ds, &later)) else {
            panic!("not computed")
        };
        let t = transition(&a, &b);
        let with = |wanted: ClassChange| -> Vec<&str> {
            t.changes.iter().filter(|(_, c)| *c == wanted).map(|(code, _)| code.as_str()).collect()
        };
        // Akmola and Almaty rise from low to medium, Kostanay and Jambyl fall from medium to low;
        // the six regions of 2022's reform have no data on their current boundaries in 2021.
        assert_eq!(with(ClassChange::Up), vec!["KZ-AKM", "KZ-ALA"]);
        assert_eq!(with(ClassChange::Down), vec!["KZ-KUS", "KZ-ZHA"]);
        assert_eq!(
            with(ClassChange::Unknown),
            vec!["KZ-ABY", "KZ-ALM", "KZ-KAR", "KZ-ULT", "KZ-VOS", "KZ-ZHT"]
        );
        assert_eq!(t.count(0, 1), 2);
        assert_eq!(t.count(1, 0), 2);
        assert_eq!(t.regions[1][0], vec!["KZ-KUS".to_string(), "KZ-ZHA".to_string()]);
        let moved_or_kept: usize =
            (0..3).flat_map(|f| (0..3).map(move |to| (f, to))).map(|(f, to)| t.count(f, to)).sum();
        assert_eq!(moved_or_kept, 14);
    }

    #[test]
    fn a_result_against_itself_keeps_every_region_in_its_class() {
        let ds = default_dataset();
        let Ok(a) = compute(ds, &Typology::default_for(ds)) else { panic!("not computed") };
        let t = transition(&a, &a);
        assert!(t.changes.iter().all(|(_, c)| *c == ClassChange::Same));
        // 7 low, 9 medium, 4 high on the diagonal.
        assert_eq!((t.count(0, 0), t.count(1, 1), t.count(2, 2)), (7, 9, 4));
        assert_eq!(t.count(0, 2), 0);
        assert!(t.regions[2][2].contains(&"KZ-ATY".to_string()));
    }
}
