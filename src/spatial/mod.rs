//! Pure geometry for the map and the store: the equal-area projection fitted to Kazakhstan,
//! validation and repair of boundaries, areas, simplification, unions, triangulation, label
//! points and point-in-region. No egui, no SQL; coordinates are lon/lat degrees unless a function
//! says it works in the geometry's own units.

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
