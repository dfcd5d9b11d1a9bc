//! GeoPackage geometry blobs — the "GP" header with SRS id and envelope, then OGC WKB written and
//! read by geozero — and the `ST_*` SQL functions the GeoPackage R-tree triggers call.

use geo::{BoundingRect, Geometry, LineString, MultiPolygon, Point, Rect};
use geozero::wkb::{GpkgWkb, WkbDialect, WkbWriter};
use geozero::{CoordDimensions, GeozeroGeometry, ToGeo};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;

use super::problem::{GeometryDefect, Shape};

/// Every geometry of an Oblys file is lon/lat on WGS 84.
pub(super) const SRS_ID: i32 = 4326;

/// Encodes a geometry with an `[minx, maxx, miny, maxy]` envelope (none for points: a point is its
/// own envelope) and the empty flag when it has no coordinates.
fn encode(geometry: &Geometry<f64>, with_envelope: bool) -> Result<Vec<u8>, String> {
    let rect = geometry.bounding_rect();
    let envelope = match (with_envelope, rect) {
        (true, Some(r)) => vec![r.min().x, r.max().x, r.min().y, r.max().y],
        _ => Vec::new(),
    };
    let mut blob = Vec::new();
    let mut writer = WkbWriter::with_extended_opts(
        &mut blob,
        WkbDialect::Geopackage,
        CoordDimensions::xy(),
        CoordDimensions::xy(),
        Some(SRS_ID),
        envelope,
        CoordDimensions::xy(),
        false,
        rect.is_none(),
    );
    geometry.process_geom(&mut writer).map_err(|e| e.to_string())?;
    Ok(blob)
}

pub(super) fn multipolygon_blob(geometry: &MultiPolygon<f64>) -> Result<Vec<u8>, String> {
    encode(&Geometry::MultiPolygon(geometry.clone()), true)
}

pub(super) fn point_blob(point: Point<f64>) -> Result<Vec<u8>, String> {
    encode(&Geometry::Point(point), false)
}

pub(super) fn linestring_blob(line: &LineString<f64>) -> Result<Vec<u8>, String> {
    encode(&Geometry::LineString(line.clone()), true)
}

/// Decodes a GeoPackage geometry blob.
pub(super) fn decode(blob: &[u8]) -> Result<Geometry<f64>, GeometryDefect> {
    header(blob)?;
    GpkgWkb(blob).to_geo().map_err(|e| GeometryDefect::Unreadable(e.to_string()))
}

/// A refusal of `found` where a geometry of shape `expected` belongs.
fn wrong(expected: Shape, found: &Geometry<f64>) -> GeometryDefect {
    GeometryDefect::WrongShape { expected, found: shape(found) }
}

pub(super) fn decode_multipolygon(blob: &[u8]) -> Result<MultiPolygon<f64>, GeometryDefect> {
    match decode(blob)? {
        Geometry::MultiPolygon(m) => Ok(m),
        Geometry::Polygon(p) => Ok(MultiPolygon::new(vec![p])),
        other => Err(wrong(Shape::PolygonOrMulti, &other)),
    }
}

pub(super) fn decode_point(blob: &[u8]) -> Result<Point<f64>, GeometryDefect> {
    match decode(blob)? {
        Geometry::Point(p) => Ok(p),
        Geometry::MultiPoint(m) if m.0.len() == 1 => {
            m.0.first().copied().ok_or(GeometryDefect::EmptyMultipoint)
        }
        other => Err(wrong(Shape::Point, &other)),
    }
}

pub(super) fn decode_linestring(blob: &[u8]) -> Result<LineString<f64>, GeometryDefect> {
    match decode(blob)? {
        Geometry::LineString(l) => Ok(l),
        other => Err(wrong(Shape::Line, &other)),
    }
}

fn shape(geometry: &Geometry<f64>) -> Shape {
    match geometry {
        Geometry::Point(_) => Shape::Point,
        Geometry::Line(_) | Geometry::LineString(_) => Shape::Line,
        Geometry::Polygon(_) | Geometry::Rect(_) | Geometry::Triangle(_) => Shape::Polygon,
        Geometry::MultiPoint(_) => Shape::Points,
        Geometry::MultiLineString(_) => Shape::Lines,
        Geometry::MultiPolygon(_) => Shape::MultiPolygon,
        Geometry::GeometryCollection(_) => Shape::Collection,
    }
}

/// What the header of a GeoPackage geometry blob says.
struct Header {
    empty: bool,
    /// `[minx, maxx, miny, maxy]` when the blob carries an envelope.
    envelope: Option<[f64; 4]>,
}

fn header(blob: &[u8]) -> Result<Header, GeometryDefect> {
    let [b'G', b'P', _version, flags, ..] = blob else {
        return Err(GeometryDefect::NoHeader);
    };
    let little_endian = flags & 1 == 1;
    let envelope_len = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 4,
        2 | 3 => 6,
        4 => 8,
        other => return Err(GeometryDefect::EnvelopeCode(other)),
    };
    let read = |i: usize| -> Option<f64> {
        let start = 8 + 8 * i;
        let bytes: [u8; 8] = blob.get(start..start + 8)?.try_into().ok()?;
        Some(if little_endian { f64::from_le_bytes(bytes) } else { f64::from_be_bytes(bytes) })
    };
    let envelope = if envelope_len == 0 {
        None
    } else {
        match (read(0), read(1), read(2), read(3)) {
            (Some(a), Some(b), Some(c), Some(d)) => Some([a, b, c, d]),
            _ => return Err(GeometryDefect::CutShort),
        }
    };
    Ok(Header { empty: flags & 0b1_0000 != 0, envelope })
}

/// `[minx, maxx, miny, maxy]` of a blob: from its header when present, else from its coordinates.
/// None for an empty geometry.
fn envelope(blob: &[u8]) -> Result<Option<[f64; 4]>, GeometryDefect> {
    let h = header(blob)?;
    if h.empty {
        return Ok(None);
    }
    if let Some(e) = h.envelope {
        return Ok(Some(e));
    }
    Ok(decode(blob)?
        .bounding_rect()
        .map(|r: Rect<f64>| [r.min().x, r.max().x, r.min().y, r.max().y]))
}

/// Registers `ST_IsEmpty`, `ST_MinX`, `ST_MaxX`, `ST_MinY`, `ST_MaxY` on `conn`, as the
/// GeoPackage R-tree extension requires of every writer. They are innocuous (pure functions of
/// their argument), so the triggers may call them with `trusted_schema=OFF`.
pub(super) fn register_functions(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8
        | FunctionFlags::SQLITE_DETERMINISTIC
        | FunctionFlags::SQLITE_INNOCUOUS;
    conn.create_scalar_function("ST_IsEmpty", 1, flags, |ctx| {
        let Some(blob) = ctx.get::<Option<Vec<u8>>>(0)? else { return Ok(None) };
        let h = header(&blob).map_err(|e| rusqlite::Error::UserFunctionError(e.into()))?;
        Ok(Some(h.empty))
    })?;
    for (name, index) in [("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)] {
        conn.create_scalar_function(name, 1, flags, move |ctx| {
            let Some(blob) = ctx.get::<Option<Vec<u8>>>(0)? else { return Ok(None) };
            let e = envelope(&blob).map_err(|e| rusqlite::Error::UserFunctionError(e.into()))?;
            Ok(e.and_then(|e| e.get(index).copied()))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{coord, polygon};

    #[test]
    fn multipolygon_blob_has_gp_header_srs_and_envelope_and_round_trips() {
        let mp = MultiPolygon::new(vec![polygon![
            (x: 50.0, y: 40.0), (x: 60.5, y: 40.0), (x: 60.5, y: 45.25), (x: 50.0, y: 40.0)
        ]]);
        let blob = multipolygon_blob(&mp).unwrap();
        assert_eq!(&blob[0..2], b"GP");
        assert_eq!(blob[2], 0, "version 1 is stored as 0");
        assert_eq!(blob[3], 0b0000_0011, "little endian, envelope [minx maxx miny maxy]");
        assert_eq!(i32::from_le_bytes(blob[4..8].try_into().unwrap()), 4326);
        assert_eq!(envelope(&blob).unwrap(), Some([50.0, 60.5, 40.0, 45.25]));
        assert_eq!(decode_multipolygon(&blob).unwrap(), mp);
    }

    #[test]
    fn point_blob_has_no_envelope_but_st_functions_still_find_its_bounds() {
        let blob = point_blob(Point::new(71.4576, 51.16579)).unwrap();
        assert_eq!(blob[3], 0b0000_0001);
        assert_eq!(blob.len(), 8 + 21);
        assert_eq!(envelope(&blob).unwrap(), Some([71.4576, 71.4576, 51.16579, 51.16579]));
        assert_eq!(decode_point(&blob).unwrap(), Point::new(71.4576, 51.16579));
    }

    #[test]
    fn empty_line_is_flagged_empty() {
        let blob = linestring_blob(&LineString::new(vec![])).unwrap();
        assert!(header(&blob).unwrap().empty);
        assert_eq!(envelope(&blob).unwrap(), None);
        let line = LineString::new(vec![coord! { x: 1.0, y: 2.0 }, coord! { x: 3.0, y: 5.0 }]);
        assert_eq!(decode_linestring(&linestring_blob(&line).unwrap()).unwrap(), line);
    }

    #[test]
    fn sql_functions_read_envelopes_and_pass_null_through() {
        let conn = Connection::open_in_memory().unwrap();
        register_functions(&conn).unwrap();
        let blob = point_blob(Point::new(3.0, 4.0)).unwrap();
        let row: (f64, f64, f64, f64, bool) = conn
            .query_row(
                "SELECT ST_MinX(?1), ST_MaxX(?1), ST_MinY(?1), ST_MaxY(?1), ST_IsEmpty(?1)",
                [&blob],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!(row, (3.0, 3.0, 4.0, 4.0, false));
        let null: Option<f64> = conn.query_row("SELECT ST_MinX(NULL)", [], |r| r.get(0)).unwrap();
        assert_eq!(null, None);
        assert!(conn.query_row("SELECT ST_MinX(x'00')", [], |r| r.get::<_, f64>(0)).is_err());
    }

    #[test]
    fn garbage_is_rejected_not_panicked_on() {
        assert!(decode(b"GP").is_err());
        assert!(decode(b"XX\0\x01\0\0\0\0").is_err());
        assert!(decode(b"GP\0\x03\xe6\x10\0\0\0\0").is_err());
    }
}
