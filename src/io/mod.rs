//! Import and export of tables and layers (CSV, XLSX, GeoJSON), and the embedded default dataset.
//!
//! `default_dataset::build` turns the CSV and GeoJSON files compiled into the binary into a
//! [`Dataset`](crate::model::Dataset); `names` holds the text clean-ups every imported name goes
//! through.

pub mod cells;
pub mod default_dataset;
pub mod export_table;
mod geojson;
pub mod import;
pub mod names;
pub mod projection;
mod table;
pub mod typology;

pub use default_dataset::DefaultDataError;
