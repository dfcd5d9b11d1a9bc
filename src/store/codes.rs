//! The text codes enums are stored under (`oblast`, `under_construction`, …) and back. They are
//! part of the file format: change them only with a migration.

use crate::model::{Aggregation, CorridorKind, LocationBasis, ProjectStatus, RegionKind};

pub(crate) fn region_kind(kind: RegionKind) -> &'static str {
    match kind {
        RegionKind::Oblast => "oblast",
        RegionKind::City => "city",
    }
}

pub(crate) fn parse_region_kind(text: &str) -> Option<RegionKind> {
    [RegionKind::Oblast, RegionKind::City].into_iter().find(|k| region_kind(*k) == text)
}

pub(crate) fn location_basis(basis: LocationBasis) -> &'static str {
    match basis {
        LocationBasis::TownCentre => "town_centre",
        LocationBasis::RegionCentre => "region_centre",
    }
}

pub(crate) fn parse_location_basis(text: &str) -> Option<LocationBasis> {
    [LocationBasis::TownCentre, LocationBasis::RegionCentre]
        .into_iter()
        .find(|b| location_basis(*b) == text)
}

const STATUSES: [ProjectStatus; 4] = [
    ProjectStatus::Planned,
    ProjectStatus::UnderConstruction,
    ProjectStatus::Operating,
    ProjectStatus::Unknown,
];

pub(crate) fn project_status(status: ProjectStatus) -> &'static str {
    match status {
        ProjectStatus::Planned => "planned",
        ProjectStatus::UnderConstruction => "under_construction",
        ProjectStatus::Operating => "operating",
        ProjectStatus::Unknown => "unknown",
    }
}

pub(crate) fn parse_project_status(text: &str) -> Option<ProjectStatus> {
    STATUSES.into_iter().find(|s| project_status(*s) == text)
}

const CORRIDOR_KINDS: [CorridorKind; 4] =
    [CorridorKind::Railway, CorridorKind::Road, CorridorKind::PowerLine, CorridorKind::Pipeline];

pub(crate) fn corridor_kind(kind: CorridorKind) -> &'static str {
    match kind {
        CorridorKind::Railway => "railway",
        CorridorKind::Road => "road",
        CorridorKind::PowerLine => "power_line",
        CorridorKind::Pipeline => "pipeline",
    }
}

pub(crate) fn parse_corridor_kind(text: &str) -> Option<CorridorKind> {
    CORRIDOR_KINDS.into_iter().find(|k| corridor_kind(*k) == text)
}

/// An [`Aggregation`] spread over the columns of the `indicators` table.
pub(super) struct AggregationColumns<'a> {
    pub kind: &'static str,
    pub numerator: Option<&'a str>,
    pub denominator: Option<&'a str>,
    pub scale: Option<f64>,
    pub weight: Option<&'a str>,
}

impl<'a> From<&'a Aggregation> for AggregationColumns<'a> {
    fn from(a: &'a Aggregation) -> Self {
        let mut columns = AggregationColumns {
            kind: "",
            numerator: None,
            denominator: None,
            scale: None,
            weight: None,
        };
        match a {
            Aggregation::Additive => columns.kind = "additive",
            Aggregation::Ratio { numerator, denominator, scale } => {
                columns.kind = "ratio";
                columns.numerator = Some(numerator);
                columns.denominator = Some(denominator);
                columns.scale = Some(*scale);
            }
            Aggregation::WeightedMean { weight } => {
                columns.kind = "weighted_mean";
                columns.weight = Some(weight);
            }
            Aggregation::None => columns.kind = "none",
        }
        columns
    }
}

impl AggregationColumns<'_> {
    /// Back to an [`Aggregation`]; None when a needed column is missing or the kind is unknown.
    pub fn to_aggregation(&self) -> Option<Aggregation> {
        Some(match self.kind {
            "additive" => Aggregation::Additive,
            "ratio" => Aggregation::Ratio {
                numerator: self.numerator?.to_owned(),
                denominator: self.denominator?.to_owned(),
                scale: self.scale?,
            },
            "weighted_mean" => Aggregation::WeightedMean { weight: self.weight?.to_owned() },
            "none" => Aggregation::None,
            _ => return None,
        })
    }
}

/// `scenario_targets.kind` of a target.
pub(crate) fn target_kind(kind: &crate::model::TargetKind) -> &'static str {
    match kind {
        crate::model::TargetKind::Ratio { .. } => "ratio",
        crate::model::TargetKind::Absolute { .. } => "absolute",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_value() {
        for k in [RegionKind::Oblast, RegionKind::City] {
            assert_eq!(parse_region_kind(region_kind(k)), Some(k));
        }
        for b in [LocationBasis::TownCentre, LocationBasis::RegionCentre] {
            assert_eq!(parse_location_basis(location_basis(b)), Some(b));
        }
        for s in STATUSES {
            assert_eq!(parse_project_status(project_status(s)), Some(s));
        }
        for k in CORRIDOR_KINDS {
            assert_eq!(parse_corridor_kind(corridor_kind(k)), Some(k));
        }
        let ratio = Aggregation::Ratio {
            numerator: "grp".into(),
            denominator: "population".into(),
            scale: 1000.0,
        };
        assert_eq!(AggregationColumns::from(&ratio).to_aggregation(), Some(ratio));
        assert_eq!(parse_project_status("finished"), None);
    }
}
