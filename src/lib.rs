//! Oblys: regional development planning for Kazakhstan. The modules follow the data flow of
//! DESIGN.md: file (`store`) → `Dataset` (`model`) → analysis → map `Scene` → egui (`ui`) or
//! files (`export`).

pub mod analysis;
pub mod app;
pub mod export;
pub mod i18n;
pub mod io;
pub mod map;
pub mod model;
pub mod scenario;
pub mod spatial;
pub mod store;
pub mod ui;
