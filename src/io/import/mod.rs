//! Import of statistics files: the pieces that do not depend on the window — reading numbers as
//! statistics bureaus write them and matching region names to the dataset's codes.

pub mod long_csv;
pub mod number;
pub mod region_names;

pub use long_csv::{CsvImportError, LongPreview, PreviewRow, RowProblem, preview_long_csv};
pub use number::{NumberError, parse_number};
pub use region_names::{RegionMatch, RegionMatcher};
