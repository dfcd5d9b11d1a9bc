//! Import and export of tables and layers (CSV, XLSX, GeoJSON), and the embedded default dataset.
