//! Import of statistics files: the pieces that do not depend on the window — reading numbers as
//! statistics bureaus write them and matching region names to the dataset's codes.

pub mod number;
pub mod region_names;

pub use number::{NumberError, parse_number};
pub use region_names::{RegionMatch, RegionMatcher};
