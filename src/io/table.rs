//! Reading the embedded CSV tables: rows with their line numbers, and cell parsers whose errors
//! name the file, line and column, so a bad cell in an asset is found in one look.

use serde::de::DeserializeOwned;

use super::DefaultDataError;

/// One deserialised CSV record and the line it starts on (1-based, header is line 1 unless
/// comment lines precede it).
pub(super) struct Row<T> {
    pub line: u64,
    pub data: T,
}

/// Reads every record of `text` (UTF-8 CSV with a header; lines starting with `#` are comments).
pub(super) fn read<T: DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<Vec<Row<T>>, DefaultDataError> {
    let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| DefaultDataError::Csv { file, line: 1, message: e.to_string() })?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| DefaultDataError::Csv {
            file,
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, csv::Position::line);
        let data = record.deserialize(Some(&headers)).map_err(|e| DefaultDataError::Csv {
            file,
            line,
            message: e.to_string(),
        })?;
        rows.push(Row { line, data });
    }
    Ok(rows)
}

/// Where a cell is, for error messages.
#[derive(Clone, Copy)]
pub(super) struct Cell {
    pub file: &'static str,
    pub line: u64,
    pub column: &'static str,
}

impl Cell {
    pub fn error(self, problem: impl Into<String>) -> DefaultDataError {
        DefaultDataError::Field {
            file: self.file,
            line: self.line,
            column: self.column,
            problem: problem.into(),
        }
    }

    /// A number, or None for an empty cell.
    pub fn opt_f64(self, text: &str) -> Result<Option<f64>, DefaultDataError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Some(v)),
            _ => Err(self.error(format!("«{text}» is not a number"))),
        }
    }

    pub fn f64(self, text: &str) -> Result<f64, DefaultDataError> {
        self.opt_f64(text)?.ok_or_else(|| self.error("the cell is empty; a number is needed"))
    }

    /// A whole number that is not negative, or None for an empty cell.
    pub fn opt_u64(self, text: &str) -> Result<Option<u64>, DefaultDataError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<u64>()
            .map(Some)
            .map_err(|_| self.error(format!("«{text}» is not a whole number ≥ 0")))
    }

    /// The year of `2018` or `2022-06-08`, or None for an empty cell.
    pub fn opt_year(self, text: &str) -> Result<Option<i32>, DefaultDataError> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let year = text.split('-').next().unwrap_or_default();
        match year.parse::<i32>() {
            Ok(y) if year.len() == 4 && (1900..=2100).contains(&y) => Ok(Some(y)),
            _ => Err(self.error(format!("«{text}» is not a year (YYYY) or a date (YYYY-MM-DD)"))),
        }
    }

    pub fn year(self, text: &str) -> Result<i32, DefaultDataError> {
        self.opt_year(text)?.ok_or_else(|| self.error("the cell is empty; a year is needed"))
    }

    /// A point from latitude and longitude cells: None when both are empty, an error when only
    /// one is given or it lies outside the globe.
    pub fn opt_lon_lat(
        self,
        lat: &str,
        lon: &str,
    ) -> Result<Option<geo::Point<f64>>, DefaultDataError> {
        match (self.opt_f64(lat)?, self.opt_f64(lon)?) {
            (None, None) => Ok(None),
            (Some(lat), Some(lon))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
            {
                Ok(Some(geo::Point::new(lon, lat)))
            }
            (Some(_), Some(_)) => Err(self.error("latitude or longitude out of range")),
            _ => Err(self.error("latitude and longitude must both be given or both be empty")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Pair {
        name: String,
        value: String,
    }

    #[test]
    fn rows_keep_their_line_numbers_past_comments() {
        let text = "# a comment\nname,value\na,1\n\"b\nc\",2\nd,3\n";
        let rows = read::<Pair>("t.csv", text).unwrap();
        let lines: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.data.name.as_str())).collect();
        assert_eq!(lines, [(3, "a"), (4, "b\nc"), (6, "d")]);
        assert_eq!(rows[2].data.value, "3");
    }

    #[test]
    fn bad_cell_names_file_line_and_column() {
        let cell = Cell { file: "assets/facts/x.csv", line: 14, column: "value" };
        let error = cell.f64("12,5").unwrap_err();
        assert_eq!(
            error.to_string(),
            "assets/facts/x.csv line 14, column «value»: «12,5» is not a number"
        );
        assert_eq!(cell.opt_f64(" ").unwrap(), None);
        assert_eq!(cell.opt_year("2022-06-08").unwrap(), Some(2022));
        assert!(cell.opt_year("22").is_err());
        assert!(cell.opt_lon_lat("51.1", "").is_err());
        assert_eq!(cell.opt_lon_lat("51.5", "71.25").unwrap(), Some(geo::Point::new(71.25, 51.5)));
    }

    #[test]
    fn record_with_missing_fields_is_an_error_naming_its_line() {
        let Err(error) = read::<Pair>("t.csv", "name,value\na,1\nb\n") else {
            panic!("a short record was accepted");
        };
        assert!(error.to_string().starts_with("t.csv line 3: "), "{error}");
    }
}
