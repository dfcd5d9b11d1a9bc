//! Pure geometry for the map and the store: the equal-area projection fitted to Kazakhstan,
//! validation and repair of boundaries, areas, simplification, unions, triangulation, label
//! points and point-in-region. No egui, no SQL; coordinates are lon/lat degrees unless a function
//! says it works in the geometry's own units.
//!
//! Every boundary enters through [`repair`] (shipped and imported alike); everything else
//! expects repaired geometry. The usual path for the map: [`repair`] → [`EqualArea::project_multipolygon`]
//! → [`simplify`] → [`triangulate`] and [`label_point`]; areas come from [`area_km2`] on the
//! repaired lon/lat shape.

mod label;
mod locate;
mod mesh;
mod projection;
#[cfg(test)]
mod proptests;
mod repair;
mod shapes;
#[cfg(test)]
pub(crate) mod test_data;
mod text;
mod validity;

pub use label::label_point;
pub use locate::RegionLocator;
pub use mesh::{Triangles, triangulate};
pub use projection::{EqualArea, area_km2, graticule_cell_km2};
pub use repair::{RepairChange, RepairReport, repair};
pub use shapes::{simplify, union};
pub use validity::Fault;

use geo::MultiPolygon;

/// Every fault of `geom` by the OGC rules (rings with three distinct points, rings that neither
/// touch nor cross themselves, rings of a part meeting at most at points, holes inside their
/// outer ring and apart, parts apart), each with where it is; empty when the geometry is valid.
/// Fast enough to run on every import (well under a millisecond per region).
#[must_use]
pub fn validate(geom: &MultiPolygon<f64>) -> Vec<Fault> {
    validity::faults(geom, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use geo::wkt;

    #[test]
    fn validate_names_the_fault_and_its_place_in_each_language() {
        let bow_tie = wkt!(MULTIPOLYGON(((0. 0., 2. 2., 2. 0., 0. 2., 0. 0.))));
        let found = validate(&bow_tie);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].describe(Lang::En),
            "part 1, outer ring touches or crosses itself at 1.000000, 1.000000"
        );
        assert_eq!(
            found[0].describe(Lang::Kk),
            "1-бөлік, сыртқы контур 1,000000; 1,000000 нүктесінде өзін-өзі жанайды немесе қиып өтеді"
        );
        assert!(validate(&repair(&bow_tie).0).is_empty());
    }
}
