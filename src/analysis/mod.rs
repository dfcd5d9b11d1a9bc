//! Numbers derived from the dataset for maps, charts and tables: a year's values on a boundary
//! edition (legacy units resolved through the lineage), rankings, region, national and median
//! series, and class breaks for the choropleth. Pure functions on `Dataset`, no I/O.

mod classes;
#[cfg(test)]
pub(crate) mod fixture;
pub mod moran;
pub mod neighbours;
pub(crate) mod series;
pub mod typology;
pub(crate) mod values;

pub use classes::{ValueClass, class_index, quantile_classes};
pub use series::{RankedValue, median_series, national_series, ranking, region_series};
pub use values::{
    BoundaryMode, EditionValues, UnitValue, ValueOrigin, drawn_edition, edition_values,
    reported_edition, unit_value, view_values,
};

#[cfg(test)]
mod tests;
